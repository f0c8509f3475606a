// The recent gradient norms before clipping, one per training step, in a bounded ring, plus the
// share of steps clipped. The core reports both per slice (gradNorms, clipped); this keeps the last
// `capacity` steps for the chart.

export class ClipHistory {
  private readonly steps: Float64Array;
  private readonly norms: Float32Array;
  private start = 0;
  private size = 0;
  clippedTotal = 0;   // steps the core clipped since this history began (its own count)
  stepsTotal = 0;

  constructor(readonly capacity = 2000) {
    this.steps = new Float64Array(capacity);
    this.norms = new Float32Array(capacity);
  }

  // One slice: its per-step norms, ending at step `endStep`, and how many the core clipped.
  add(norms: ArrayLike<number>, endStep: number, clipped: number): void {
    for (let i = 0; i < norms.length; i++) {
      const at = (this.start + this.size) % this.capacity;
      this.steps[at] = endStep - norms.length + 1 + i;
      this.norms[at] = norms[i];
      if (this.size < this.capacity) this.size++;
      else this.start = (this.start + 1) % this.capacity;
    }
    this.clippedTotal += clipped;
    this.stepsTotal += norms.length;
  }

  clear(): void {
    this.start = this.size = this.clippedTotal = this.stepsTotal = 0;
  }

  get length(): number {
    return this.size;
  }

  // Oldest first.
  series(): { steps: number[]; norms: number[] } {
    const steps: number[] = [];
    const norms: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const i = (this.start + k) % this.capacity;
      steps.push(this.steps[i]);
      norms.push(this.norms[i]);
    }
    return { steps, norms };
  }
}
