// Compare cells: the loss curves of an RNN, an LSTM and a GRU trained side by side on the same text
// with the same seed, on one chart, and what each writes, side by side.
import { engineSaid, said, t } from '../../../i18n';
import { saidKey, showSaid } from '../../said';
import { formatBits, formatCompact, formatCount } from '../../../format';
import { h, setText } from '../../dom';
import { LineChart } from '../chart/lineChart';
import { controlRow, viewShell } from '../viewShell';
import { paintDependence, type Dependence } from '../connectivity/dependenceStrip';
import { reach } from '../connectivity/shading';
import { alignCurves, type Curve } from './alignCurves';
import type { MemoryScore } from '../../../presets/memory/memoryScore';
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
  dependence: Dependence | null;  // the connectivity of the probe text's last but one character
  memory: MemoryScore | null;     // on a memory task: accuracy where memory is needed
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
    const shell = viewShell('compare', 'compare.title', ['compare.about1', 'compare.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.modeSelect = h('select', { class: 'select', id: 'compare-mode' }, [
      h('option', { say: 'compare.budget', attrs: { value: 'budget' } }),
      h('option', { say: 'compare.size', attrs: { value: 'size' } }),
    ]);
    this.startButton = h('button', { class: 'btn btn-primary', id: 'compare-start', text: t('compare.start'), attrs: { type: 'button' } });
    this.startButton.addEventListener('click', () => events.onStart(this.modeSelect.value === 'size' ? 'size' : 'budget'));
    this.pauseButton = h('button', { class: 'btn', id: 'compare-pause', text: t('compare.pause'), attrs: { type: 'button' } });
    this.pauseButton.addEventListener('click', () => (this.running ? events.onPause() : events.onResume()));
    shell.main.append(controlRow([h('label', { say: 'compare.at', attrs: { for: 'compare-mode' } }), this.modeSelect, this.startButton, this.pauseButton]));
    this.chart = new LineChart(shell.main, {
      height: 240, narrowHeight: 200, xLabel: (v) => formatCount(v), yLabel: (v) => v.toFixed(1),
    }, { id: 'compare-chart', role: 'img', 'aria-describedby': 'compare-status', 'aria-label': t('compare.chartLabel'), 'data-i18n-aria-label': 'compare.chartLabel' });
    this.columns = h('div', { class: 'compare-columns', id: 'compare-samples' });
    shell.main.append(this.columns);
  }

  render(d: CompareViewData): void {
    this.running = d.running;
    this.hasModels = d.models.length > 0;
    this.startButton.disabled = !d.canStart;
    setText(this.startButton, this.hasModels ? t('compare.again') : t('compare.start'));
    this.pauseButton.hidden = !this.hasModels;
    setText(this.pauseButton, d.running ? t('compare.pause') : t('compare.continue'));
    if (!this.hasModels) {
      setText(this.status, d.canStart ? t('compare.press') : t('compare.waiting'));
      this.chart.setData([], [], []);
      this.columns.replaceChildren();
      return;
    }
    this.modeSelect.value = d.mode;
    const { x, ys } = alignCurves(d.models.map((m) => m.curve));
    this.chart.setData(x, ys, d.models.map((m) => ({ label: t('compare.series', { name: NAMES[m.plan.cell], hidden: m.plan.hidden }), stroke: COLORS[m.plan.cell] })));
    const minStep = Math.min(...d.models.map((m) => m.step));
    setText(this.status, t(d.running ? 'compare.training' : 'compare.paused', { step: minStep }));
    if (this.columns.children.length !== d.models.length) {
      this.columns.replaceChildren(...d.models.map((m) => h('div', { class: 'compare-column', attrs: { 'data-cell': m.plan.cell } }, [
        h('h4', { class: 'compare-name' }),
        h('p', { class: 'compare-meta' }),
        h('p', { class: 'compare-memory' }),
        h('pre', { class: 'compare-sample' }),
        h('p', { class: 'compare-dep-title' }),
        h('div', { class: 'conn-mini-strip compare-dependence' }),
      ])));
    }
    d.models.forEach((m, i) => {
      const col = this.columns.children[i] as HTMLElement;
      setText(col.querySelector('.compare-name')!, NAMES[m.plan.cell]);
      const meta = col.querySelector('.compare-meta')!;
      // A failure is said in the engine's own words (English, folded away on a Korean page).
      const failure = m.phase === 'failed' ? [said('compare.failed'), engineSaid(m.error)] : null;
      if (failure && meta.getAttribute('data-said') !== saidKey(failure)) {
        meta.setAttribute('data-said', saidKey(failure));
        showSaid(meta, failure);
      } else if (!failure) setText(meta, t('compare.meta', { hidden: m.plan.hidden, parameters: formatCompact(m.plan.parameters), step: m.step, bits: formatBits(m.lastBits) }));
      const mem = m.memory;
      setText(col.querySelector('.compare-memory')!, mem ? t('compare.memory', { accuracy: (100 * mem.overall).toFixed(1), chance: (100 * mem.chance).toFixed(1), step: mem.step }) : '');
      this.renderDependence(col, m);
      setText(col.querySelector('.compare-sample')!, m.sample ? m.sample.text : m.phase === 'building' || m.phase === 'starting' ? t('compare.building') : t('compare.soon'));
    });
  }

  // The same question for every cell: what the prediction at the probe text's last but one character
  // depends on (drawn with the sample, every few seconds).
  private renderDependence(col: HTMLElement, m: CompareModelView): void {
    const row = col.querySelector<HTMLElement>('.compare-dependence')!;
    const d = m.dependence;
    const back = d ? reach(d.norms) : 0;
    setText(col.querySelector('.compare-dep-title')!, d ? t('compare.dependence', { k: back }) : '');
    // A picture with a name once there is one; before that, nothing for a screen reader to announce.
    if (d) {
      row.setAttribute('role', 'img');
      row.setAttribute('aria-label', t('compare.dependenceLabel', { name: NAMES[m.plan.cell], k: back }));
    } else {
      row.removeAttribute('role');
      row.removeAttribute('aria-label');
    }
    const key = d ? `${d.chars.join('')}|${Array.from(d.norms).join(',')}` : '';
    if (row.dataset.key === key) return;
    row.dataset.key = key;
    paintDependence(row, d);
  }
}
