// The equations of the cell in use, term by term, rendered as text with <sub> subscripts (no math
// library, nothing fetched): what each line computes, in the order the core computes it.
import { language, t, tDynamic } from '../../../i18n';
import { h } from '../../dom';
import { viewShell } from '../viewShell';
import { EQUATIONS, RNN_RELU, SYMBOLS } from './equations';
import { formula } from './formula';

export class EquationsView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly title: HTMLElement;
  private readonly symbols: HTMLElement;
  private cell = '';

  constructor() {
    const shell = viewShell('equations', 'eq.title', ['eq.about1', 'eq.about2']);
    this.root = shell.root;
    this.title = shell.status;
    this.list = h('dl', { class: 'equations', id: 'equations-list' });
    this.symbols = h('p', { class: 'teach-symbols' });
    shell.main.append(this.list, this.symbols);
  }

  render(cell: string, layers: number, nonlinearity = 'tanh'): void {
    const key = `${cell}:${layers}:${nonlinearity}:${language()}`;
    if (key === this.cell) return;
    this.cell = key;
    const name = cell === 'rnn' || cell === 'lstm' || cell === 'gru' ? t(`eq.name.${cell}`) : cell;
    this.title.textContent = layers > 1 ? t('eq.layers', { name, layers }) : t('eq.oneLayer', { name });
    const equations = cell === 'rnn' && nonlinearity === 'relu' ? RNN_RELU : EQUATIONS[cell] ?? EQUATIONS.rnn;
    this.list.replaceChildren(...equations.map((e) => h('div', { class: 'equation', attrs: { 'data-lhs': e.lhs } }, [
      h('dt', {}, [formula(e.lhs), ' = ', formula(e.rhsSaid ? tDynamic(e.rhsSaid) : e.rhs)]),
      h('dd', { text: tDynamic(e.note) }),
    ])));
    this.symbols.replaceChildren(...SYMBOLS.flatMap(([symbol, meaning], i) => [i > 0 ? ' · ' : '', formula(symbol), `: ${tDynamic(meaning)}`]));
  }
}
