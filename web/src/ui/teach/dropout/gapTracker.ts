// The train/validation gap over a run, with the dropout rate in force at each point. The training
// loss is smoothed (one step's loss depends on which windows the batch held) and read at the step of
// each validation measurement; the gap is validation minus training, in bits per character. Note that
// with dropout on, the training loss is measured on the thinned network, so it reads higher.

const SMOOTHING = 0.95;

export interface GapPoint {
  step: number;
  train: number;       // bits/char, smoothed
  validation: number;  // bits/char
  gap: number;
  dropout: number;
}

export class GapTracker {
  private ema = 0;
  private weight = 0;
  private lastStep = 0;
  points: GapPoint[] = [];

  constructor(private readonly maxPoints = 400) {}

  addLosses(lossesNats: ArrayLike<number>, endStep: number): void {
    for (let i = 0; i < lossesNats.length; i++) {
      this.ema = SMOOTHING * this.ema + (1 - SMOOTHING) * (lossesNats[i] / Math.LN2);
      this.weight = SMOOTHING * this.weight + (1 - SMOOTHING);
    }
    this.lastStep = endStep;
  }

  get smoothedTrain(): number {
    return this.weight > 0 ? this.ema / this.weight : Number.NaN;
  }

  addValidation(step: number, bits: number, dropout: number): void {
    const train = this.smoothedTrain;
    if (!Number.isFinite(bits) || !Number.isFinite(train) || step !== this.lastStep) return;
    const last = this.points[this.points.length - 1];
    if (last && last.step >= step) return;
    this.points.push({ step, train, validation: bits, gap: bits - train, dropout });
    if (this.points.length > this.maxPoints) this.points = this.points.filter((_, i) => i % 2 === 0);
  }

  clear(): void {
    this.ema = this.weight = this.lastStep = 0;
    this.points = [];
  }
}

// Average gap per dropout rate over the last `recent` points of each stretch: the number to compare
// when a learner flips dropout on and off.
export function gapByDropout(points: readonly GapPoint[], recent = 5): { dropout: number; gap: number; points: number }[] {
  const stretches: GapPoint[][] = [];
  for (const p of points) {
    const cur = stretches[stretches.length - 1];
    if (cur && cur[0].dropout === p.dropout) cur.push(p);
    else stretches.push([p]);
  }
  return stretches.map((s) => {
    const tail = s.slice(-recent);
    return { dropout: s[0].dropout, gap: tail.reduce((a, p) => a + p.gap, 0) / tail.length, points: s.length };
  });
}
