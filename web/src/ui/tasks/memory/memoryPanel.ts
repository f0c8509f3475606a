// The memory tasks' panel: what is measured, the latest score in one sentence, accuracy against
// distance with the chance line, and the same numbers as a table (for screen readers and tests).
import { language, t } from '../../../i18n';
import type { MemoryScore } from '../../../presets/memory/memoryScore';
import { h, setText } from '../../dom';
import { drawMemoryChart, memoryChartElement } from './memoryChart';
import '../tasks.css';

export interface MemoryView {
  score: MemoryScore | null;
  maxDistance: number;
}

const pct = (x: number) => (100 * x).toFixed(1);

export class MemoryPanel {
  readonly element: HTMLElement;
  private readonly headline = h('p', { class: 'panel-hint task-headline', id: 'memory-headline', attrs: { 'aria-live': 'polite' } });
  private readonly chart = memoryChartElement();
  private readonly rows = h('tbody');
  private readonly table: HTMLTableElement;
  private shown = '';

  constructor() {
    this.table = h('table', { class: 'mem-table', id: 'memory-table' }, [
      h('thead', {}, [h('tr', {}, [
        h('th', { say: 'memory.tableDistance', attrs: { scope: 'col' } }),
        h('th', { say: 'memory.tableAccuracy', attrs: { scope: 'col' } }),
        h('th', { say: 'memory.tableCount', attrs: { scope: 'col' } }),
      ])]),
      this.rows,
    ]);
    this.element = h('div', { class: 'task-body', id: 'memory-panel' }, [
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'memory.title' })]),
      h('p', { class: 'panel-hint', say: 'memory.about' }),
      this.headline,
      h('div', { class: 'mem-chart-frame' }, [this.chart]),
      this.table,
    ]);
  }

  render(v: MemoryView): void {
    const key = `${language()}|${v.maxDistance}|${v.score ? `${v.score.step}:${v.score.overall}` : ''}`;
    if (key === this.shown) return;
    this.shown = key;
    const s = v.score;
    this.headline.dataset.accuracy = s ? String(s.overall) : '';  // the number as measured, for tests and scripts
    this.headline.dataset.step = s ? String(s.step) : '';
    setText(this.headline, s
      ? t('memory.headline', { step: s.step, accuracy: pct(s.overall), n: s.buckets.reduce((a, b) => a + b.count, 0), chance: pct(s.chance) })
      : t('memory.before'));
    this.chart.setAttribute('aria-label', t('memory.chartLabel'));
    this.table.hidden = !s;
    this.chart.parentElement!.hidden = !s;
    if (!s) return;
    drawMemoryChart(this.chart, s, v.maxDistance);
    this.rows.replaceChildren(...s.buckets.map((b) => h('tr', {}, [
      h('td', { text: t('memory.row', { distance: b.distance }) }),
      h('td', { text: `${pct(b.accuracy)}%` }),
      h('td', { text: String(b.count) }),
    ])));
  }
}
