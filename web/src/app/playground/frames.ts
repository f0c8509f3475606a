// When the page redraws. Training progress arrives ~40 times a second; drawing each one would keep
// the compositor busy on a CPU the worker needs. So the live numbers redraw at most every
// `progressEveryMs` and the chart at most every `chartEveryMs` while training, while anything a person
// did (or anything else) draws on the very next animation frame.

export interface FrameClock {
  now(): number;
  frame(callback: () => void): void;                 // requestAnimationFrame
  later(callback: () => void, millis: number): void;  // setTimeout
}

export interface FramePolicy<Part extends string> {
  progress: readonly Part[];  // parts that change with every training slice
  chart: Part;                // the slowest of them
  progressEveryMs: number;
  chartEveryMs: number;
}

export class FrameScheduler<Part extends string> {
  private readonly dirty = new Set<Part>();
  private pending = false;
  private lastProgress = Number.NEGATIVE_INFINITY;
  private lastChart = Number.NEGATIVE_INFINITY;
  training = false;  // the chart is held back only while training

  constructor(
    private readonly policy: FramePolicy<Part>,
    private readonly clock: FrameClock,
    private readonly draw: (part: Part) => void,
  ) {}

  mark(...parts: Part[]): void {
    for (const p of parts) this.dirty.add(p);
    this.schedule();
  }

  private schedule(): void {
    if (this.pending || this.dirty.size === 0) return;
    this.pending = true;
    const onlyProgress = [...this.dirty].every((p) => this.policy.progress.includes(p));
    const wait = onlyProgress ? this.lastProgress + this.policy.progressEveryMs - this.clock.now() : 0;
    if (wait > 4) this.clock.later(() => this.clock.frame(() => this.run()), wait);
    else this.clock.frame(() => this.run());
  }

  private run(): void {
    this.pending = false;
    const now = this.clock.now();
    let parts = [...this.dirty];
    this.dirty.clear();
    if (parts.some((p) => this.policy.progress.includes(p))) this.lastProgress = now;
    if (parts.includes(this.policy.chart)) {
      if (this.training && now - this.lastChart < this.policy.chartEveryMs) {
        parts = parts.filter((p) => p !== this.policy.chart);
        this.dirty.add(this.policy.chart);  // on a later tick; progress keeps coming while training
      } else {
        this.lastChart = now;
      }
    }
    for (const part of parts) this.draw(part);
  }
}
