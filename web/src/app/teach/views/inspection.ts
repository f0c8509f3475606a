// The learner's model reading the gate views' text (an inspection), asked while a view that shows
// gates is open: shared by the cell-anatomy and forget-bias feeds.
import type { InspectionResult } from '../../../../generated/core.mjs';
import { cadencedRequest, type CadencedRequest } from '../cadencedRequest';
import { heatChars, type TeachContext } from '../teachFeed';

export interface Inspected {
  text: string;
  step: number;
  result: InspectionResult;
}

export class InspectionFeed {
  latest: Inspected | null = null;
  private readonly request: CadencedRequest;

  constructor(ctx: TeachContext, onAnswer: (i: Inspected) => void = () => undefined) {
    this.request = cadencedRequest({
      everyMs: 1000,
      share: 0.03,
      question: () => heatChars(ctx).join('') || null,
      send: (text: string) => ctx.worker.request('inspect', { text, topK: 1 }, { handleErrors: true }),
      answered: (r, text) => {
        this.latest = { text, step: r.step, result: r.inspection };
        onAnswer(this.latest);
        ctx.changed();
      },
    });
  }

  // Arrows, so a feed can hand them on as its own refresh and tick.
  readonly ask = (): void => this.request.ask();
  readonly tick = (now: number): void => this.request.tick(now);

  reset(): void {
    this.latest = null;
    this.request.reset();
  }
}
