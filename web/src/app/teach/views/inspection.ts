// The learner's model reading the gate views' text (an inspection), asked while a view that shows
// gates is open: shared by the cell-anatomy and forget-bias feeds.
import type { InspectionResult } from '../../../../generated/core.mjs';
import { Cadence, RequestSlot } from '../../live/requestSlot';
import { heatChars, type TeachContext } from '../teachFeed';

export interface Inspected {
  text: string;
  step: number;
  result: InspectionResult;
}

export class InspectionFeed {
  latest: Inspected | null = null;
  private readonly cadence = new Cadence(1000, 0.03);
  private readonly slot: RequestSlot<string, { step: number; inspection: InspectionResult; millis: number }>;

  constructor(private readonly ctx: TeachContext, onAnswer: (i: Inspected) => void = () => undefined) {
    this.slot = new RequestSlot(
      (text) => ctx.worker.request('inspect', { text, topK: 1 }, { handleErrors: true }),
      (r, text) => {
        this.cadence.ran(performance.now(), r.millis);
        this.latest = { text, step: r.step, result: r.inspection };
        onAnswer(this.latest);
        ctx.changed();
      },
    );
  }

  ask(): void {
    const text = heatChars(this.ctx).join('');
    if (text) this.slot.request(text);
  }

  tick(now: number): void {
    if (this.cadence.due(now) && !this.slot.busy) this.ask();
  }

  reset(): void {
    this.latest = null;
    this.slot.reset();
  }
}
