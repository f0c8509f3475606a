// Text the model writes, newest first, each marked with the step it came from: the clearest view of
// what it has learned. Temperature, length and an optional beginning are the person's to set.
import { field, type NumberField } from '../../state/settings';
import { formatCount, formatSetting } from '../../format';
import { h, setText, uid } from '../dom';
import { icon } from '../icons';
import './samplePanel.css';

export interface Sample {
  id: number;
  step: number;
  temperature: number;
  prime: string;
  text: string;      // starts with the prime
}

export interface SampleView {
  samples: readonly Sample[];
  temperature: number;
  length: number;
  prime: string;
  primeSuggestions: readonly string[];  // ways to begin, from the training text
  canSample: boolean;
  ignored: string[];  // characters of the beginning the model does not know (left out)
  auto: boolean;      // training: a new sample comes every few seconds
  untrained: boolean; // the model has not trained a single step
}

export interface SampleEvents {
  onSampleNow(): void;
  onTemperature(raw: string): void;
  onLength(raw: string): void;
  onPrime(text: string): void;
}

const KEEP = 5;

export class SamplePanel {
  private readonly list: HTMLOListElement;
  private readonly now: HTMLButtonElement;
  private readonly temperature: HTMLInputElement;
  private readonly temperatureValue: HTMLOutputElement;
  private readonly length: HTMLInputElement;
  private readonly prime: HTMLInputElement;
  private readonly suggestions: HTMLDataListElement;
  private suggested = '';
  private readonly note: HTMLElement;
  private shownIds = '';

  constructor(root: HTMLElement, events: SampleEvents) {
    const t = field('temperature') as NumberField;
    const l = field('sampleLength') as NumberField;
    const tId = uid('temperature');
    const lId = uid('length');
    const pId = uid('prime');
    this.now = h('button', { class: 'btn btn-small', id: 'sample-now', attrs: { type: 'button' }, on: { click: () => events.onSampleNow() } }, [icon('spark'), 'Sample now']);
    this.temperature = h('input', { class: 'range', id: tId, attrs: { type: 'range', 'data-key': 'temperature', min: String(t.min), max: String(t.max), step: String(t.step) } });
    this.temperatureValue = h('output', { class: 'range-value', attrs: { for: tId } });
    this.temperature.addEventListener('input', () => setText(this.temperatureValue, Number(this.temperature.value).toFixed(2)));
    this.temperature.addEventListener('change', () => events.onTemperature(this.temperature.value));
    this.length = h('input', { class: 'input input-narrow', id: lId, attrs: { type: 'number', 'data-key': 'sampleLength', min: String(l.min), max: String(l.max), step: String(l.step), inputmode: 'numeric' } });
    this.length.addEventListener('change', () => events.onLength(this.length.value));
    this.suggestions = h('datalist', { id: uid('prime-suggestions') });
    this.prime = h('input', { class: 'input', id: pId, attrs: { type: 'text', placeholder: 'optional', autocomplete: 'off', spellcheck: 'false', maxlength: '200', list: this.suggestions.id } });
    this.prime.addEventListener('change', () => events.onPrime(this.prime.value));
    this.note = h('p', { class: 'panel-hint sample-note' });
    this.list = h('ol', { class: 'samples', id: 'samples', attrs: { 'aria-live': 'polite' } });

    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', text: 'Samples' }), this.now]),
      h('div', { class: 'sample-controls' }, [
        h('label', { class: 'mini-field', attrs: { for: tId } }, [h('span', { text: 'Temperature', title: t.help }), h('span', { class: 'range-row' }, [this.temperature, this.temperatureValue])]),
        h('label', { class: 'mini-field', attrs: { for: lId } }, [h('span', { text: 'Length', title: l.help }), this.length]),
        h('label', { class: 'mini-field mini-field-grow', attrs: { for: pId } }, [h('span', { text: 'Begin with' }), this.prime, this.suggestions]),
      ]),
      this.note,
      this.list,
    );
  }

  render(v: SampleView): void {
    if (document.activeElement !== this.temperature) {
      this.temperature.value = String(v.temperature);
      setText(this.temperatureValue, v.temperature.toFixed(2));
    }
    if (document.activeElement !== this.length) this.length.value = formatSetting(v.length);
    if (document.activeElement !== this.prime && this.prime.value !== v.prime) this.prime.value = v.prime;
    const suggested = v.primeSuggestions.join('\n');
    if (suggested !== this.suggested) {
      this.suggested = suggested;
      this.suggestions.replaceChildren(...v.primeSuggestions.map((s) => h('option', { attrs: { value: s } })));
      this.prime.placeholder = v.primeSuggestions.length > 0 ? `e.g. ${v.primeSuggestions[0].trim()}` : 'optional';
    }
    this.now.disabled = !v.canSample;
    setText(
      this.note,
      v.ignored.length > 0
        ? `Left out of the beginning (not in the text’s vocabulary): ${v.ignored.join(' ')}`
        : v.auto ? 'A new sample every few seconds while training.'
        : v.untrained ? 'An untrained model writes characters of the vocabulary at random. Press Train and watch this change.'
        : 'Paused: “Sample now” asks the model as it is.',
    );
    const ids = v.samples.slice(0, KEEP).map((s) => s.id).join();
    if (ids === this.shownIds) return;
    this.shownIds = ids;
    this.list.replaceChildren(
      ...v.samples.slice(0, KEEP).map((s, i) =>
        h('li', { class: i === 0 ? 'sample sample-latest' : 'sample' }, [
          h('p', { class: 'sample-meta', text: `step ${formatCount(s.step)} · temperature ${s.temperature.toFixed(2)}` }),
          h('p', { class: 'sample-text' }, [
            s.prime ? h('mark', { class: 'sample-prime', text: s.prime }) : null,
            s.text.slice(s.prime.length),
          ]),
        ])),
    );
  }
}
