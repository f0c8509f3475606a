// The classification task's feed: after every held-out measurement it keeps the accuracy, the
// confusion matrix and the held-out lines with the model's decisions (classifiedLines), and traces
// the chosen line (classTrace: the label probabilities after each character).
import type { ClassifiedLinesResult } from '../../../../generated/core.mjs';
import type { TaskScores } from '../../../protocol';
import { ClassifyPanel, type ClassifiedLine } from '../../../ui/tasks/classify/classifyPanel';
import type { TraceView } from '../../../ui/tasks/classify/traceView';
import { RequestSlot } from '../../live/requestSlot';
import type { OwnTextsForm } from '../../../ui/tasks/classify/ownTextsForm';
import { ScoreHistory } from '../scoreHistory';
import type { TaskContext, TaskFeed } from '../taskFeed';
import { ownTextsForm } from './ownTexts';

const HELD_OUT_LINES = 400;
const TRACE_MAX = 256;  // the core traces lines up to this many characters

export function classifyFeed(ctx: TaskContext): TaskFeed {
  return new ClassifyFeed(ctx);
}

class ClassifyFeed implements TaskFeed {
  private readonly panel: ClassifyPanel;
  private readonly form: OwnTextsForm;
  private readonly history = new ScoreHistory();
  private confusion: Float64Array | null = null;
  private lines: ClassifiedLinesResult | null = null;
  private chosen = '';
  private chosenByPerson = false;
  private trace: TraceView | null = null;
  private traceStep = -1;
  private readonly linesSlot = new RequestSlot(
    () => this.ctx.worker.request('classifiedLines', { maxLines: HELD_OUT_LINES }, { handleErrors: true }),
    (r) => this.gotLines(r.lines),
  );
  private readonly traceSlot = new RequestSlot(
    (line: string) => this.ctx.worker.request('classTrace', { line }, { handleErrors: true }),
    (r, line) => {
      if (line !== this.chosen) return;
      this.trace = { characters: [...line], labels: r.trace.labels, probabilities: r.trace.probabilities };
      this.traceStep = r.step;
      this.ctx.changed();
    },
  );

  constructor(private readonly ctx: TaskContext) {
    this.form = ownTextsForm(ctx);
    this.panel = new ClassifyPanel({ onChoose: (text) => this.choose(text, true) }, this.form.element);
  }

  get element(): HTMLElement {
    return this.panel.element;
  }

  modelChanged(): void {
    this.history.clear();
    this.linesSlot.reset();
    this.traceSlot.reset();
    this.confusion = null;
    this.lines = null;
    this.trace = null;
    if (!this.chosenByPerson) this.chosen = '';
  }

  validated(step: number, scores: TaskScores): void {
    this.history.add(step, scores);
    this.confusion = scores.confusion;
    this.linesSlot.request(undefined);
    if (this.chosen) this.traceSlot.request(this.chosen);
  }

  draw(): void {
    const labels = this.ctx.summary()?.labels ?? [];
    this.form.renderPresets();
    this.panel.render({
      scores: this.history.points, labels, confusion: this.confusion,
      heldOutLines: this.lines?.texts.length ?? 0, wrong: this.wrongLines(labels),
      chosen: this.chosen, trace: this.trace, traceStep: this.traceStep,
    });
  }

  dispose(): void {
    this.linesSlot.reset();
    this.traceSlot.reset();
  }

  private choose(text: string, byPerson: boolean): void {
    this.chosen = [...text.replace(/[\t\r\n]/g, ' ')].slice(0, TRACE_MAX).join('');
    this.chosenByPerson = byPerson;
    if (this.chosen.trim() === '') {
      this.trace = null;
      this.ctx.changed();
      return;
    }
    if (this.ctx.summary()) this.traceSlot.request(this.chosen);
    this.ctx.changed();
  }

  // The first held-out line it gets wrong (else the first line) is traced until the person picks one.
  private gotLines(lines: ClassifiedLinesResult): void {
    this.lines = lines;
    if (!this.chosenByPerson && !this.chosen && lines.texts.length > 0) {
      const wrong = lines.decisions.findIndex((d, i) => d !== lines.labels[i]);
      this.choose(lines.texts[wrong >= 0 ? wrong : 0], false);
    }
    this.ctx.changed();
  }

  private wrongLines(labels: readonly string[]): ClassifiedLine[] {
    const r = this.lines;
    if (!r) return [];
    const n = labels.length;
    const out: ClassifiedLine[] = [];
    r.texts.forEach((text, i) => {
      if (r.decisions[i] === r.labels[i]) return;
      out.push({
        lineNumber: r.lineNumbers[i], text, truth: labels[r.labels[i]] ?? '?', decision: labels[r.decisions[i]] ?? '?',
        probability: r.probabilities[i * n + r.decisions[i]] ?? Number.NaN,
      });
    });
    return out;
  }
}
