// The pinned runs' loss curves on one chart (uPlot, like the loss chart): each run's smoothed training
// loss as a line and its validation measurements as dots, in that run's colour, named in the legend.
// The runs' steps differ, so the x values are the union of both and each series has gaps elsewhere.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatBits, formatCount } from '../../format';
import { t } from '../../i18n';
import { h } from '../dom';
import type { RunCurve, RunRow } from './runRow';

const COLORS = ['#4f46e5', '#c2410c'];
const AXIS = { stroke: '#5b6475', grid: { stroke: '#e9ebf0', width: 1 }, ticks: { stroke: '#e9ebf0', width: 1 }, font: '12px system-ui, sans-serif' };

export class RunsChart {
  private plot: uPlot | null = null;
  private readonly holder: HTMLElement;

  constructor(root: HTMLElement) {
    this.holder = h('div', { class: 'runs-chart-holder', id: 'runs-chart-plot', sayAttrs: { 'aria-label': 'runs.chartLabel' }, attrs: { role: 'img' } });
    root.append(this.holder);
    new ResizeObserver(() => {
      const width = this.width();
      if (this.plot && width !== this.plot.width) this.plot.setSize({ width, height: this.height() });
    }).observe(this.holder);
  }

  // Draws the runs anew (a pin changed or a pinned run trained on).
  render(runs: RunRow[]): void {
    this.plot?.destroy();
    const series: uPlot.Series[] = [{ label: t('runs.step'), value: (_u, v) => (v == null ? '–' : formatCount(v)) }];
    const curves: RunCurve[] = [];
    runs.forEach((r, i) => {
      const stroke = COLORS[i % COLORS.length];
      series.push({ label: t('runs.seriesTrain', { number: r.number }), stroke, width: 2, spanGaps: true, points: { show: false }, value: (_u, v) => formatBits(v ?? NaN) });
      series.push({ label: t('runs.seriesValidation', { number: r.number }), stroke, width: 1, dash: [4, 4], spanGaps: true, points: { show: true, size: 5, fill: stroke }, value: (_u, v) => formatBits(v ?? NaN) });
      curves.push(r.curve, r.validation);
    });
    this.plot = new uPlot({
      width: this.width(),
      height: this.height(),
      scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.max(0, Math.floor(min * 10) / 10 - 0.1), Math.ceil(max * 10) / 10 + 0.1] } },
      axes: [
        { ...AXIS, values: (_u, ticks) => ticks.map((v) => formatCount(v)) },
        { ...AXIS, size: 44, values: (_u, ticks) => ticks.map((v) => v.toFixed(1)) },
      ],
      series,
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    }, aligned(curves), this.holder);
    this.holder.dataset.series = String(runs.length);
    this.holder.dataset.points = runs.map((r) => r.curve.steps.length).join(' ');  // for tests: each run's curve is there
  }

  private width(): number {
    return Math.max(260, Math.floor(this.holder.clientWidth || 600));
  }

  private height(): number {
    return window.matchMedia('(max-width: 640px)').matches ? 200 : 240;
  }
}

// Curves with different steps as uPlot's aligned columns: the steps of all of them, sorted, and each
// curve's value at a step it has (null elsewhere).
export function aligned(curves: RunCurve[]): uPlot.AlignedData {
  const steps = [...new Set(curves.flatMap((c) => c.steps))].sort((a, b) => a - b);
  const at = new Map(steps.map((s, i) => [s, i]));
  const columns = curves.map((c) => {
    const col: (number | null)[] = new Array<number | null>(steps.length).fill(null);
    c.steps.forEach((s, i) => (col[at.get(s)!] = c.bits[i]));
    return col;
  });
  return [steps, ...columns] as uPlot.AlignedData;
}
