// Cell anatomy: one unit at a time, every gate of it step by step over the probe text, as small
// charts on one shared time axis — so one can read "the forget gate went to 0 here and the cell state
// was wiped". Steps where the keep-gate closed are shaded on every chart.
import type { GateTraces } from '../../heatmap/gateTraces';
import { displayChar, formatCount } from '../../../format';
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
    const shell = viewShell('anatomy', 'Cell anatomy: one unit, gate by gate', [
      'Each chart follows one quantity of the chosen unit while the network reads the text below it, one character per step. In an LSTM the forget gate f decides how much of the cell c survives each step, the input gate i how much of the candidate g is written, and the output gate o how much of the cell shows in h.',
      'Look for steps where f drops toward 0 (shaded): the cell state is wiped there and starts afresh. In a GRU the update gate z plays the keep role. A plain RNN has only h.',
    ]);
    this.root = shell.root;
    this.status = shell.status;
    this.caption = h('p', { class: 'teach-caption', id: 'anatomy-caption' });
    this.grid = h('div', { class: 'teach-small-multiples', id: 'anatomy-charts' });
    this.unitInput = h('input', { class: 'input input-narrow', id: 'anatomy-unit', attrs: { type: 'number', min: '0', step: '1' } });
    this.unitInput.addEventListener('change', () => events.onUnit(Number(this.unitInput.value)));
    this.layerSelect = h('select', { class: 'select input-narrow', id: 'anatomy-layer' });
    this.layerSelect.addEventListener('change', () => events.onLayer(Number(this.layerSelect.value)));
    this.textInput = h('input', { class: 'input', id: 'anatomy-text', attrs: { type: 'text', maxlength: '400', spellcheck: 'false', 'aria-label': 'Probe text' } });
    this.textInput.addEventListener('input', () => events.onText(this.textInput.value));
    const step = (d: number) => h('button', {
      class: 'btn btn-small', text: d < 0 ? '◀' : '▶', attrs: { type: 'button', 'aria-label': d < 0 ? 'previous unit' : 'next unit' },
      on: { click: () => events.onUnit(Number(this.unitInput.value) + d) },
    });
    shell.main.append(
      controlRow([
        h('label', { text: 'Unit', attrs: { for: 'anatomy-unit' } }), step(-1), this.unitInput, step(1),
        h('label', { text: 'Layer', attrs: { for: 'anatomy-layer' } }), this.layerSelect,
        h('button', { class: 'btn btn-small', text: 'Liveliest unit', attrs: { type: 'button' }, on: { click: () => events.onLiveliest() } }),
      ]),
      controlRow([h('label', { text: 'Probe text', attrs: { for: 'anatomy-text' } }), this.textInput]),
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
      setText(this.status, 'Waiting for the model to read the probe text…');
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
    const key = `${d.cell}:${traces.map((t) => t.gate).join('')}`;
    if (key !== this.gateKey) this.buildCharts(key, d.cell, traces.map((t) => t.gate));
    const xs = Array.from({ length: r.steps }, (_, t) => t);
    for (const { gate, chart } of this.charts) {
      const t = traces.find((x) => x.gate === gate);
      chart.setData(xs, [t ? t.values : []], [{ label: `${gate} — ${gateInfo(d.cell, gate).title}`, stroke: COLORS[gate] ?? '#4f46e5', points: r.steps <= 60 }]);
    }
    setText(this.status, `Unit ${d.unit} of ${r.hidden}, layer ${Math.min(d.layer, layers - 1) + 1}; weights of step ${formatCount(d.step)}.`);
    const keepGate = d.cell === 'gru' ? 'update gate z' : 'forget gate f';
    setText(
      this.caption,
      d.cell === 'rnn'
        ? 'A plain RNN unit has no gates: its state is overwritten at every step.'
        : closed > 0.5
          ? `The ${keepGate} of this unit is closed (below 0.25) at ${Math.round(closed * 100)}% of the steps: it keeps almost nothing from one character to the next. Try another unit, or “Liveliest unit”.`
          : this.marks.length === 0
          ? `The ${keepGate} of this unit stays above 0.25 on this text: it never wipes its memory here.`
          : `The ${keepGate} closes (below 0.25) after ${this.marks.slice(0, 6).map((t) => `‘${displayChar(d.chars[t] ?? '?')}’ (step ${t + 1})`).join(', ')}${this.marks.length > 6 ? ` and ${this.marks.length - 6} more` : ''}: shaded; what the unit held is dropped there.`,
    );
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
