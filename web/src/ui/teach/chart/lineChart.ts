// A small uPlot line chart for the teaching views: x values and one array per series, optional log
// y-scale, sized to its holder. Rebuilt only when the set of series changes (a cell with another
// number of paths), otherwise updated in place with setData.
import { language, t } from '../../../i18n';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h } from '../../dom';

export interface SeriesSpec {
  label: string;
  stroke: string;
  width?: number;
  dash?: number[];
  points?: boolean;
}

export interface ChartSpec {
  height: number;
  narrowHeight?: number;
  log?: boolean;
  yRange?: [number, number];
  xLabel?: (v: number) => string;
  yLabel?: (v: number) => string;
  legend?: boolean;
  draw?: (u: uPlot) => void;   // extra drawing on top (thresholds, markers)
  sync?: string;               // charts with the same key share the cursor
  xIncrs?: number[];           // allowed tick spacings on x (e.g. whole steps only)
  xName?: string;              // the x series' name in the legend
  ySpace?: number;             // least pixels between y ticks (small charts want more ticks)
}

const AXIS = { stroke: '#5b6475', grid: { stroke: '#e9ebf0', width: 1 }, ticks: { stroke: '#e9ebf0', width: 1 }, font: '11px system-ui, sans-serif' };

export class LineChart {
  readonly holder: HTMLElement;
  private plot: uPlot | null = null;
  private key = '';

  constructor(parent: HTMLElement, private readonly spec: ChartSpec, attrs: Record<string, string> = {}) {
    this.holder = h('div', { class: 'teach-chart', attrs });
    parent.append(this.holder);
    new ResizeObserver(() => {
      const width = this.width();
      if (this.plot && width !== this.plot.width) this.plot.setSize({ width, height: this.height() });
    }).observe(this.holder);
  }

  setData(x: readonly number[], ys: readonly (readonly (number | null)[])[], series: readonly SeriesSpec[]): void {
    const key = `${language()}|${series.map((s) => `${s.label}|${s.stroke}`).join(';')}`;
    if (!this.plot || key !== this.key) this.build(series, key);
    const data = this.spec.log ? ys.map(log10s) : ys;
    this.plot!.setData([x, ...data] as unknown as uPlot.AlignedData);
  }

  redraw(): void {
    this.plot?.redraw(false, false);
  }

  private build(series: readonly SeriesSpec[], key: string): void {
    this.plot?.destroy();
    this.key = key;
    const s = this.spec;
    // Log charts plot log10 of the values on a linear scale, ticks at whole decades: uPlot's own log
    // scale stalls the page on the 30+ decades a vanishing gradient spans.
    const yScale: uPlot.Scale = s.yRange ? { range: () => s.yRange! } : {};
    const yLabel = s.log ? (v: number) => decadeLabel(v) : s.yLabel;
    this.plot = new uPlot(
      {
        width: this.width(),
        height: this.height(),
        scales: { x: { time: false }, y: yScale },
        axes: [
          { ...AXIS, incrs: s.xIncrs, values: (_u, ticks) => ticks.map((t) => (t == null ? '' : s.xLabel ? s.xLabel(t) : String(t))) },
          { ...AXIS, size: 52, space: s.ySpace, incrs: s.log ? [1, 2, 3, 5, 10, 20] : undefined, values: (_u, ticks) => ticks.map((t) => (t == null ? '' : yLabel ? yLabel(t) : String(t))) },
        ],
        series: [
          { label: s.xName ?? t('teach.xStep') },
          ...series.map((x) => ({
            label: x.label, stroke: x.stroke, width: x.width ?? 2, dash: x.dash, spanGaps: false,
            points: { show: x.points ?? false, size: 5, fill: x.stroke },
          })),
        ],
        legend: { show: s.legend ?? true, live: false },
        cursor: { drag: { x: false, y: false }, sync: s.sync ? { key: s.sync } : undefined },
        hooks: s.draw ? { draw: [(u) => s.draw!(u)] } : {},
      },
      [[], ...series.map(() => [])] as unknown as uPlot.AlignedData,
      this.holder,
    );
  }

  private width(): number {
    return Math.max(220, Math.floor(this.holder.clientWidth || 560));
  }

  private height(): number {
    const narrow = window.matchMedia('(max-width: 640px)').matches;
    return narrow && this.spec.narrowHeight ? this.spec.narrowHeight : this.spec.height;
  }
}

export function log10s(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v !== null && v > 0 && Number.isFinite(v) ? Math.log10(v) : null));
}

// A whole decade as 10ⁿ; anything else as 10 to a decimal power.
export function decadeLabel(exponent: number): string {
  if (!Number.isInteger(exponent)) return `10^${exponent.toFixed(1)}`;
  if (exponent === 0) return '1';
  if (exponent === 1) return '10';
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return `10${exponent < 0 ? '⁻' : ''}${String(Math.abs(exponent)).split('').map((d) => digits[Number(d)]).join('')}`;
}

// A dashed horizontal line across the plot at y (in data units; log charts pass the value itself),
// labelled at its right end.
export function drawThreshold(u: uPlot, value: number, label: string, color: string, log = false): void {
  const y = log ? Math.log10(value) : value;
  if (!Number.isFinite(y)) return;
  const pos = Math.round(u.valToPos(y, 'y', true)) + 0.5;
  const { left, top, width, height } = u.bbox;
  if (pos < top || pos > top + height) return;
  const ctx = u.ctx;
  const px = uPlot.pxRatio;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5 * px;
  ctx.setLineDash([5 * px, 4 * px]);
  ctx.beginPath();
  ctx.moveTo(left, pos);
  ctx.lineTo(left + width, pos);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.font = `${11 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(label, left + width - 4 * px, pos - 3 * px);
  ctx.restore();
}

// Thin vertical marks at the given x values (e.g. where a forget gate closed).
export function drawMarks(u: uPlot, xs: readonly number[], color: string): void {
  const ctx = u.ctx;
  const { top, height } = u.bbox;
  ctx.save();
  ctx.fillStyle = color;
  for (const x of xs) {
    const pos = u.valToPos(x, 'x', true);
    ctx.fillRect(pos - 2 * uPlot.pxRatio, top, 4 * uPlot.pxRatio, height);
  }
  ctx.restore();
}
