// Gradient clipping: the global gradient norm of every training step before clipping, the threshold
// drawn across, and the share of steps whose gradient was scaled down to it.
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
    const shell = viewShell('clipping', 'Gradient clipping', [
      'Every step computes one gradient for all weights together. Its length (the global norm) is drawn here before clipping. A long window, a high learning rate or an unlucky batch can make it jump by orders of magnitude: one such step can throw the weights far away.',
      'Clipping rescales the gradient g to g · clip/‖g‖ whenever ‖g‖ exceeds the threshold: the direction stays, only the step length is capped. Steps above the dashed line were clipped. If nearly every step is clipped, the threshold acts like a smaller learning rate.',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.share = h('p', { class: 'teach-caption', id: 'clipping-share' });
    this.chart = new LineChart(shell.main, {
      height: 240, narrowHeight: 190, log: true,
      xLabel: (v) => formatCount(v),
      draw: (u) => drawThreshold(u, this.clip > 0 ? this.clip : Number.NaN, `clip ${this.clip}`, '#dc2626', true),
    }, { id: 'clipping-chart', role: 'img', 'aria-label': 'Gradient norm before clipping, per step, with the clip threshold' });
    this.input = h('input', { class: 'input input-narrow', id: 'teach-clip', attrs: { type: 'number', min: '0', max: '1000', step: '0.1' } });
    this.input.addEventListener('change', () => onClip(this.input.value));
    shell.main.append(this.share, controlRow([h('label', { text: 'Clip threshold (0 = off)', attrs: { for: 'teach-clip' } }), this.input]));
  }

  render(d: ClippingViewData): void {
    this.clip = d.clip;
    if (document.activeElement !== this.input) this.input.value = String(d.clip);
    const { steps, norms } = d.history.series();
    this.chart.setData(steps, [norms], [{ label: '‖g‖ before clipping', stroke: '#4f46e5', width: 1.5 }]);
    if (norms.length === 0) {
      setText(this.status, 'Train to see the gradient norm of every step.');
      setText(this.share, '');
      return;
    }
    setText(this.status, `The last ${formatCount(norms.length)} steps (up to step ${formatCount(steps[steps.length - 1])}).`);
    const shown = clipShare(norms, d.clip);
    const counted = d.history.stepsTotal > 0 ? d.history.clippedTotal / d.history.stepsTotal : 0;
    setText(
      this.share,
      d.clip <= 0
        ? 'Clipping is off: every step goes at its full length.'
        : `Above the threshold: ${formatPercent(shown)} of the steps shown. Clipped by the trainer: ${formatCount(d.history.clippedTotal)} of ${formatCount(d.history.stepsTotal)} steps (${formatPercent(counted)}).`,
    );
  }
}
