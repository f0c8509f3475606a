// Compare cells: the loss curves of an RNN, an LSTM and a GRU trained side by side on the same text
// with the same seed, on one chart, and what each writes, side by side.
import { formatBits, formatCompact, formatCount } from '../../../format';
import { h, setText } from '../../dom';
import { LineChart } from '../chart/lineChart';
import { controlRow, viewShell } from '../viewShell';
import { alignCurves, type Curve } from './alignCurves';
// One of the compared models: its cell and size.
export interface ComparedModel {
  cell: 'rnn' | 'lstm' | 'gru';
  hidden: number;
  parameters: number;
}

export interface CompareModelView {
  plan: ComparedModel;
  phase: string;
  step: number;
  curve: Curve;
  lastBits: number;
  sample: { step: number; text: string } | null;
  error: string;
}

export interface CompareViewData {
  models: CompareModelView[];
  running: boolean;
  mode: 'size' | 'budget';
  canStart: boolean;
}

export interface CompareEvents {
  onStart(mode: 'size' | 'budget'): void;
  onPause(): void;
  onResume(): void;
}

const COLORS: Record<string, string> = { rnn: '#64748b', lstm: '#4f46e5', gru: '#ea580c' };
const NAMES: Record<string, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };

export class CompareView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly chart: LineChart;
  private readonly columns: HTMLElement;
  private readonly startButton: HTMLButtonElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly modeSelect: HTMLSelectElement;
  private running = false;
  private hasModels = false;

  constructor(events: CompareEvents) {
    const shell = viewShell('compare', 'Compare cells: RNN, LSTM, GRU', [
      'Three networks learn the same text from the same seed with the same training settings; only the cell differs. With “same parameter budget” each gets as many units as the budget of your current model allows (an LSTM unit costs four times an RNN unit); with “same size” all have your hidden size.',
      'They take turns on one processor core — the one furthest behind trains next — so their step counts stay close and the page stays responsive. Your own model pauses meanwhile. On text with long-range structure (the brackets preset) the gated cells pull ahead.',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.modeSelect = h('select', { class: 'select', id: 'compare-mode' }, [
      h('option', { text: 'Same parameter budget', attrs: { value: 'budget' } }),
      h('option', { text: 'Same hidden size', attrs: { value: 'size' } }),
    ]);
    this.startButton = h('button', { class: 'btn btn-primary', id: 'compare-start', text: 'Train all three', attrs: { type: 'button' } });
    this.startButton.addEventListener('click', () => events.onStart(this.modeSelect.value === 'size' ? 'size' : 'budget'));
    this.pauseButton = h('button', { class: 'btn', id: 'compare-pause', text: 'Pause', attrs: { type: 'button' } });
    this.pauseButton.addEventListener('click', () => (this.running ? events.onPause() : events.onResume()));
    shell.main.append(controlRow([h('label', { text: 'Compare at', attrs: { for: 'compare-mode' } }), this.modeSelect, this.startButton, this.pauseButton]));
    this.chart = new LineChart(shell.main, {
      height: 240, narrowHeight: 200, xLabel: (v) => formatCount(v), yLabel: (v) => v.toFixed(1),
    }, { id: 'compare-chart', role: 'img', 'aria-label': 'Training loss of RNN, LSTM and GRU over steps' });
    this.columns = h('div', { class: 'compare-columns', id: 'compare-samples' });
    shell.main.append(this.columns);
  }

  render(d: CompareViewData): void {
    this.running = d.running;
    this.hasModels = d.models.length > 0;
    this.startButton.disabled = !d.canStart;
    setText(this.startButton, this.hasModels ? 'Start over' : 'Train all three');
    this.pauseButton.hidden = !this.hasModels;
    setText(this.pauseButton, d.running ? 'Pause' : 'Continue');
    if (!this.hasModels) {
      setText(this.status, d.canStart ? 'Press “Train all three” to start.' : 'Waiting for a model of your text.');
      this.chart.setData([], [], []);
      this.columns.replaceChildren();
      return;
    }
    this.modeSelect.value = d.mode;
    const { x, ys } = alignCurves(d.models.map((m) => m.curve));
    this.chart.setData(x, ys, d.models.map((m) => ({ label: `${NAMES[m.plan.cell]} (${m.plan.hidden} units)`, stroke: COLORS[m.plan.cell] })));
    const minStep = Math.min(...d.models.map((m) => m.step));
    setText(this.status, `${d.running ? 'Training in turns' : 'Paused'} — step ${formatCount(minStep)}; smoothed training loss in bits per character.`);
    if (this.columns.children.length !== d.models.length) {
      this.columns.replaceChildren(...d.models.map((m) => h('div', { class: 'compare-column', attrs: { 'data-cell': m.plan.cell } }, [
        h('h4', { class: 'compare-name' }),
        h('p', { class: 'compare-meta' }),
        h('pre', { class: 'compare-sample' }),
      ])));
    }
    d.models.forEach((m, i) => {
      const col = this.columns.children[i] as HTMLElement;
      setText(col.querySelector('.compare-name')!, NAMES[m.plan.cell]);
      setText(col.querySelector('.compare-meta')!, m.phase === 'failed'
        ? `Failed: ${m.error}`
        : `${m.plan.hidden} units · ${formatCompact(m.plan.parameters)} parameters · step ${formatCount(m.step)} · ${formatBits(m.lastBits)} bits/char`);
      setText(col.querySelector('.compare-sample')!, m.sample ? m.sample.text : m.phase === 'building' || m.phase === 'starting' ? 'Building…' : 'A sample appears after a few seconds.');
    });
  }
}
