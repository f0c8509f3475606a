// Inside the network: for a text and a layer, one grid per gate — units down, characters across, each
// cell the gate's value after reading that character. Hovering names the cell; clicking a row picks
// that unit for the neuron view below. The grids paint the very values the core's training caches
// hold (core/infer/inspect.hpp), not a second computation.
import type { GateTraces } from './gateTraces';
import { describeChar, displayChar, formatPercent } from '../../format';
import { language, t } from '../../i18n';
import { h, setText } from '../dom';
import { gateInfo, gateScale, type GateInfo, type Scale } from './gates';
import { gridGeometry, hitTest, type GridGeometry } from './geometry';
import { NeuronPanel } from './neuronView';
import { paintAxis, paintCells, paintCharacters } from './paint';
import { cssColor } from './palette';
import { isWide } from '../../state/wideCharacters';
import { UnknownCharactersNote } from '../unknownNote';
import './heatmapPanel.css';

export interface Inspection {
  chars: readonly string[];  // the inspected text, one entry per step
  step: number;              // training step of the weights
  cell: string;
  result: GateTraces;
}

export interface HeatmapView {
  canInspect: boolean;
  inputText: string;
  ignored: string[];
  inspection: Inspection | null;
  layer: number;
  unit: number;
  gate: string;
  vocab: readonly string[];
}

export interface HeatmapEvents {
  onText(text: string): void;
  onLayer(raw: string): void;
  onPickUnit(unit: number, gate: string): void;
  onUseTextPiece(): void;
}

const UNITS_PER_PAGE = 128;

interface Figure {
  gate: GateInfo;
  root: HTMLElement;
  stage: HTMLElement;          // holds both canvases at the grid's size
  cells: HTMLCanvasElement;    // one pixel per cell, scaled up by CSS
  axis: HTMLCanvasElement;     // unit numbers
  chars: HTMLCanvasElement;    // the characters under the columns
  pick: HTMLElement;           // outline of the picked unit's row
  title: HTMLElement;
  legend: HTMLElement;
  geometry: GridGeometry | null;
  labelKey: string;            // what the labels were last painted for
}

export class HeatmapPanel {
  private readonly input: HTMLTextAreaElement;
  private readonly layerSelect: HTMLSelectElement;
  private readonly pageSelect: HTMLSelectElement;
  private readonly grids: HTMLElement;
  private readonly tooltip: HTMLElement;
  private readonly status: HTMLElement;
  private readonly note: UnknownCharactersNote;
  private readonly neuron: NeuronPanel;
  private readonly root: HTMLElement;
  private readonly layerField: HTMLElement;
  private readonly pageField: HTMLElement;
  private figures: Figure[] = [];
  private view: HeatmapView | null = null;
  private painted = '';          // what the grids show: the key of the last repaint
  private lastResult: GateTraces | null = null;
  private paintQueue: (() => void)[] = [];
  private paintFrame = 0;
  private onScreen = true;
  private deferred = false;       // a repaint waits for the panel to scroll into view
  private firstUnit = 0;
  private width = 0;

  constructor(root: HTMLElement, private readonly events: HeatmapEvents) {
    this.root = root;
    this.input = h('textarea', { class: 'text-input heat-input', id: 'heat-text', sayAttrs: { 'aria-label': 'inside.textLabel' }, attrs: { rows: '2', spellcheck: 'false', autocomplete: 'off', maxlength: '400' } });
    this.input.addEventListener('change', () => events.onText(this.input.value));
    this.layerSelect = h('select', { class: 'select', id: 'heat-layer', sayAttrs: { 'aria-label': 'inside.layer' } });
    this.layerSelect.addEventListener('change', () => events.onLayer(this.layerSelect.value));
    this.pageSelect = h('select', { class: 'select', id: 'heat-units', sayAttrs: { 'aria-label': 'inside.unitsShown' } });
    this.pageSelect.addEventListener('change', () => {
      this.firstUnit = Number(this.pageSelect.value);
      this.repaint();
    });
    this.layerField = h('label', { class: 'mini-field', attrs: { for: 'heat-layer' } }, [h('span', { say: 'inside.layer' }), this.layerSelect]);
    this.pageField = h('label', { class: 'mini-field', attrs: { for: 'heat-units' } }, [h('span', { say: 'inside.units' }), this.pageSelect]);
    this.layerField.hidden = this.pageField.hidden = true;  // shown for more than one layer, or page of units
    this.status = h('span', { class: 'panel-unit', id: 'heat-status' });
    this.note = new UnknownCharactersNote(() => events.onUseTextPiece(), 'heat-note');
    this.grids = h('div', { class: 'heat-grids', id: 'heat-grids' });
    this.tooltip = h('div', { class: 'heat-tooltip', id: 'heat-tooltip', attrs: { role: 'tooltip' } });
    this.tooltip.hidden = true;
    const neuronRoot = h('section', { class: 'neuron', sayAttrs: { 'aria-label': 'inside.neuronLabel' } });
    this.neuron = new NeuronPanel(neuronRoot, { onPick: (u, g) => events.onPickUnit(u, g) });

    root.append(
      h('header', { class: 'panel-head' }, [
        h('h2', { class: 'panel-title', say: 'inside.title' }),
        this.status,
      ]),
      h('p', { class: 'panel-hint', say: 'inside.hint' }),
      h('div', { class: 'heat-controls' }, [
        h('label', { class: 'mini-field mini-field-grow', attrs: { for: 'heat-text' } }, [h('span', { say: 'inside.textToLook' }), this.input]),
        this.layerField,
        this.pageField,
      ]),
      this.note.element,
      this.grids,
      h('h3', { class: 'sub-title', say: 'inside.oneUnit' }),
      neuronRoot,
      this.tooltip,
    );
    // Off screen, grids are not painted at all: painting them would only take time from the page.
    new IntersectionObserver(([entry]) => {
      this.onScreen = entry.isIntersecting;
      if (this.onScreen && this.deferred) {
        this.deferred = false;
        this.repaint();
      }
    }, { rootMargin: '200px 0px' }).observe(root);
    new ResizeObserver(() => {
      const w = this.grids.clientWidth;
      if (Math.abs(w - this.width) > 8) {
        this.width = w;
        this.repaint();
      }
    }).observe(this.grids);
  }

  render(v: HeatmapView): void {
    this.view = v;
    if (document.activeElement !== this.input && this.input.value !== v.inputText) this.input.value = v.inputText;
    this.input.disabled = !v.canInspect && v.inspection === null;
    this.note.render(v.ignored);
    const ins = v.inspection;
    if (!ins) {
      setText(this.status, '');
      this.grids.replaceChildren(h('p', { class: 'heat-empty', text: t('inside.empty') }));
      this.figures = [];
      this.painted = '';
      return;
    }
    setText(this.status, t('inside.status', { step: ins.step }));
    this.syncSelects(ins.result);
    this.repaint();
  }

  private syncSelects(r: GateTraces): void {
    const layers = r.layers.length;
    if (this.layerSelect.options.length !== layers || this.layerSelect.dataset.lang !== language()) {
      this.layerSelect.dataset.lang = language();
      this.layerSelect.replaceChildren(...Array.from({ length: layers }, (_, i) => h('option', { text: t('inside.layerOf', { n: i + 1, total: layers }), attrs: { value: String(i) } })));
    }
    this.layerSelect.value = String(Math.min(this.view!.layer, layers - 1));
    this.layerField.hidden = layers < 2;
    const pages = Math.ceil(r.hidden / UNITS_PER_PAGE);
    if (this.pageSelect.options.length !== pages || this.pageSelect.dataset.hidden !== String(r.hidden)) {
      this.pageSelect.dataset.hidden = String(r.hidden);
      this.pageSelect.replaceChildren(...Array.from({ length: pages }, (_, p) => {
        const from = p * UNITS_PER_PAGE;
        const to = Math.min(r.hidden, from + UNITS_PER_PAGE) - 1;
        return h('option', { text: `${from}–${to}`, attrs: { value: String(from) } });
      }));
      this.firstUnit = 0;
    }
    this.pageSelect.value = String(this.firstUnit);
    this.pageField.hidden = pages < 2;
  }

  private repaint(): void {
    const v = this.view;
    const ins = v?.inspection;
    if (!v || !ins) return;
    if (!this.onScreen) {
      this.deferred = true;  // painted when it scrolls into view
      return;
    }
    const r = ins.result;
    const layer = Math.min(v.layer, r.layers.length - 1);
    const traces = r.layers[layer];
    const gates = r.gateNames.map((n) => gateInfo(ins.cell, n));
    this.ensureFigures(gates);
    const units = Math.min(UNITS_PER_PAGE, r.hidden - this.firstUnit);
    const available = Math.max(200, this.figures[0]?.root.clientWidth ?? this.width);
    const key = [r.steps, r.hidden, layer, v.unit, v.gate, this.firstUnit, available, ins.step, ins.chars.join(''), language()].join('|');
    // The same inspection object is painted once; a new one always repaints.
    if (key === this.painted && this.lastResult === r) return;
    this.painted = key;
    this.lastResult = r;
    // One grid per animation frame: six large grids at once could hold the main thread for longer
    // than a frame, and the live numbers must keep moving.
    const labelKey = [r.steps, units, available, this.firstUnit, ins.chars.join('')].join('|');
    const g = gridGeometry(r.steps, units, available, ins.chars.some(isWide));
    // Every grid in one frame (small canvases, one commit); the neuron view in the next.
    const jobs: (() => void)[] = [() => {
      for (const f of this.figures) {
        const values = traces[f.gate.name];
        const scale = gateScale(f.gate, values);
        f.geometry = g;
        if (f.labelKey !== labelKey) {
          f.labelKey = labelKey;
          f.stage.style.width = `${g.width}px`;
          f.stage.style.height = `${g.height}px`;
          f.chars.style.left = `${g.axisWidth}px`;
          f.chars.style.top = `${g.top + g.units * g.rowHeight}px`;
          paintAxis(f.axis, g, this.firstUnit);
          paintCharacters(f.chars, g, ins.chars);
        }
        paintCells(f.cells, g, { values, hidden: r.hidden, firstUnit: this.firstUnit, scale });
        const picked = v.gate === f.gate.name && v.unit >= this.firstUnit && v.unit < this.firstUnit + units ? v.unit - this.firstUnit : -1;
        f.pick.hidden = picked < 0;
        if (picked >= 0) {
          f.pick.style.left = `${g.axisWidth - 2}px`;
          f.pick.style.top = `${g.top + picked * g.rowHeight - 2}px`;
          f.pick.style.width = `${g.steps * g.cellWidth + 4}px`;
          f.pick.style.height = `${g.rowHeight + 4}px`;
        }
        this.renderLegend(f, scale);
      }
    }];
    const gate = gates.find((g) => g.name === v.gate) ?? gates[gates.length - 1];
    jobs.push(() => {
      const values = traces[gate.name];
      this.neuron.render({ chars: ins.chars, values, hidden: r.hidden, unit: v.unit, gate, gates, scale: gateScale(gate, values) });
    });
    this.paintQueue = jobs;
    if (this.paintFrame === 0) this.paintFrame = requestAnimationFrame(() => this.paintNext());
  }

  private paintNext(): void {
    this.paintFrame = 0;
    this.paintQueue.shift()?.();
    if (this.paintQueue.length > 0) this.paintFrame = requestAnimationFrame(() => this.paintNext());
  }

  private ensureFigures(gates: GateInfo[]): void {
    const names = gates.map((g) => `${g.name}:${g.title}`).join();  // titles too: a change of language draws anew
    if (this.figures.map((f) => `${f.gate.name}:${f.gate.title}`).join() === names && this.grids.contains(this.figures[0]?.root ?? null)) return;
    this.figures = gates.map((gate) => {
      const cells = h('canvas', { class: 'heat-cells', attrs: { 'data-gate': gate.name, role: 'img', 'aria-describedby': 'heat-status', 'aria-label': t('inside.gridLabel', { gate: gate.title }) } });
      const axis = h('canvas', { class: 'heat-axis', attrs: { 'aria-hidden': 'true' } });
      const chars = h('canvas', { class: 'heat-chars', attrs: { 'aria-hidden': 'true' } });
      const pick = h('div', { class: 'heat-pick' });
      pick.hidden = true;
      const stage = h('div', { class: 'heat-stage' }, [axis, cells, chars, pick]);
      const title = h('span', { class: 'heat-title' }, [h('strong', { class: 'gate-name', text: gate.name }), ` ${gate.title}`]);
      const legend = h('span', { class: 'heat-legend' });
      const root = h('figure', { class: 'heat-figure', title: gate.meaning }, [
        h('figcaption', { class: 'heat-caption' }, [title, legend]),
        // Focusable: a keyboard can scroll a long text's grid (axe: scrollable-region-focusable).
        h('div', { class: 'heat-scroll', attrs: { tabindex: '0' } }, [stage]),
      ]);
      const f: Figure = { gate, root, stage, cells, axis, chars, pick, title, legend, geometry: null, labelKey: '' };
      const at = (e: MouseEvent) => {
        const box = stage.getBoundingClientRect();
        return f.geometry && hitTest(f.geometry, e.clientX - box.left, e.clientY - box.top);
      };
      stage.addEventListener('pointermove', (e) => this.hover(f, at(e), e));
      stage.addEventListener('pointerleave', () => (this.tooltip.hidden = true));
      stage.addEventListener('click', (e) => {
        const hit = at(e);
        if (hit) this.events.onPickUnit(this.firstUnit + hit.row, f.gate.name);
      });
      return f;
    });
    this.grids.replaceChildren(...this.figures.map((f) => f.root));
  }

  private renderLegend(f: Figure, scale: Scale): void {
    const { lo, hi } = scale;
    const digits = f.gate.range === 'free' ? 2 : 0;
    const key = `${lo.toFixed(digits)}|${hi.toFixed(digits)}`;
    if (f.legend.dataset.key === key) return;
    f.legend.dataset.key = key;
    const bar = h('span', { class: 'legend-bar' });
    const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${cssColor(scale.palette, lo + (hi - lo) * t, lo, hi)} ${t * 100}%`);
    bar.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
    f.legend.replaceChildren(h('span', { text: lo.toFixed(digits) }), bar, h('span', { text: hi.toFixed(digits) }));
  }

  private hover(f: Figure, hit: { step: number; row: number } | null, e: PointerEvent): void {
    const v = this.view;
    const ins = v?.inspection;
    if (!v || !ins || !hit) {
      this.tooltip.hidden = true;
      return;
    }
    const r = ins.result;
    const layer = Math.min(v.layer, r.layers.length - 1);
    const unit = this.firstUnit + hit.row;
    const value = r.layers[layer][f.gate.name][hit.step * r.hidden + unit];
    const next: string[] = [];
    for (let k = 0; k < Math.min(3, r.topK); k++) {
      const id = r.topIds[hit.step * r.topK + k];
      next.push(`${displayChar(v.vocab[id] ?? '?')} ${formatPercent(r.topProbs[hit.step * r.topK + k], 0)}`);
    }
    const lines = [
      h('p', { class: 'tip-value', text: value.toFixed(4) }),
      h('p', { text: t('inside.tipUnit', { unit, name: f.gate.name, title: f.gate.title }) }),
      h('p', { text: t('inside.tipAfter', { char: describeChar(ins.chars[hit.step]), n: hit.step + 1, total: r.steps }) }),
    ];
    if (next.length > 0) lines.push(h('p', { class: 'tip-next', text: t('inside.tipNext', { next: next.join(' · ') }) }));
    this.tooltip.replaceChildren(...lines);
    this.tooltip.hidden = false;
    const box = this.root.getBoundingClientRect();
    const tipW = this.tooltip.offsetWidth;
    let x = e.clientX - box.left + 14;
    if (x + tipW > box.width - 8) x = e.clientX - box.left - tipW - 14;
    this.tooltip.style.left = `${Math.max(8, x)}px`;
    this.tooltip.style.top = `${e.clientY - box.top + 14}px`;
  }
}
