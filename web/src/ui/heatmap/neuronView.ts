// The "interpretable neuron" view: the inspected text itself, each character's background coloured by
// one unit's value after reading it. A unit that tracks quotes, brackets or line position shows up as
// a pattern a person can read. Units that vary most over the text are offered as a starting point.
import { describeChar, displayChar } from '../../format';
import { language, t } from '../../i18n';
import { h, setText } from '../dom';
import type { GateInfo, Scale } from './gates';
import { inkOn, paletteIndex, rgbAt } from './palette';

export interface NeuronView {
  chars: readonly string[];
  values: Float32Array;   // (steps × hidden) of the chosen gate
  hidden: number;
  unit: number;           // -1: none picked yet
  gate: GateInfo;
  gates: readonly GateInfo[];
  scale: Scale;
}

export interface NeuronEvents {
  onPick(unit: number, gate: string): void;
}

// Units whose value changes most along the text (variance over steps), most first.
export function liveliestUnits(values: Float32Array, steps: number, hidden: number, count: number): number[] {
  const scores: { unit: number; variance: number }[] = [];
  for (let u = 0; u < hidden; u++) {
    let sum = 0;
    let sq = 0;
    for (let t = 0; t < steps; t++) {
      const v = values[t * hidden + u];
      sum += v;
      sq += v * v;
    }
    const mean = sum / steps;
    scores.push({ unit: u, variance: sq / steps - mean * mean });
  }
  scores.sort((a, b) => b.variance - a.variance || a.unit - b.unit);
  return scores.slice(0, count).map((s) => s.unit);
}

export class NeuronPanel {
  private readonly heading: HTMLElement;
  private readonly unitInput: HTMLInputElement;
  private readonly gateSelect: HTMLSelectElement;
  private readonly suggestions: HTMLElement;
  private readonly text: HTMLElement;

  constructor(root: HTMLElement, events: NeuronEvents) {
    this.heading = h('p', { class: 'neuron-heading', id: 'neuron-heading' });
    this.unitInput = h('input', { class: 'input input-narrow', id: 'neuron-unit', sayAttrs: { 'aria-label': 'neuron.unit' }, attrs: { type: 'number', min: '0', step: '1', inputmode: 'numeric' } });
    this.gateSelect = h('select', { class: 'select', id: 'neuron-gate', sayAttrs: { 'aria-label': 'neuron.gate' } });
    const pick = () => {
      const unit = Number(this.unitInput.value);
      if (Number.isInteger(unit)) events.onPick(unit, this.gateSelect.value);
    };
    this.unitInput.addEventListener('change', pick);
    this.gateSelect.addEventListener('change', pick);
    this.suggestions = h('div', { class: 'neuron-suggestions' });
    this.suggestions.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-unit]');
      if (b) events.onPick(Number(b.dataset.unit), this.gateSelect.value);
    });
    this.text = h('p', { class: 'neuron-text', id: 'neuron-text', attrs: { lang: '' } });
    root.append(
      h('div', { class: 'neuron-controls' }, [
        h('label', { class: 'mini-field' }, [h('span', { say: 'neuron.unit' }), this.unitInput]),
        h('label', { class: 'mini-field' }, [h('span', { say: 'neuron.of' }), this.gateSelect]),
        this.suggestions,
      ]),
      this.heading,
      this.text,
    );
  }

  render(v: NeuronView): void {
    const steps = v.chars.length;
    this.unitInput.max = String(v.hidden - 1);
    if (document.activeElement !== this.unitInput) this.unitInput.value = v.unit >= 0 ? String(v.unit) : '';
    const options = `${language()}|${v.gates.map((g) => g.name).join()}`;
    if (this.gateSelect.dataset.options !== options) {
      this.gateSelect.dataset.options = options;
      this.gateSelect.replaceChildren(...v.gates.map((g) => h('option', { text: `${g.name} · ${g.title}`, attrs: { value: g.name } })));
    }
    this.gateSelect.value = v.gate.name;

    const lively = liveliestUnits(v.values, steps, v.hidden, 5);
    // Nothing picked yet: show the liveliest unit, so the view says what it is for at first sight.
    const unit = v.unit >= 0 && v.unit < v.hidden ? v.unit : lively[0] ?? 0;
    this.suggestions.replaceChildren(
      h('span', { class: 'neuron-suggest-label', text: t('neuron.mostActive') }),
      ...lively.map((u) => h('button', { class: u === unit ? 'chip-button is-picked' : 'chip-button', text: String(u), attrs: { type: 'button', 'data-unit': String(u) } })),
    );
    const digits = v.gate.range === 'free' ? 2 : 0;
    const ends = { lo: v.scale.lo.toFixed(digits), hi: v.scale.hi.toFixed(digits) };
    const range = v.gate.range === 'unit' ? t('neuron.rangeUnit', ends) : t('neuron.rangeSigned', ends);
    const about = { unit, name: v.gate.name, title: v.gate.title, range };
    setText(this.heading, v.unit === unit ? t('neuron.picked', about) : t('neuron.liveliest', about));
    const nodes: Node[] = [];
    for (let t = 0; t < steps; t++) {
      const c = v.chars[t];
      const value = v.values[t * v.hidden + unit];
      const rgb = rgbAt(v.scale.palette, paletteIndex(v.scale.palette, value, v.scale.lo, v.scale.hi));
      const span = h('span', { class: 'neuron-char', text: c === '\n' ? displayChar(c) : c, title: `${describeChar(c)}: ${value.toFixed(4)}` });
      span.style.backgroundColor = `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
      span.style.color = inkOn(rgb);
      nodes.push(span);
      if (c === '\n') nodes.push(h('br'));
    }
    this.text.replaceChildren(...nodes);
  }
}
