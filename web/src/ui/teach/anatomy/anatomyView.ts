// Cell anatomy: one unit at a time, every gate of it step by step over the probe text, as small
// charts on one shared time axis — so one can read "the forget gate went to 0 here and the cell state
// was wiped". Steps where the keep-gate closed are shaded on every chart.
import { language, t } from '../../../i18n';
import type { GateTraces } from '../../heatmap/gateTraces';
import { displayChar } from '../../../format';
import { h, setText } from '../../dom';
import { gateInfo } from '../../heatmap/gates';
import { drawMarks, LineChart } from '../chart/lineChart';
import { controlRow, viewShell } from '../viewShell';
import { closedShare, unitTraces, wipes } from './unitTrace';

export interface AnatomyViewData {
  chars: readonly string[];
  step: number;
  cell: string;
  result: GateTraces | null;
  layer: number;
  unit: number;
}

export interface AnatomyEvents {
  onUnit(unit: number): void;
  onLayer(layer: number): void;
  onLiveliest(): void;
  onText(text: string): void;
}

const COLORS: Record<string, string> = { i: '#0891b2', f: '#dc2626', g: '#7c3aed', o: '#0f766e', c: '#ea580c', h: '#4f46e5', r: '#0891b2', z: '#dc2626', n: '#7c3aed' };

export class AnatomyView {
  readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly grid: HTMLElement;
  private readonly unitInput: HTMLInputElement;
  private readonly layerSelect: HTMLSelectElement;
  private readonly textInput: HTMLInputElement;
  private charts: { gate: string; chart: LineChart }[] = [];
  private gateKey = '';
  private chars: readonly string[] = [];
  private marks: number[] = [];

  constructor(events: AnatomyEvents) {
    const shell = viewShell('anatomy', 'anatomy.title', ['anatomy.about1', 'anatomy.about2']);
    this.root = shell.root;
    this.status = shell.status;
    this.caption = h('p', { class: 'teach-caption', id: 'anatomy-caption' });
    this.grid = h('div', { class: 'teach-small-multiples', id: 'anatomy-charts' });
    this.unitInput = h('input', { class: 'input input-narrow', id: 'anatomy-unit', attrs: { type: 'number', min: '0', step: '1' } });
    this.unitInput.addEventListener('change', () => events.onUnit(Number(this.unitInput.value)));
    this.layerSelect = h('select', { class: 'select input-narrow', id: 'anatomy-layer' });
    this.layerSelect.addEventListener('change', () => events.onLayer(Number(this.layerSelect.value)));
    this.textInput = h('input', { class: 'input', id: 'anatomy-text', sayAttrs: { 'aria-label': 'anatomy.probeText' }, attrs: { type: 'text', maxlength: '400', spellcheck: 'false' } });
    this.textInput.addEventListener('input', () => events.onText(this.textInput.value));
    const step = (d: number) => h('button', {
      class: 'btn btn-small', text: d < 0 ? '◀' : '▶', sayAttrs: { 'aria-label': d < 0 ? 'anatomy.previous' : 'anatomy.next' }, attrs: { type: 'button' },
      on: { click: () => events.onUnit(Number(this.unitInput.value) + d) },
    });
    shell.main.append(
      controlRow([
        h('label', { say: 'anatomy.unit', attrs: { for: 'anatomy-unit' } }), step(-1), this.unitInput, step(1),
        h('label', { say: 'anatomy.layer', attrs: { for: 'anatomy-layer' } }), this.layerSelect,
        h('button', { class: 'btn btn-small', say: 'anatomy.liveliest', attrs: { type: 'button' }, on: { click: () => events.onLiveliest() } }),
      ]),
      controlRow([h('label', { say: 'anatomy.probeText', attrs: { for: 'anatomy-text' } }), this.textInput]),
      this.caption,
      this.grid,
    );
  }

  setText(text: string): void {
    if (document.activeElement !== this.textInput) this.textInput.value = text;
  }

  render(d: AnatomyViewData): void {
    const r = d.result;
    if (!r) {
      setText(this.status, t('anatomy.waiting'));
      return;
    }
    const layers = r.layers.length;
    if (this.layerSelect.options.length !== layers) {
      this.layerSelect.replaceChildren(...Array.from({ length: layers }, (_, l) => h('option', { text: String(l + 1), attrs: { value: String(l) } })));
    }
    this.layerSelect.value = String(Math.min(d.layer, layers - 1));
    this.unitInput.max = String(r.hidden - 1);
    if (document.activeElement !== this.unitInput) this.unitInput.value = String(d.unit);
    const traces = unitTraces(r, Math.min(d.layer, layers - 1), d.unit);
    this.chars = d.chars;
    const closed = closedShare(traces, d.cell);
    this.marks = closed > 0.5 ? [] : wipes(traces, d.cell);
    const key = `${language()}:${d.cell}:${traces.map((x) => x.gate).join('')}`;
    if (key !== this.gateKey) this.buildCharts(key, d.cell, traces.map((t) => t.gate));
    const xs = Array.from({ length: r.steps }, (_, t) => t);
    for (const { gate, chart } of this.charts) {
      const trace = traces.find((x) => x.gate === gate);
      chart.setData(xs, [trace ? trace.values : []], [{ label: t('anatomy.series', { gate, title: gateInfo(d.cell, gate).title }), stroke: COLORS[gate] ?? '#4f46e5', points: r.steps <= 60 }]);
    }
    setText(this.status, t('anatomy.status', { unit: d.unit, hidden: r.hidden, layer: Math.min(d.layer, layers - 1) + 1, step: d.step }));
    setText(this.caption, this.captionText(d.cell, d.chars, closed));
  }

  // What the keep-gate (LSTM f, GRU z) of this unit does on this text, in words.
  private captionText(cell: string, chars: readonly string[], closed: number): string {
    const gate = cell === 'gru' ? t('anatomy.keepGru') : t('anatomy.keepLstm');
    if (cell === 'rnn') return t('anatomy.rnn');
    if (closed > 0.5) return t('anatomy.closed', { gate, percent: Math.round(closed * 100) });
    if (this.marks.length === 0) return t('anatomy.open', { gate });
    const where = this.marks.slice(0, 6).map((s) => t('anatomy.wipe', { char: displayChar(chars[s] ?? '?'), n: s + 1 })).join(', ');
    return this.marks.length > 6 ? t('anatomy.wipesMore', { gate, where, more: this.marks.length - 6 }) : t('anatomy.wipes', { gate, where });
  }

  private buildCharts(key: string, cell: string, gates: string[]): void {
    this.gateKey = key;
    this.grid.replaceChildren();
    this.charts = gates.map((gate) => {
      const info = gateInfo(cell, gate);
      const box = h('div', { class: 'teach-small', attrs: { 'data-gate': gate } }, [
        h('p', { class: 'teach-small-title' }, [h('strong', { text: gate }), ` ${info.title}`]),
      ]);
      this.grid.append(box);
      const chart = new LineChart(box, {
        height: 120, legend: false, sync: 'anatomy', ySpace: 18, xIncrs: [1, 2, 5, 10, 20, 50, 100],
        yRange: info.range === 'unit' ? [0, 1] : info.range === 'signed' ? [-1, 1] : undefined,
        xLabel: (v) => displayChar(this.chars[v] ?? ''),
        yLabel: (v) => String(Number(v.toPrecision(2))),
        draw: (u) => drawMarks(u, this.marks, 'rgba(220, 38, 38, 0.12)'),
      });
      return { gate, chart };
    });
  }
}
