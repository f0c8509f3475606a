// Gradient clipping: the global gradient norm of every training step before clipping, the threshold
// drawn across, and the share of steps whose gradient was scaled down to it.
import { t } from '../../../i18n';
import { formatCount, formatPercent } from '../../../format';
import { h, setText } from '../../dom';
import { drawThreshold, LineChart } from '../chart/lineChart';
import { controlRow, viewShell } from '../viewShell';
import { clipShare } from './clipMath';

// The recent gradient norms before clipping (oldest first) and the trainer's own count of clipped steps.
export interface ClipRecord {
  series(): { steps: number[]; norms: number[] };
  clippedTotal: number;
  stepsTotal: number;
}

export interface ClippingViewData {
  history: ClipRecord;
  clip: number;
}

export class ClippingView {
  readonly root: HTMLElement;
  private readonly chart: LineChart;
  private readonly status: HTMLElement;
  private readonly share: HTMLElement;
  private readonly input: HTMLInputElement;
  private clip = 0;

  constructor(onClip: (raw: string) => void) {
    const shell = viewShell('clipping', 'clipping.title', ['clipping.about1', 'clipping.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.share = h('p', { class: 'teach-caption', id: 'clipping-share' });
    this.chart = new LineChart(shell.main, {
      height: 240, narrowHeight: 190, log: true,
      xLabel: (v) => formatCount(v),
      draw: (u) => drawThreshold(u, this.clip > 0 ? this.clip : Number.NaN, t('clipping.threshold', { clip: String(this.clip) }), '#dc2626', true),
    }, { id: 'clipping-chart', role: 'img', 'aria-describedby': 'clipping-status', 'aria-label': t('clipping.chartLabel'), 'data-i18n-aria-label': 'clipping.chartLabel' });
    this.input = h('input', { class: 'input input-narrow', id: 'teach-clip', attrs: { type: 'number', min: '0', max: '1000', step: '0.1' } });
    this.input.addEventListener('change', () => onClip(this.input.value));
    shell.main.append(this.share, controlRow([h('label', { say: 'clipping.input', attrs: { for: 'teach-clip' } }), this.input]));
  }

  render(d: ClippingViewData): void {
    this.clip = d.clip;
    if (document.activeElement !== this.input) this.input.value = String(d.clip);
    const { steps, norms } = d.history.series();
    this.chart.setData(steps, [norms], [{ label: t('clipping.series'), stroke: '#4f46e5', width: 1.5 }]);
    if (norms.length === 0) {
      setText(this.status, t('clipping.empty'));
      setText(this.share, '');
      return;
    }
    setText(this.status, t('clipping.status', { n: norms.length, step: steps[steps.length - 1] }));
    const shown = clipShare(norms, d.clip);
    const counted = d.history.stepsTotal > 0 ? d.history.clippedTotal / d.history.stepsTotal : 0;
    setText(
      this.share,
      d.clip <= 0
        ? t('clipping.off')
        : t('clipping.share', { shown: formatPercent(shown), clipped: d.history.clippedTotal, total: d.history.stepsTotal, share: formatPercent(counted) }),
    );
  }
}
