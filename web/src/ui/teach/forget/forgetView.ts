// Forget-gate bias: two LSTMs that differ only in the forget gate's initial bias (0 or 1), reading
// the probe text: the average forget-gate value and the average |c_t| step by step. With bias 0 the
// gate starts half-closed (σ(0) = 0.5): the cell halves every step and cannot hold anything long.
// With bias 1 it starts at σ(1) ≈ 0.73 and the cell state builds up: memories last from step one.
import { t } from '../../../i18n';
import { h, setText } from '../../dom';
import { LineChart } from '../chart/lineChart';
import { controlRow, sayFormula, viewShell } from '../viewShell';

export interface ForgetTrace {
  meanAbsC: number[];
  meanF: number[];
}

export interface ForgetViewData {
  chars: readonly string[];
  labStep: number;
  labBusy: boolean;
  zero: ForgetTrace | null;
  one: ForgetTrace | null;
  current: (ForgetTrace & { biasOne: boolean; step: number }) | null;  // the learner's LSTM, if it is one
  canStart: boolean;
}

export interface ForgetEvents {
  onFresh(): void;
  onTrain(steps: number): void;
}

const TRAIN_STEPS = 200;

export class ForgetView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly cChart: LineChart;
  private readonly fChart: LineChart;
  private readonly freshButton: HTMLButtonElement;
  private readonly trainButton: HTMLButtonElement;
  private chars: readonly string[] = [];

  constructor(events: ForgetEvents) {
    const shell = viewShell('forget-bias', 'forget.title', ['forget.about1', 'forget.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.caption = h('p', { class: 'teach-caption', id: 'forget-caption' });
    this.freshButton = h('button', { class: 'btn', id: 'forget-fresh', say: 'forget.fresh', attrs: { type: 'button' } });
    this.freshButton.addEventListener('click', () => events.onFresh());
    this.trainButton = h('button', { class: 'btn btn-primary', id: 'forget-train', say: ['forget.train', { n: TRAIN_STEPS }], attrs: { type: 'button' } });
    this.trainButton.addEventListener('click', () => events.onTrain(TRAIN_STEPS));
    shell.main.append(controlRow([this.freshButton, this.trainButton]));
    const xLabel = (v: number) => (this.chars[v] === undefined ? '' : String(v + 1));
    shell.main.append(h('h4', { class: 'teach-sub' }, [sayFormula('forget.cTitle')]));
    this.cChart = new LineChart(shell.main, { height: 180, narrowHeight: 160, log: true, xLabel }, { id: 'forget-c-chart', role: 'img', 'aria-describedby': 'forget-bias-status', 'aria-label': t('forget.cLabel'), 'data-i18n-aria-label': 'forget.cLabel' });
    shell.main.append(h('h4', { class: 'teach-sub' }, [sayFormula('forget.fTitle')]));
    this.fChart = new LineChart(shell.main, { height: 160, narrowHeight: 140, yRange: [0, 1], xLabel, yLabel: (v) => v.toFixed(1) }, { id: 'forget-f-chart', role: 'img', 'aria-describedby': 'forget-bias-status', 'aria-label': t('forget.fLabel'), 'data-i18n-aria-label': 'forget.fLabel' });
    shell.main.append(this.caption);
  }

  render(d: ForgetViewData): void {
    this.chars = d.chars;
    this.freshButton.disabled = !d.canStart || d.labBusy;
    this.trainButton.disabled = !d.canStart || d.labBusy || !d.zero;
    const n = Math.max(d.zero?.meanAbsC.length ?? 0, d.one?.meanAbsC.length ?? 0, d.current?.meanAbsC.length ?? 0);
    const xs = Array.from({ length: n }, (_, t) => t);
    const series = [
      { label: t('forget.bias0'), stroke: '#64748b' },
      { label: t('forget.bias1'), stroke: '#4f46e5' },
    ];
    const cs: (number | null)[][] = [d.zero?.meanAbsC ?? [], d.one?.meanAbsC ?? []];
    const fs: (number | null)[][] = [d.zero?.meanF ?? [], d.one?.meanF ?? []];
    if (d.current) {
      series.push({ label: t('forget.yours', { bias: d.current.biasOne ? 1 : 0, step: d.current.step }), stroke: '#ea580c' });
      cs.push(d.current.meanAbsC);
      fs.push(d.current.meanF);
    }
    this.cChart.setData(xs, cs, series);
    this.fChart.setData(xs, fs, series);
    if (!d.zero || !d.one) {
      setText(this.status, d.canStart ? t('forget.building') : t('forget.waiting'));
      setText(this.caption, '');
      return;
    }
    setText(this.status, t(d.labBusy ? 'forget.training' : 'forget.status', { step: d.labStep, n }));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    setText(
      this.caption,
      t('forget.caption', {
        f0: avg(d.zero.meanF).toFixed(2), f1: avg(d.one.meanF).toFixed(2), c0: avg(d.zero.meanAbsC).toFixed(3), c1: avg(d.one.meanAbsC).toFixed(3),
        ratio: (avg(d.one.meanAbsC) / Math.max(1e-9, avg(d.zero.meanAbsC))).toFixed(1),
      }),
    );
  }
}
