// The text to learn: a preset or the person's own, what the core will make of it (characters,
// vocabulary, train/validation split), and what stands in the way of training on it.
import type { TextStats } from '../../state/textStats';
import { displayChar, formatCount } from '../../format';
import { language, sayNow, t, type MessageKey, type Said } from '../../i18n';
import { h, setText, uid } from '../dom';
import { say } from '../../i18n/dom';
import { saidKey, showSaid } from '../said';
import { afterPaste, LARGE_TEXT, preview } from './largeText';
import './textPanel.css';

export interface TextProblem {
  message: Said;
  fixes: { id: string; label: Said }[];
}

export interface TextView {
  preset: string;
  presets: readonly { id: string; title: string }[];  // titles in the page's language
  about: string;
  stats: TextStats;
  valFrac: number;
  problem: TextProblem | null;
  pending: boolean;         // edited since the current model was built from it
}

export interface TextEvents {
  onInput(text: string): void;
  onPreset(id: string): void;
  onValFrac(raw: string): void;
  onApplyText(): void;
  onRevertText(): void;
  onFix(id: string): void;
}

const VOCAB_SHOWN = 160;  // chips drawn before "+N more": a Korean vocabulary has hundreds

export class TextPanel {
  private readonly textarea: HTMLTextAreaElement;
  private readonly preset: HTMLSelectElement;
  private readonly about: HTMLElement;
  private readonly counts: Record<'characters' | 'vocab' | 'train' | 'validation', HTMLElement>;
  private readonly valFrac: HTMLInputElement;
  private readonly vocabList: HTMLElement;
  private readonly vocabSummary: HTMLElement;
  private readonly problem: HTMLElement;
  private readonly pending: HTMLElement;
  private readonly largeNote: HTMLElement;
  private large: string | null = null;  // the whole text while the textarea shows only its beginning
  private shownVocab = '';
  private shownProblem = '';
  private presetsKey = '';

  constructor(root: HTMLElement, private readonly events: TextEvents) {
    const textId = 'text';
    this.preset = h('select', { class: 'select', id: 'preset', sayAttrs: { 'aria-label': 'text.presetLabel' } });
    this.preset.addEventListener('change', () => events.onPreset(this.preset.value));
    this.about = h('p', { class: 'panel-hint', id: 'preset-about' });
    this.textarea = h('textarea', {
      class: 'text-input', id: textId, sayAttrs: { placeholder: 'text.placeholder' },
      attrs: { spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', rows: '10' },
    });
    this.textarea.addEventListener('input', () => events.onInput(this.textarea.value));
    this.textarea.addEventListener('paste', (e) => this.onPaste(e));
    this.largeNote = h('p', { class: 'text-large', id: 'text-large', attrs: { role: 'status' } });
    this.largeNote.hidden = true;

    const count = (key: string, label: MessageKey) => {
      const value = h('strong', { id: `text-${key}`, text: '–' });
      return { value, node: h('span', { class: 'text-count' }, [value, ' ', h('span', { say: label })]) };
    };
    const characters = count('characters', 'text.characters');
    const vocab = count('vocab', 'text.distinct');
    const train = count('train', 'text.train');
    const validation = count('validation', 'text.validation');
    this.counts = { characters: characters.value, vocab: vocab.value, train: train.value, validation: validation.value };

    const valId = uid('valfrac');
    this.valFrac = h('input', { class: 'input input-narrow', id: valId, attrs: { type: 'number', min: '0', max: '50', step: '1', inputmode: 'numeric', 'data-key': 'valFrac' } });
    this.valFrac.addEventListener('change', () => events.onValFrac(this.valFrac.value));

    this.vocabSummary = h('summary', { say: 'text.vocabulary' });
    this.vocabList = h('div', { class: 'vocab-chips', attrs: { lang: '' } });
    this.problem = h('div', { class: 'text-problem', id: 'text-problem', attrs: { role: 'alert' } });
    this.problem.hidden = true;
    this.pending = h('div', { class: 'text-pending', id: 'text-pending' }, [
      h('p', { say: 'text.edited' }),
      h('div', { class: 'inline-actions' }, [
        h('button', { class: 'btn btn-small btn-primary', id: 'apply-text', say: 'text.apply', attrs: { type: 'button' }, on: { click: () => events.onApplyText() } }),
        h('button', { class: 'btn btn-small', say: 'text.revert', attrs: { type: 'button' }, on: { click: () => events.onRevertText() } }),
      ]),
    ]);

    root.append(
      h('header', { class: 'panel-head' }, [
        h('h2', { class: 'panel-title' }, [h('label', { say: 'text.title', attrs: { for: textId } })]),
        this.preset,
      ]),
      this.about,
      this.textarea,
      this.largeNote,
      h('div', { class: 'text-stats' }, [
        characters.node, vocab.node,
        h('span', { class: 'text-split' }, [train.node, h('span', { class: 'split-sep', text: '·' }), validation.node]),
        h('label', { class: 'text-valfrac', attrs: { for: valId } }, [h('span', { say: 'text.holdOut' }), ' ', this.valFrac, ' ', h('span', { say: 'text.percent' })]),
      ]),
      h('details', { class: 'vocab' }, [this.vocabSummary, this.vocabList]),
      this.problem,
      this.pending,
    );
  }

  get value(): string {
    return this.large ?? this.textarea.value;
  }

  // Replaces the text (a preset, an undo); typing never comes back through here, so the caret stays.
  // Brings the text box into view and puts the cursor at its end, to add more text.
  focusForMore(): void {
    this.textarea.scrollIntoView({ block: 'center' });
    this.textarea.focus();
    this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
  }

  setText(text: string): void {
    if (text.length > LARGE_TEXT) return this.showLarge(text);
    this.large = null;
    this.textarea.readOnly = false;
    this.largeNote.hidden = true;
    if (this.textarea.value !== text) this.textarea.value = text;
  }

  // A paste that would make the text large is taken over: the browser never lays it out. While a large
  // text is shown, any paste replaces it (the textarea holds only a preview, so a selection in it would
  // not say where in the whole text to paste).
  private onPaste(e: ClipboardEvent): void {
    const pasted = e.clipboardData?.getData('text/plain') ?? '';
    const ta = this.textarea;
    const next = this.large !== null ? pasted : afterPaste(ta.value, ta.selectionStart, ta.selectionEnd, pasted);
    if (next.length <= LARGE_TEXT && this.large === null) return;  // the browser pastes as usual
    e.preventDefault();
    this.setText(next);
    this.events.onInput(next);
  }

  private showLarge(text: string): void {
    this.large = text;
    this.textarea.value = preview(text);
    this.textarea.readOnly = true;
    this.largeNote.hidden = false;
    say(this.largeNote, 'text.large');
  }

  render(v: TextView): void {
    const key = v.presets.map((p) => `${p.id}:${p.title}`).join();
    if (key !== this.presetsKey) {
      this.presetsKey = key;
      this.preset.replaceChildren(...v.presets.map((p) => h('option', { text: p.title, attrs: { value: p.id } })));
    }
    this.preset.value = v.preset;
    setText(this.about, v.about);
    setText(this.counts.characters, formatCount(v.stats.characters));
    setText(this.counts.vocab, formatCount(v.stats.vocab.length));
    setText(this.counts.train, formatCount(v.stats.trainCharacters));
    setText(this.counts.validation, formatCount(v.stats.validationCharacters));
    if (document.activeElement !== this.valFrac) this.valFrac.value = String(Math.round(v.valFrac * 100));
    this.renderVocab(v.stats);
    this.renderProblem(v.problem);
    this.pending.hidden = !v.pending;
  }

  private renderVocab(stats: TextStats): void {
    const key = `${language()}|${stats.vocab.join('')}`;
    if (key === this.shownVocab) return;
    this.shownVocab = key;
    setText(this.vocabSummary, t('text.vocabularySummary', { count: stats.vocab.length, bits: stats.unigramBits.toFixed(2) }));
    const chips = stats.vocab.slice(0, VOCAB_SHOWN).map((c) => {
      const shown = displayChar(c);
      return h('span', { class: shown === c ? 'chip' : 'chip chip-special', text: shown, title: `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
    });
    if (stats.vocab.length > VOCAB_SHOWN) chips.push(h('span', { class: 'chip chip-more', text: t('text.more', { n: stats.vocab.length - VOCAB_SHOWN }) }));
    this.vocabList.replaceChildren(...chips);
  }

  private renderProblem(p: TextProblem | null): void {
    const key = p ? saidKey([p.message, ...p.fixes.map((f) => f.label)]) : '';
    if (key === this.shownProblem) return;
    this.shownProblem = key;
    this.problem.hidden = !p;
    if (!p) return this.problem.replaceChildren();
    const fixes = p.fixes.map((f) =>
      h('button', { class: 'btn btn-small', text: sayNow(f.label), attrs: { type: 'button', 'data-fix': f.id }, on: { click: () => this.events.onFix(f.id) } }));
    const message = h('p', { class: 'problem-message' });
    showSaid(message, [p.message]);
    this.problem.replaceChildren(
      h('p', { class: 'problem-title', text: t('text.problemTitle') }),
      message,
      h('div', { class: 'inline-actions' }, fixes),
    );
  }
}
