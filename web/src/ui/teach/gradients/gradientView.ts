// Vanishing and exploding gradients, live: for the last training window, how much the loss of its last
// prediction depends on the state at each earlier step, on a log scale; beside it, what the window
// length (sequence length) means for what the model can learn.
import type { GradientNorms } from './gradientSeries';
import { formatCount } from '../../../format';
import { h, setText } from '../../dom';
import { LineChart, type SeriesSpec } from '../chart/lineChart';
import { formula } from '../equations/formula';
import { controlRow, viewShell } from '../viewShell';
import { decay, decayVerdict, gradientSeries } from './gradientSeries';
import { windowNote } from './windowNote';

export interface GradientViewData {
  norms: GradientNorms | null;
  step: number;
  cell: string;
  seqLen: number;
}

const HIDDEN_COLORS = ['#4f46e5', '#0891b2', '#7c3aed', '#0f766e'];
const CELL_COLORS = ['#ea580c', '#d97706', '#dc2626', '#b45309'];

export class GradientView {
  readonly root: HTMLElement;
  private readonly chart: LineChart;
  private readonly caption: HTMLElement;
  private readonly status: HTMLElement;
  private readonly note: { headline: HTMLElement; can: HTMLElement; cannot: HTMLElement };
  private readonly seqInput: HTMLInputElement;

  constructor(onSeqLen: (raw: string) => void) {
    const shell = viewShell('gradients', 'Vanishing and exploding gradients', [
      'Backpropagation through time multiplies the gradient by the recurrent Jacobian once per step it travels back. In a plain RNN those factors are usually below 1, so the gradient shrinks geometrically toward the window’s start: early characters get almost no say in learning.',
      'The LSTM’s cell state is updated by addition (c_t = f ⊙ c_{t−1} + i ⊙ g): while the forget gate stays near 1, the gradient along the cell path (dashed) barely shrinks. Try the RNN, then the LSTM.',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.caption = h('p', { class: 'teach-caption', id: 'gradients-caption' });
    shell.main.append(h('p', { class: 'teach-axis-note' }, [formula('‖∂ℓ_T/∂h_t‖ and, for the LSTM, ‖∂ℓ_T/∂c_t‖ (log scale) against the step t of the window; ℓ_T is the loss of the window’s last prediction.')]));
    this.chart = new LineChart(shell.main, {
      height: 260, narrowHeight: 200, log: true,
      xLabel: (v) => String(v),
    }, { id: 'gradients-chart', role: 'img', 'aria-label': 'Gradient norm per step of the window, log scale' });
    shell.main.append(this.caption);
    this.note = { headline: h('p', { class: 'teach-note-head' }), can: h('p'), cannot: h('p') };
    this.seqInput = h('input', { class: 'input input-narrow', id: 'teach-seqlen', attrs: { type: 'number', min: '1', max: '1024', step: '1' } });
    this.seqInput.addEventListener('change', () => onSeqLen(this.seqInput.value));
    shell.aside.append(
      h('div', { class: 'teach-box', id: 'gradients-window' }, [
        h('h4', { text: 'Sequence length: the window' }),
        this.note.headline, this.note.can, this.note.cannot,
        controlRow([h('label', { text: 'Sequence length', attrs: { for: 'teach-seqlen' } }), this.seqInput]),
      ]),
    );
  }

  render(d: GradientViewData): void {
    const w = windowNote(d.seqLen, d.cell);
    setText(this.note.headline, w.headline);
    setText(this.note.can, w.can);
    setText(this.note.cannot, w.cannot);
    if (document.activeElement !== this.seqInput) this.seqInput.value = String(d.seqLen);
    if (!d.norms || d.norms.steps === 0) {
      setText(this.status, 'Train (or press Step) to see the gradients of a training window.');
      setText(this.caption, '');
      this.chart.setData([], [], []);
      return;
    }
    const s = gradientSeries(d.norms);
    const series: SeriesSpec[] = [];
    const ys: (number | null)[][] = [];
    s.hidden.forEach((row, l) => {
      series.push({ label: `‖∂ℓ/∂h‖ layer ${l + 1}`, stroke: HIDDEN_COLORS[l % 4] });
      ys.push(row);
    });
    s.cell.forEach((row, l) => {
      series.push({ label: `‖∂ℓ/∂c‖ layer ${l + 1}`, stroke: CELL_COLORS[l % 4], dash: [6, 4] });
      ys.push(row);
    });
    this.chart.setData(s.steps, ys, series);
    setText(this.status, `The last training window (step ${formatCount(d.step)}), ${d.norms.steps} steps, first stream.`);
    const top = s.hidden.length - 1;
    const parts = [`Hidden state, layer ${top + 1}: ${decayVerdict(decay(s.hidden[top]))}.`];
    if (s.cell.length > 0) parts.push(`Cell state: ${decayVerdict(decay(s.cell[top]))}.`);
    setText(this.caption, parts.join(' '));
  }
}
