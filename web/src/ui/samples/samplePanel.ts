// Text the model writes, newest first, each marked with the step it came from: the clearest view of
// what it has learned. Temperature, length and an optional beginning are the person's to set.
import { language, t } from '../../i18n';
import { field, fieldHelp, type NumberField } from '../../state/settings';
import { formatSetting } from '../../format';
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
    const temp = field('temperature') as NumberField;
    const l = field('sampleLength') as NumberField;
    const tId = uid('temperature');
    const lId = uid('length');
    const pId = uid('prime');
    this.now = h('button', { class: 'btn btn-small', id: 'sample-now', attrs: { type: 'button' }, on: { click: () => events.onSampleNow() } }, [icon('spark'), h('span', { say: 'samples.now' })]);
    this.temperature = h('input', { class: 'range', id: tId, attrs: { type: 'range', 'data-key': 'temperature', min: String(temp.min), max: String(temp.max), step: String(temp.step) } });
    this.temperatureValue = h('output', { class: 'range-value', attrs: { for: tId } });
    this.temperature.addEventListener('input', () => setText(this.temperatureValue, Number(this.temperature.value).toFixed(2)));
    this.temperature.addEventListener('change', () => events.onTemperature(this.temperature.value));
    this.length = h('input', { class: 'input input-narrow', id: lId, attrs: { type: 'number', 'data-key': 'sampleLength', min: String(l.min), max: String(l.max), step: String(l.step), inputmode: 'numeric' } });
    this.length.addEventListener('change', () => events.onLength(this.length.value));
    this.suggestions = h('datalist', { id: uid('prime-suggestions') });
    this.prime = h('input', { class: 'input', id: pId, attrs: { type: 'text', placeholder: t('samples.optional'), autocomplete: 'off', spellcheck: 'false', maxlength: '200', list: this.suggestions.id } });
    this.prime.addEventListener('change', () => events.onPrime(this.prime.value));
    this.note = h('p', { class: 'panel-hint sample-note' });
    this.list = h('ol', { class: 'samples', id: 'samples', attrs: { 'aria-live': 'polite' } });

    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'samples.title' }), this.now]),
      h('div', { class: 'sample-controls' }, [
        h('label', { class: 'mini-field', attrs: { for: tId } }, [h('span', { say: 'samples.temperature', sayAttrs: { title: fieldHelp(temp) } }), h('span', { class: 'range-row' }, [this.temperature, this.temperatureValue])]),
        h('label', { class: 'mini-field', attrs: { for: lId } }, [h('span', { say: 'samples.length', sayAttrs: { title: fieldHelp(l) } }), this.length]),
        h('label', { class: 'mini-field mini-field-grow', attrs: { for: pId } }, [h('span', { say: 'samples.beginWith' }), this.prime, this.suggestions]),
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
    const suggested = `${language()}|${v.primeSuggestions.join('\n')}`;
    if (suggested !== this.suggested) {
      this.suggested = suggested;
      this.suggestions.replaceChildren(...v.primeSuggestions.map((s) => h('option', { attrs: { value: s } })));
      this.prime.placeholder = v.primeSuggestions.length > 0 ? t('samples.example', { text: v.primeSuggestions[0].trim() }) : t('samples.optional');
    }
    this.now.disabled = !v.canSample;
    setText(
      this.note,
      v.ignored.length > 0
        ? t('samples.leftOut', { chars: v.ignored.join(' ') })
        : v.auto ? t('samples.auto')
        : v.untrained ? t('samples.untrained')
        : t('samples.paused'),
    );
    const ids = `${language()}|${v.samples.slice(0, KEEP).map((s) => s.id).join()}`;
    if (ids === this.shownIds) return;
    this.shownIds = ids;
    this.list.replaceChildren(
      ...v.samples.slice(0, KEEP).map((s, i) =>
        h('li', { class: i === 0 ? 'sample sample-latest' : 'sample' }, [
          h('p', { class: 'sample-meta', text: t('samples.meta', { step: s.step, temperature: s.temperature.toFixed(2) }) }),
          // Focusable, so a keyboard can scroll a long sample (axe: scrollable-region-focusable).
          h('p', { class: 'sample-text', attrs: { tabindex: '0' } }, [
            s.prime ? h('mark', { class: 'sample-prime', text: s.prime }) : null,
            s.text.slice(s.prime.length),
          ]),
        ])),
    );
  }
}
