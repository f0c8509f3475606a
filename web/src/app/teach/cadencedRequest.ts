// The one way a teaching view asks the worker for its data: now when opened or when the learner picks
// something, and again while training whenever its cadence is due and the last answer is in (a slot:
// one in flight, the newest wish waiting). Each answer's cost in worker time sets the next due time,
// so a slow question on a big model is asked less often instead of slowing training down.
import { Cadence, RequestSlot } from '../live/requestSlot';

export interface CadencedRequest {
  ask(): void;              // now, if there is a question (opened, paused, a new pick or text)
  tick(now: number): void;  // while training: ask when due and nothing is in flight
  reset(): void;            // a new model: answers to earlier questions are dropped
}

export interface CadencedRequestOptions<P, R extends { millis: number }> {
  everyMs: number;                     // ask at most this often …
  share: number;                       // … and within this share of the worker's time
  question: () => P | null;            // what to ask now; null: nothing to ask (no model, no text, another task)
  send: (payload: P) => Promise<R>;    // may reject (the slot moves on) or never settle (a replaced model)
  answered: (reply: R, payload: P) => void;
}

export function cadencedRequest<P, R extends { millis: number }>(o: CadencedRequestOptions<P, R>): CadencedRequest {
  const cadence = new Cadence(o.everyMs, o.share);
  const slot = new RequestSlot<P, R>(o.send, (reply, payload) => {
    cadence.ran(performance.now(), reply.millis);
    o.answered(reply, payload);
  });
  const ask = () => {
    const q = o.question();
    if (q !== null) slot.request(q);
  };
  return {
    ask,
    tick: (now) => {
      if (cadence.due(now) && !slot.busy) ask();
    },
    reset: () => slot.reset(),
  };
}
