// The train/validation gap over a run (see ui/teach/dropout/gaps.ts), recorded from the training
// progress and the validation losses as they come.
import type { GapPoint } from '../../../ui/teach/dropout/gaps';

const SMOOTHING = 0.95;

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
