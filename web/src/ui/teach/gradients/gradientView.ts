// Vanishing and exploding gradients, live: for the last training window, how much the loss of its last
// prediction depends on the state at each earlier step, on a log scale; beside it, what the window
// length (sequence length) means for what the model can learn.
import { language, t } from '../../../i18n';
import { formula } from '../equations/formula';
import type { GradientNorms } from './gradientSeries';
import { h, setText } from '../../dom';
import { LineChart, type SeriesSpec } from '../chart/lineChart';
import { controlRow, sayFormula, viewShell } from '../viewShell';
import { decay, decayVerdict, gradientSeries } from './gradientSeries';
import { windowNote } from './windowNote';

export interface GradientViewData {
  norms: GradientNorms | null;
  step: number;
  cell: string;
  nonlinearity: string;  // the plain RNN's: tanh or relu
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
  private readonly activation: HTMLElement;

  constructor(onSeqLen: (raw: string) => void) {
    const shell = viewShell('gradients', 'gradients.title', ['gradients.about1', 'gradients.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.caption = h('p', { class: 'teach-caption', id: 'gradients-caption' });
    shell.main.append(h('p', { class: 'teach-axis-note' }, [sayFormula('gradients.axis')]));
    this.chart = new LineChart(shell.main, {
      height: 260, narrowHeight: 200, log: true,
      xLabel: (v) => String(v),
    }, { id: 'gradients-chart', role: 'img', 'aria-describedby': 'gradients-status', 'aria-label': t('gradients.chartLabel'), 'data-i18n-aria-label': 'gradients.chartLabel' });
    shell.main.append(this.caption);
    this.note = { headline: h('p', { class: 'teach-note-head' }), can: h('p'), cannot: h('p') };
    this.seqInput = h('input', { class: 'input input-narrow', id: 'teach-seqlen', attrs: { type: 'number', min: '1', max: '1024', step: '1' } });
    this.seqInput.addEventListener('change', () => onSeqLen(this.seqInput.value));
    this.activation = h('p', { id: 'gradients-activation-text' });
    shell.aside.append(
      h('div', { class: 'teach-box', id: 'gradients-activation' }, [h('h4', { say: 'gradients.activation' }), this.activation]),
      h('div', { class: 'teach-box', id: 'gradients-window' }, [
        h('h4', { say: 'gradients.window' }),
        this.note.headline, this.note.can, this.note.cannot,
        controlRow([h('label', { say: 'gradients.seqLen', attrs: { for: 'teach-seqlen' } }), this.seqInput]),
      ]),
    );
  }

  render(d: GradientViewData): void {
    const w = windowNote(d.seqLen, d.cell);
    setText(this.note.headline, w.headline);
    setText(this.note.can, w.can);
    setText(this.note.cannot, w.cannot);
    // What the squashing function does to each step back: ReLU's slope is 1 or 0, tanh's at most 1.
    const act = d.cell !== 'rnn' ? 'gradients.act.gated' : d.nonlinearity === 'relu' ? 'gradients.act.relu' : 'gradients.act.tanh';
    if (this.activation.dataset.key !== `${act}|${language()}`) {
      this.activation.dataset.key = `${act}|${language()}`;
      this.activation.replaceChildren(formula(t(act), 'prose'));
    }
    if (document.activeElement !== this.seqInput) this.seqInput.value = String(d.seqLen);
    if (!d.norms || d.norms.steps === 0) {
      setText(this.status, t('gradients.empty'));
      setText(this.caption, '');
      this.chart.setData([], [], []);
      return;
    }
    const s = gradientSeries(d.norms);
    const series: SeriesSpec[] = [];
    const ys: (number | null)[][] = [];
    s.hidden.forEach((row, l) => {
      series.push({ label: t('gradients.hiddenSeries', { n: l + 1 }), stroke: HIDDEN_COLORS[l % 4] });
      ys.push(row);
    });
    s.cell.forEach((row, l) => {
      series.push({ label: t('gradients.cellSeries', { n: l + 1 }), stroke: CELL_COLORS[l % 4], dash: [6, 4] });
      ys.push(row);
    });
    this.chart.setData(s.steps, ys, series);
    setText(this.status, t('gradients.status', { step: d.step, steps: d.norms.steps }));
    const top = s.hidden.length - 1;
    const parts = [t('gradients.hidden', { n: top + 1, verdict: decayVerdict(decay(s.hidden[top])) })];
    if (s.cell.length > 0) parts.push(t('gradients.cell', { verdict: decayVerdict(decay(s.cell[top])) }));
    setText(this.caption, parts.join(' '));
  }
}
