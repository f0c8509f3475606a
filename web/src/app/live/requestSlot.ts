// Requests to the worker that a panel keeps asking: at most one in flight per slot, and only the
// latest wish waits behind it. Typing ten characters while the worker finishes a long step sends two
// probes, not ten, and the bars show the answer to the last one.
export class RequestSlot<P> {
  private inFlight = 0;            // requestId awaited, 0 for none
  private waiting: P | undefined;  // the newest request that arrived while one was in flight

  constructor(private readonly send: (payload: P) => number) {}

  get busy(): boolean {
    return this.inFlight !== 0;
  }

  request(payload: P): void {
    if (this.inFlight !== 0) {
      this.waiting = payload;
      return;
    }
    this.inFlight = this.send(payload);
  }

  // A reply (or an error) for `requestId` arrived. True if it answers this slot's request; the
  // waiting request, if any, goes out now.
  settle(requestId: number): boolean {
    if (requestId !== this.inFlight) return false;
    this.inFlight = 0;
    const next = this.waiting;
    this.waiting = undefined;
    if (next !== undefined) this.request(next);
    return true;
  }

  // The model was replaced: answers to earlier requests will be dropped, so stop waiting for them.
  reset(): void {
    this.inFlight = 0;
    this.waiting = undefined;
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
