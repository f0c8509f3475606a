// The spacing task's panel (many-to-many tagging): the held-out text as the model spaces it, updating
// as it learns; its held-out scores over training; which direction decided each gap; and the same
// network forward-only and bidirectional side by side.
import { language, t } from '../../../i18n';
import { h, setText } from '../../dom';
import { ScoreChart, type ScoreRow } from '../scoreChart';
import { directionStrip, directionSummary } from './directionStrip';
import { DirectionsCompare, type DirectionsView, type DirectionsEvents } from './directionsCompare';
import { gapCounts, type SpacedCharacter } from './spacedText';
import { spacedTextNodes, spacingLegend } from './spacedView';
import '../tasks.css';

export interface SpacingView {
  scores: readonly ScoreRow[];
  chars: readonly SpacedCharacter[] | null;  // the held-out piece as spaced now
  charsStep: number;
  bidirectional: boolean;
  heldOut: boolean;                          // false: nothing held out, the piece is training text
  compare: DirectionsView;
}

const STRIP_CHARACTERS = 80;

export class SpacingPanel {
  readonly element: HTMLElement;
  private readonly headline = h('p', { class: 'panel-hint task-headline', id: 'spacing-headline', attrs: { 'aria-live': 'polite' } });
  private readonly chart = new ScoreChart([
    { key: 'f1', label: 'spacing.f1', color: '#4f46e5', width: 2 },
    { key: 'precision', label: 'spacing.precision', color: '#0891b2', width: 1 },
    { key: 'recall', label: 'spacing.recall', color: '#ea580c', width: 1 },
    { key: 'accuracy', label: 'spacing.accuracy', color: '#64748b', width: 1 },
  ], 'spacing.chartLabel');
  private readonly textNote = h('p', { class: 'panel-hint' });
  private readonly text = h('p', { class: 'spaced-text', id: 'spaced-text' });
  private readonly counts = h('p', { class: 'panel-hint', id: 'spacing-counts' });
  private readonly sides = h('p', { class: 'panel-hint', id: 'spacing-sides' });
  private readonly strip = h('div', { class: 'dir-holder' });
  private readonly compare: DirectionsCompare;
  private shown = { step: -1, lang: '' };

  constructor(events: DirectionsEvents) {
    this.compare = new DirectionsCompare(events);
    this.element = h('div', { class: 'task-body', id: 'spacing-panel' }, [
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'spacing.title' })]),
      h('p', { class: 'panel-hint', say: 'spacing.about' }),
      this.headline,
      this.chart.element,
      h('h3', { class: 'task-subtitle', say: 'spacing.textTitle' }),
      this.textNote, spacingLegend(), this.text, this.counts,
      h('h3', { class: 'task-subtitle', say: 'spacing.sidesTitle' }),
      this.sides, this.strip,
      this.compare.element,
    ]);
  }

  render(v: SpacingView): void {
    this.chart.render(v.scores);
    const last = v.scores[v.scores.length - 1];
    this.headline.dataset.f1 = last ? String(last.f1) : '';
    this.headline.dataset.step = last ? String(last.step) : '';  // the number as measured, for tests and scripts
    setText(this.headline, last
      ? t('spacing.headline', { f1: last.f1.toFixed(3), precision: last.precision.toFixed(3), recall: last.recall.toFixed(3), accuracy: pct(last.accuracy), step: last.step })
      : t('spacing.headlineBefore'));
    setText(this.textNote, t(v.heldOut ? 'spacing.textNote' : 'spacing.textNoteNoHeld'));
    this.drawText(v);
    this.compare.render(v.compare);
  }

  private drawText(v: SpacingView): void {
    const lang = language();
    if (!v.chars) {
      this.text.replaceChildren(h('span', { class: 'chart-empty-inline', say: 'spacing.textBefore' }));
      setText(this.counts, '');
      setText(this.sides, '');
      this.strip.replaceChildren();
      this.shown.step = -1;
      return;
    }
    if (this.shown.step === v.charsStep && this.shown.lang === lang) return;
    this.shown = { step: v.charsStep, lang };
    this.text.replaceChildren(...spacedTextNodes(v.chars));
    const c = gapCounts(v.chars);
    setText(this.counts, t('spacing.counts', { step: v.charsStep, decided: c.decided, right: c.decided - c.missed - c.extra, missed: c.missed, extra: c.extra }));
    const d = directionSummary(v.chars);
    setText(this.sides, v.bidirectional
      ? t('spacing.sidesBoth', { decided: d.decided, disagreed: d.disagreed, forward: d.byForward, backward: d.byBackward })
      : t('spacing.sidesForward'));
    this.strip.replaceChildren(directionStrip(v.chars, STRIP_CHARACTERS));
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
