// A task's held-out scores over training (uPlot, like the loss chart): accuracy, and for spacing the
// precision, recall and F1 of the predicted spaces, all from 0 to 1. The series are the task's.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCount } from '../../format';
import { language, t, tDynamic, type MessageKey } from '../../i18n';
import { h } from '../dom';
import { relabelSeries } from '../chart/legend';

export interface ScoreSeries {
  key: 'accuracy' | 'precision' | 'recall' | 'f1';
  label: MessageKey;
  color: string;
  width: number;
}

export interface ScoreRow {
  step: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

const GRID = '#e9ebf0';
const AXIS = '#5b6475';

export class ScoreChart {
  readonly element: HTMLElement;
  private readonly plot: uPlot;
  private readonly empty: HTMLElement;
  private labelledIn = '';

  constructor(private readonly series: readonly ScoreSeries[], label: MessageKey) {
    const holder = h('div', { class: 'chart-holder score-chart', sayAttrs: { 'aria-label': label }, attrs: { role: 'img' } });
    this.empty = h('p', { class: 'chart-empty', say: 'tasks.chartEmpty' });
    this.element = h('div', { class: 'chart-frame' }, [holder, this.empty]);
    const axis = { stroke: AXIS, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 }, font: '12px system-ui, sans-serif' };
    this.plot = new uPlot(
      {
        width: 600,
        height: window.matchMedia('(max-width: 640px)').matches ? 180 : 220,
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [
          { ...axis, values: (_u, ticks) => ticks.map((x) => formatCount(x)) },
          { ...axis, size: 40, values: (_u, ticks) => ticks.map((x) => x.toFixed(1)) },
        ],
        series: [
          { label: t('chart.step'), value: (_u, v) => (v == null ? '–' : formatCount(v)) },
          ...series.map((s) => ({
            label: tDynamic(s.label), stroke: s.color, width: s.width, spanGaps: true,
            points: { show: true, size: 5, fill: s.color }, value: (_u: uPlot, v: number | null) => (v == null ? '–' : v.toFixed(3)),
          })),
        ],
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      },
      [[], ...series.map(() => [])],
      holder,
    );
    new ResizeObserver(() => {
      const width = Math.max(240, Math.floor(holder.clientWidth));
      if (width !== this.plot.width) this.plot.setSize({ width, height: this.plot.height });
    }).observe(holder);
  }

  render(rows: readonly ScoreRow[]): void {
    if (this.labelledIn !== language()) {
      this.labelledIn = language();
      relabelSeries(this.plot, ['chart.step' as MessageKey, ...this.series.map((s) => s.label)].map((k) => tDynamic(k)));
    }
    this.empty.hidden = rows.length > 1;
    this.plot.setData([rows.map((r) => r.step), ...this.series.map((s) => rows.map((r) => r[s.key]))] as uPlot.AlignedData);
  }
}
