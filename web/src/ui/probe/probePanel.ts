// The probe: type the beginning of something and see what the model expects next, as bars of the k
// most likely characters. Clicking a bar types that character, so one can walk the model's favourite
// path by hand.
import { describeChar, displayChar, formatPercent } from '../../format';
import { language, t } from '../../i18n';
import { h, setText } from '../dom';
import { UnknownCharactersNote } from '../unknownNote';
import './probePanel.css';

export interface ProbeBar {
  char: string;
  probability: number;
}

export interface ProbeView {
  text: string;
  bars: readonly ProbeBar[];
  entropyBits: number;
  ignored: string[];         // typed characters the model does not know (read as all-zero inputs)
  canProbe: boolean;
  lastChar: string | null;   // the character the prediction follows
}

export interface ProbeEvents {
  onInput(text: string): void;
  onPick(char: string): void;
  onUseTextPiece(): void;
}

export class ProbePanel {
  private readonly input: HTMLTextAreaElement;
  private readonly bars: HTMLOListElement;
  private readonly caption: HTMLElement;
  private readonly note: HTMLElement;
  private readonly unknown: UnknownCharactersNote;
  private shown = '';

  constructor(root: HTMLElement, private readonly events: ProbeEvents) {
    this.input = h('textarea', {
      class: 'text-input probe-input', id: 'probe',
      sayAttrs: { placeholder: 'probe.placeholder' },
      attrs: { rows: '2', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' },
    });
    this.input.addEventListener('input', () => events.onInput(this.input.value));
    this.caption = h('p', { class: 'probe-caption', id: 'probe-caption' });
    this.bars = h('ol', { class: 'probe-bars', id: 'probe-bars' });
    this.note = h('p', { class: 'panel-hint probe-hint' });
    this.unknown = new UnknownCharactersNote(() => events.onUseTextPiece(), 'probe-note');
    root.append(
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title' }, [h('label', { say: 'probe.title', attrs: { for: 'probe' } })])]),
      this.input,
      this.caption,
      this.bars,
      this.unknown.element,
      this.note,
    );
  }

  setText(text: string): void {
    if (this.input.value !== text) this.input.value = text;
  }

  render(v: ProbeView): void {
    this.input.disabled = !v.canProbe && v.text === '';
    setText(
      this.caption,
      v.lastChar === null ? t('probe.empty') : t('probe.after', { char: describeChar(v.lastChar) }),
    );
    this.unknown.render(v.ignored);
    setText(
      this.note,
      Number.isFinite(v.entropyBits) && v.bars.length > 0 ? t('probe.uncertainty', { bits: v.entropyBits.toFixed(2) }) : '',
    );
    const key = `${language()}|${v.bars.map((b) => `${b.char}${b.probability.toFixed(4)}`).join('|')}`;
    if (key === this.shown) return;
    this.shown = key;
    this.bars.replaceChildren(
      ...v.bars.map((b) => {
        const fill = h('span', { class: 'probe-fill' });
        fill.style.width = `${Math.max(0.5, b.probability * 100).toFixed(1)}%`;
        const row = h('li', { class: 'probe-row' }, [
          h('button', { class: 'probe-bar', title: t('probe.type', { char: describeChar(b.char) }), attrs: { type: 'button', 'data-char': b.char } }, [
            h('span', { class: 'probe-char', text: displayChar(b.char) }),
            h('span', { class: 'probe-track' }, [fill]),
            h('span', { class: 'probe-value', text: formatPercent(b.probability) }),
          ]),
        ]);
        row.firstElementChild!.addEventListener('click', () => this.events.onPick(b.char));
        return row;
      }),
    );
  }
}
