// Training and validation loss in bits per character over steps (uPlot), with two yardsticks drawn
// across: a uniform guess over the vocabulary (where every model starts) and the letter-frequency
// entropy (what a model that ignores context reaches). Below the second line the model uses context.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatBits, formatCount } from '../../format';
import { language, t, tDynamic, type MessageKey } from '../../i18n';
import { h, setText } from '../dom';
import { relabelSeries } from './legend';
import './lossChart.css';

// The loss curves in bits per character, one entry per bucket of steps (app/history.ts builds them).
export interface ChartData {
  steps: number[];
  raw: (number | null)[];         // bucket mean of the training loss
  smooth: (number | null)[];      // smoothed training loss at the bucket's last step
  validation: (number | null)[];  // validation loss where measured
}

export interface ChartView {
  data: ChartData;
  uniformBits: number;    // log2(vocabulary size)
  unigramBits: number;    // entropy of the character frequencies
}

const COLORS = { raw: 'rgba(79, 70, 229, 0.28)', smooth: '#4f46e5', validation: '#ea580c', grid: '#e9ebf0', axis: '#5b6475', reference: '#8a93a6' };

export class LossChart {
  private readonly plot: uPlot;
  private readonly empty: HTMLElement;
  private readonly headline: HTMLElement;
  private references = { uniform: Number.NaN, unigram: Number.NaN };
  private maxSeen = 0;
  private labelledIn = '';  // the language the legend and references were written in

  constructor(root: HTMLElement) {
    const holder = h('div', { class: 'chart-holder', id: 'loss-chart', sayAttrs: { 'aria-label': 'chart.label' }, attrs: { role: 'img', 'aria-describedby': 'chart-headline' } });
    this.empty = h('p', { class: 'chart-empty', say: 'chart.empty' });
    this.headline = h('p', { class: 'panel-hint', id: 'chart-headline' });
    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'chart.title' }), h('span', { class: 'panel-unit', say: 'chart.unit' })]),
      this.headline,
      h('div', { class: 'chart-frame' }, [holder, this.empty]),
    );
    const axis = { stroke: COLORS.axis, grid: { stroke: COLORS.grid, width: 1 }, ticks: { stroke: COLORS.grid, width: 1 }, font: '12px system-ui, sans-serif' };
    this.plot = new uPlot(
      {
        width: Math.max(280, holder.clientWidth || 600),
        height: this.height(),
        scales: {
          x: { time: false },
          y: { range: (_u, _min, max) => [0, this.yMax(max)] },
        },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((t) => formatCount(t)) },
          { ...axis, size: 44, values: (_u, ticks) => ticks.map((t) => t.toFixed(1)) },
        ],
        series: [
          { label: t('chart.step'), value: (_u, v) => (v == null ? '–' : formatCount(v)) },
          { label: t('chart.trainRaw'), stroke: COLORS.raw, width: 1, spanGaps: true, points: { show: false }, value: (_u, v) => formatBits(v ?? NaN) },
          { label: t('chart.trainSmooth'), stroke: COLORS.smooth, width: 2, spanGaps: true, points: { show: false }, value: (_u, v) => formatBits(v ?? NaN) },
          { label: t('chart.validation'), stroke: COLORS.validation, width: 2, spanGaps: true, points: { show: true, size: 6, fill: COLORS.validation }, value: (_u, v) => formatBits(v ?? NaN) },
        ],
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false }, points: { size: 7 } },
        hooks: { draw: [(u) => this.drawReferences(u)] },
      },
      [[], [], [], []],
      holder,
    );
    new ResizeObserver(() => {
      const width = Math.max(260, Math.floor(holder.clientWidth));
      if (width !== this.plot.width) this.plot.setSize({ width, height: this.height() });
    }).observe(holder);
  }

  render(v: ChartView): void {
    this.references = { uniform: v.uniformBits, unigram: v.unigramBits };
    if (this.labelledIn !== language()) this.relabel();
    const d = v.data;
    this.empty.hidden = d.raw.some((x) => x !== null);  // a validation point at step 0 is no curve yet
    this.maxSeen = 0;
    for (const x of d.smooth) if (x !== null && x > this.maxSeen) this.maxSeen = x;
    this.plot.setData([d.steps, d.raw, d.smooth, d.validation] as uPlot.AlignedData);
    const lastSmooth = lastNumber(d.smooth);
    const lastVal = lastNumber(d.validation);
    const yardsticks = { uniform: formatBits(v.uniformBits), unigram: formatBits(v.unigramBits) };
    setText(
      this.headline,
      lastSmooth === null
        ? t('chart.before', { characters: Number.isFinite(v.uniformBits) ? formatCount(2 ** v.uniformBits) : '–', ...yardsticks })
        : lastVal === null
          ? t('chart.now', { train: formatBits(lastSmooth), ...yardsticks })
          : t('chart.nowValidation', { train: formatBits(lastSmooth), validation: formatBits(lastVal), ...yardsticks }),
    );
  }

  // The legend's series names in the page's language (uPlot writes them once, when the chart is made).
  private relabel(): void {
    this.labelledIn = language();
    const keys: MessageKey[] = ['chart.step', 'chart.trainRaw', 'chart.trainSmooth', 'chart.validation'];
    relabelSeries(this.plot, keys.map((k) => tDynamic(k)));
  }

  // Room for the start of training (about a uniform guess) without letting a blown-up run squash
  // the curve that matters.
  private yMax(dataMax: number): number {
    const base = Number.isFinite(this.references.uniform) ? this.references.uniform * 1.08 : 1;
    const seen = Math.max(dataMax || 0, this.maxSeen);
    return Math.max(base, Math.min(seen * 1.05, base * 1.6));
  }

  private height(): number {
    return window.matchMedia('(max-width: 640px)').matches ? 200 : 240;
  }

  private drawReferences(u: uPlot): void {
    const ctx = u.ctx;
    const { left, width } = u.bbox;
    const lines: [number, string][] = [
      [this.references.uniform, t('chart.uniform')],
      [this.references.unigram, t('chart.unigram')],
    ];
    ctx.save();
    ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    for (const [bits, label] of lines) {
      if (!Number.isFinite(bits)) continue;
      const y = Math.round(u.valToPos(bits, 'y', true)) + 0.5;
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) continue;
      ctx.strokeStyle = COLORS.reference;
      ctx.lineWidth = uPlot.pxRatio;
      ctx.setLineDash([4 * uPlot.pxRatio, 4 * uPlot.pxRatio]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.fillStyle = COLORS.reference;
      ctx.fillText(`${label} ${bits.toFixed(2)}`, left + width - 4 * uPlot.pxRatio, y - 3 * uPlot.pxRatio);
    }
    ctx.restore();
  }
}

function lastNumber(xs: (number | null)[]): number | null {
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] !== null) return xs[i];
  return null;
}
