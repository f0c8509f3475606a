// The classification task's panel (many-to-one): held-out accuracy over training, the confusion
// matrix, the held-out lines it gets wrong, and for a chosen line (one of those, or typed) the label
// probabilities after each character: how the decision forms as the network reads.
import { language, t } from '../../../i18n';
import { h, setText, uid } from '../../dom';
import { ScoreChart, type ScoreRow } from '../scoreChart';
import { confusionTable } from './confusionMatrix';
import { settledAt, traceTable, type TraceView } from './traceView';
import '../tasks.css';

export interface ClassifiedLine {
  lineNumber: number;
  text: string;
  truth: string;
  decision: string;
  probability: number;  // of the decision
}

export interface ClassifyView {
  scores: readonly ScoreRow[];
  labels: readonly string[];
  confusion: Float64Array | null;
  heldOutLines: number;
  wrong: readonly ClassifiedLine[];
  chosen: string;           // the line being traced
  trace: TraceView | null;
  traceStep: number;
}

export interface ClassifyEvents {
  onChoose(text: string): void;
}

const WRONG_SHOWN = 8;

export class ClassifyPanel {
  readonly element: HTMLElement;
  private readonly headline = h('p', { class: 'panel-hint task-headline', id: 'classify-headline', attrs: { 'aria-live': 'polite' } });
  private readonly chart = new ScoreChart([{ key: 'accuracy', label: 'classify.accuracy', color: '#4f46e5', width: 2 }], 'classify.chartLabel');
  private readonly matrix = h('div', { class: 'cm-holder' });
  private readonly wrong = h('ol', { class: 'wrong-lines', id: 'wrong-lines' });
  private readonly wrongNote = h('p', { class: 'panel-hint' });
  private readonly lineInput: HTMLInputElement;
  private readonly trace = h('div', { class: 'trace-holder' });
  private readonly traceNote = h('p', { class: 'panel-hint', id: 'trace-note', attrs: { 'aria-live': 'polite' } });
  private drawn = '';

  // `ownTexts`: the form for "who wrote this line?" from the learner's own texts, under the introduction.
  constructor(private readonly events: ClassifyEvents, ownTexts: HTMLElement) {
    const inputId = uid('trace-line');
    this.lineInput = h('input', { class: 'input', id: inputId, attrs: { type: 'text', autocomplete: 'off', spellcheck: 'false' } });
    this.lineInput.addEventListener('input', () => events.onChoose(this.lineInput.value));
    this.element = h('div', { class: 'task-body', id: 'classify-panel' }, [
      h('header', { class: 'panel-head' }, [h('h2', { class: 'panel-title', say: 'classify.title' })]),
      h('p', { class: 'panel-hint', say: 'classify.about' }),
      ownTexts,
      this.headline, this.chart.element,
      h('div', { class: 'classify-grid' }, [
        h('div', {}, [h('h3', { class: 'task-subtitle', say: 'classify.matrixTitle' }), this.matrix]),
        h('div', {}, [h('h3', { class: 'task-subtitle', say: 'classify.wrongTitle' }), this.wrongNote, this.wrong]),
      ]),
      h('h3', { class: 'task-subtitle', say: 'classify.traceTitle' }),
      h('p', { class: 'panel-hint', say: 'classify.traceAbout' }),
      h('div', { class: 'field' }, [h('label', { class: 'field-label', say: 'classify.traceLabel', attrs: { for: inputId } }), this.lineInput]),
      this.traceNote, this.trace,
    ]);
  }

  render(v: ClassifyView): void {
    this.chart.render(v.scores);
    const last = v.scores[v.scores.length - 1];
    this.headline.dataset.accuracy = last ? String(last.accuracy) : '';
    this.headline.dataset.step = last ? String(last.step) : '';  // the number as measured, for tests and scripts
    setText(this.headline, last
      ? t('classify.headline', { accuracy: pct(last.accuracy), lines: v.heldOutLines, step: last.step, chance: pct(v.labels.length > 0 ? 1 / v.labels.length : 0) })
      : t('classify.headlineBefore'));
    if (document.activeElement !== this.lineInput && this.lineInput.value !== v.chosen) this.lineInput.value = v.chosen;
    const key = `${language()}|${v.traceStep}|${v.chosen}|${last?.step}|${v.wrong.length}|${v.trace?.probabilities.length}`;
    if (key === this.drawn) return;
    this.drawn = key;
    this.matrix.replaceChildren(v.confusion && v.labels.length > 0 ? confusionTable(v.labels, v.confusion) : h('p', { class: 'panel-hint', say: 'classify.matrixBefore' }));
    this.drawWrong(v);
    this.drawTrace(v);
  }

  private drawWrong(v: ClassifyView): void {
    setText(this.wrongNote, last(v) ? t('classify.wrongCount', { wrong: v.wrong.length, lines: v.heldOutLines }) : '');
    this.wrong.replaceChildren(...v.wrong.slice(0, WRONG_SHOWN).map((l) => h('li', {}, [
      h('button', {
        class: 'wrong-line', attrs: { type: 'button', 'aria-pressed': String(l.text === v.chosen) },
        on: { click: () => this.events.onChoose(l.text) },
      }, [
        h('span', { class: 'wrong-meta', text: t('classify.wrongLine', { line: l.lineNumber, truth: l.truth, decision: l.decision, p: pct(l.probability) }) }),
        h('span', { class: 'wrong-text', text: l.text }),
      ]),
    ])));
  }

  private drawTrace(v: ClassifyView): void {
    if (!v.trace || v.trace.characters.length === 0) {
      this.trace.replaceChildren();
      setText(this.traceNote, v.chosen ? '' : t('classify.traceEmpty'));
      return;
    }
    const tr = v.trace;
    const n = tr.labels.length;
    const lastRow = tr.characters.length - 1;
    let best = 0;
    for (let l = 1; l < n; l++) if (tr.probabilities[lastRow * n + l] > tr.probabilities[lastRow * n + best]) best = l;
    setText(this.traceNote, t('classify.traceVerdict', {
      label: tr.labels[best], p: pct(tr.probabilities[lastRow * n + best]), settled: settledAt(tr) + 1, characters: tr.characters.length, step: v.traceStep,
    }));
    this.trace.replaceChildren(traceTable(tr));
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const last = (v: ClassifyView) => v.scores.length > 0;
