// Step, sigmoid, tanh and ReLU side by side, with the learner's model's own pre-activations (on the gate
// views' text) falling on them, so saturation — the flat ends where the slope, and with it the
// gradient, nearly vanishes — is seen on the model's real numbers, live while it trains.
import { formatPercent } from '../../../format';
import { language, t } from '../../../i18n';
import { h, setText } from '../../dom';
import { controlRow, sayFormula, viewShell } from '../viewShell';
import { ACTIVATIONS, saturationShare, type ActivationId, type FunctionInputs } from './activationMath';
import { activationPlot } from './activationPlot';
import './activations.css';

export interface ActivationsViewData {
  cell: string;
  nonlinearity: string;  // the RNN's
  step: number;
  chars: number;         // characters of the gate views' text read
  inputs: Record<ActivationId, FunctionInputs> | null;  // null: not asked yet
}

const NAMES: Record<ActivationId, string> = { step: 'step', sigmoid: 'sigmoid σ', tanh: 'tanh', relu: 'ReLU' };

export class ActivationsView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly cells = new Map<ActivationId, { holder: HTMLElement; caption: HTMLElement }>();
  private readonly switchRow: HTMLElement;
  private readonly switchButton: HTMLButtonElement;
  private drawn: unknown = null;

  constructor(onNonlinearity: (raw: string) => void) {
    const shell = viewShell('activations', 'act.title', ['act.about1', 'act.about2', 'act.about3']);
    this.root = shell.root;
    this.status = shell.status;
    const grid = h('div', { class: 'activation-grid', id: 'activations-grid' });
    for (const id of ACTIVATIONS) {
      const holder = h('div', { class: 'activation-holder' });
      const caption = h('p', { class: 'activation-caption', id: `activation-${id}-caption` });
      grid.append(h('figure', { class: 'activation-figure', attrs: { 'data-activation': id } }, [
        h('figcaption', { class: 'activation-head' }, [h('strong', { text: NAMES[id] }), ' ', sayFormula(`act.formula.${id}`)]),
        holder, caption,
      ]));
      this.cells.set(id, { holder, caption });
    }
    this.switchButton = h('button', { class: 'btn btn-small', id: 'activations-switch', attrs: { type: 'button' } });
    this.switchButton.addEventListener('click', () => onNonlinearity(this.switchButton.dataset.to ?? 'tanh'));
    this.switchRow = controlRow([h('span', { say: 'act.switchLabel' }), this.switchButton]);
    shell.main.append(h('p', { class: 'teach-axis-note', say: 'act.axis' }), grid, this.switchRow);
  }

  render(d: ActivationsViewData): void {
    const rnn = d.cell === 'rnn';
    this.switchRow.hidden = !rnn;
    const to = d.nonlinearity === 'relu' ? 'tanh' : 'relu';
    this.switchButton.dataset.to = to;
    setText(this.switchButton, t('act.switchTo', { fn: NAMES[to] }));
    const name = rnn ? t('act.rnnWith', { fn: NAMES[d.nonlinearity === 'relu' ? 'relu' : 'tanh'] }) : d.cell === 'gru' ? 'GRU' : 'LSTM';
    if (d.inputs === null) {
      setText(this.status, t('act.waiting', { name }));
    } else {
      let total = 0;
      let flat = 0;
      for (const id of ACTIVATIONS) {
        const v = d.inputs[id].values;
        total += v.length;
        flat += saturationShare(id, v) * v.length;
      }
      setText(this.status, t('act.status', { name, step: d.step, n: total, chars: d.chars, share: formatPercent(total ? flat / total : 0) }));
    }
    if (this.drawn === d.inputs && this.root.dataset.lang === language()) return;  // the same answer: nothing to redraw
    this.drawn = d.inputs;
    this.root.dataset.lang = language();
    for (const id of ACTIVATIONS) {
      const c = this.cells.get(id)!;
      const input = d.inputs?.[id] ?? { values: new Float32Array(0), gates: [] };
      c.holder.replaceChildren(activationPlot(id, input.values, t('act.plotLabel', { fn: NAMES[id] })));
      setText(c.caption, this.caption(id, input, d));
    }
  }

  private caption(id: ActivationId, input: FunctionInputs, d: ActivationsViewData): string {
    if (id === 'step') return t('act.stepNote');
    if (input.values.length === 0) {
      if (d.inputs === null) return '';
      return id === 'relu' && d.cell === 'rnn' ? t('act.reluUnused') : t('act.unused');
    }
    const share = formatPercent(saturationShare(id, input.values));
    const gates = input.gates.join(', ');
    return id === 'relu' ? t('act.reluOff', { share, n: input.values.length }) : t('act.saturated', { share, n: input.values.length, gates });
  }
}
