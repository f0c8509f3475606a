// The equations of the cell in use, term by term, rendered as text with <sub> subscripts (no math
// library, nothing fetched): what each line computes, in the order the core computes it.
import { h } from '../../dom';
import { viewShell } from '../viewShell';
import { EQUATIONS, SYMBOLS } from './equations';
import { formula } from './formula';

const NAMES: Record<string, string> = { rnn: 'plain RNN', lstm: 'LSTM', gru: 'GRU' };

export class EquationsView {
  readonly root: HTMLElement;
  private readonly list: HTMLElement;
  private readonly title: HTMLElement;
  private cell = '';

  constructor() {
    const shell = viewShell('equations', 'The equations of the cell in use', [
      'One step of the network for one character, from the one-hot input to the loss. The weights W and biases b are the model’s parameters; everything else is computed fresh for every character, and h_t (and c_t for the LSTM) carries over to the next step.',
      'These are PyTorch’s equations, gate order and two-bias form exactly; a model file saved here loads into torch.nn with the same names.',
    ]);
    this.root = shell.root;
    this.title = shell.status;
    this.list = h('dl', { class: 'equations', id: 'equations-list' });
    shell.main.append(this.list, h('p', { class: 'teach-symbols' }, [formula(SYMBOLS)]));
  }

  render(cell: string, layers: number): void {
    const key = `${cell}:${layers}`;
    if (key === this.cell) return;
    this.cell = key;
    this.title.textContent = `${NAMES[cell] ?? cell}, ${layers} layer${layers > 1 ? 's' : ''}${layers > 1 ? ': each layer above the first reads the hidden state of the layer below instead of the one-hot input' : ''}.`;
    this.list.replaceChildren(...(EQUATIONS[cell] ?? EQUATIONS.rnn).map((e) => h('div', { class: 'equation', attrs: { 'data-lhs': e.lhs } }, [
      h('dt', {}, [formula(e.lhs), ' = ', formula(e.rhs)]),
      h('dd', { text: e.note }),
    ])));
  }
}
