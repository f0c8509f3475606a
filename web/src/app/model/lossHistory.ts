// The loss curve of one model: every step's training loss, a smoothed copy, and the validation
// measurements, in bits per character. The chart gets a bounded number of points however long the
// run: buckets of steps averaged, so drawing stays cheap after 100,000 steps.

import type { ChartData } from '../../ui/chart/lossChart';

const LN2 = Math.LN2;
// Exponential smoothing weight per step (TensorBoard's slider): high, because one step's loss depends
// on which windows the batch happened to hold.
const SMOOTHING = 0.95;


class GrowableFloats {
  data = new Float32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  truncate(n: number) {
    this.length = Math.max(0, Math.min(this.length, n));
  }
}

export class LossHistory {
  private readonly raw = new GrowableFloats();     // bits/char of step (index + firstStep)
  private readonly smooth = new GrowableFloats();
  private ema = 0;
  private emaWeight = 0;  // for the bias correction of an EMA that starts at 0
  private validation: { step: number; bits: number }[] = [];
  firstStep = 1;  // step number of the first entry (a loaded or rebuilt model may start later)

  get length(): number {
    return this.raw.length;
  }

  get lastStep(): number {
    return this.firstStep + this.raw.length - 1;
  }

  get lastSmoothed(): number {
    return this.smooth.length > 0 ? this.smooth.data[this.smooth.length - 1] : Number.NaN;
  }

  // The smoothed training loss at `step` (NaN outside the steps kept).
  smoothedAt(step: number): number {
    const i = step - this.firstStep;
    return i >= 0 && i < this.smooth.length ? this.smooth.data[i] : Number.NaN;
  }

  get validations(): readonly { step: number; bits: number }[] {
    return this.validation;
  }

  get lastValidation(): { step: number; bits: number } | undefined {
    return this.validation[this.validation.length - 1];
  }

  // The losses (nats) of the steps that end at `endStep`.
  append(lossesNats: Float32Array, endStep: number): void {
    if (this.raw.length === 0) this.firstStep = endStep - lossesNats.length + 1;
    for (const nats of lossesNats) {
      const bits = nats / LN2;
      this.raw.push(bits);
      this.ema = SMOOTHING * this.ema + (1 - SMOOTHING) * bits;
      this.emaWeight = SMOOTHING * this.emaWeight + (1 - SMOOTHING);
      this.smooth.push(this.ema / this.emaWeight);
    }
  }

  addValidation(step: number, bits: number): void {
    if (!Number.isFinite(bits)) return;
    const last = this.lastValidation;
    if (last && last.step === step) last.bits = bits;
    else if (!last || step > last.step) this.validation.push({ step, bits });
  }

  // Forget everything after `step` (a run that went back to a checkpoint).
  truncateAfter(step: number): void {
    this.raw.truncate(step - this.firstStep + 1);
    this.smooth.truncate(step - this.firstStep + 1);
    this.validation = this.validation.filter((v) => v.step <= step);
    this.emaWeight = this.smooth.length > 0 ? 1 : 0;
    this.ema = this.lastSmoothed || 0;
  }

  clear(): void {
    this.raw.truncate(0);
    this.smooth.truncate(0);
    this.validation = [];
    this.ema = 0;
    this.emaWeight = 0;
    this.firstStep = 1;
  }

  chartData(maxPoints: number): ChartData {
    const n = this.raw.length;
    const bucket = Math.max(1, Math.ceil(n / maxPoints));
    const out: ChartData = { steps: [], raw: [], smooth: [], validation: [] };
    let v = 0;
    const pushValidationUpTo = (step: number) => {
      while (v < this.validation.length && this.validation[v].step <= step) {
        const m = this.validation[v++];
        if (out.steps.length > 0 && out.steps[out.steps.length - 1] === m.step) {
          out.validation[out.validation.length - 1] = m.bits;
        } else {
          out.steps.push(m.step);
          out.raw.push(null);
          out.smooth.push(null);
          out.validation.push(m.bits);
        }
      }
    };
    for (let start = 0; start < n; start += bucket) {
      const end = Math.min(n, start + bucket);
      let sum = 0;
      for (let i = start; i < end; i++) sum += this.raw.data[i];
      const step = this.firstStep + end - 1;
      pushValidationUpTo(step - 1);
      out.steps.push(step);
      out.raw.push(sum / (end - start));
      out.smooth.push(this.smooth.data[end - 1]);
      out.validation.push(null);
      pushValidationUpTo(step);
    }
    pushValidationUpTo(Number.POSITIVE_INFINITY);
    return out;
  }
}
