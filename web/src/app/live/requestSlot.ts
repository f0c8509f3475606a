// Requests to the worker that a panel keeps asking: at most one in flight per slot, and only the
// latest wish waits behind it. Typing ten characters while the worker finishes a long step sends two
// probes, not ten, and the bars show the answer to the last one.
export class RequestSlot<P, R> {
  private inFlight = false;
  private waiting: { payload: P } | null = null;  // the newest request that arrived while one was in flight
  private generation = 0;          // bumped by reset(): answers to earlier requests are ignored

  // `send` asks the worker; its promise may never settle (a replaced model), or reject (a failure:
  // the slot just moves on, the caller's `send` said what it needed to).
  constructor(private readonly send: (payload: P) => Promise<R>, private readonly answered: (reply: R, payload: P) => void) {}

  get busy(): boolean {
    return this.inFlight;
  }

  request(payload: P): void {
    if (this.inFlight) {
      this.waiting = { payload };
      return;
    }
    this.inFlight = true;
    const generation = this.generation;
    this.send(payload).then(
      (reply) => {
        if (generation !== this.generation) return;
        this.answered(reply, payload);
        this.next();
      },
      () => {
        if (generation === this.generation) this.next();
      },
    );
  }

  // The model was replaced: answers to earlier requests will not come, so stop waiting for them.
  reset(): void {
    this.generation++;
    this.inFlight = false;
    this.waiting = null;
  }

  private next(): void {
    this.inFlight = false;
    const next = this.waiting;
    this.waiting = null;
    if (next) this.request(next.payload);
  }
}

// When a periodic job (validation, sample, heatmap) should run next while training: every `everyMs`,
// but never more often than keeps its worker time under `share` of the total, measured by what the
// last run cost. Validation on a big model can take 100 ms; it then runs every few seconds instead of
// slowing training down.
export class Cadence {
  private nextAt = 0;

  constructor(private readonly everyMs: number, private readonly share: number) {}

  due(now: number): boolean {
    return now >= this.nextAt;
  }

  ran(now: number, costMs: number): void {
    this.nextAt = now + Math.max(this.everyMs, costMs / this.share);
  }

  // Run at the next opportunity.
  reset(): void {
    this.nextAt = 0;
  }

  // Wait a full period first (just after an explicit refresh).
  postpone(now: number): void {
    this.nextAt = Math.max(this.nextAt, now + this.everyMs);
  }
}
