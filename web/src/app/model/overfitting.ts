// Noticing overfitting while a model trains: the loss on the held-out text (validation) has risen for
// a while from its lowest point while the loss on the training text kept falling. The two curves
// parting ways is the sign that the model learns its training text by heart rather than the language.

export interface ValidationPoint {
  step: number;
  bits: number;
}

export interface Overfitting {
  bestStep: number;      // where validation was lowest
  bestBits: number;
  nowStep: number;
  nowBits: number;
  trainAtBest: number;   // smoothed training loss then and now, bits per character
  trainNow: number;
}

// "For a while": this many validations after the lowest one, all above it, the last clearly so.
const AFTER_BEST = 3;
const MIN_RISE_BITS = 0.1;
const MIN_RISE_SHARE = 0.04;  // of the lowest validation loss
const MIN_TRAIN_DROP_BITS = 0.05;

// `trainAt(step)`: the smoothed training loss at a step (NaN if unknown).
export function detectOverfitting(validation: readonly ValidationPoint[], trainAt: (step: number) => number): Overfitting | null {
  if (validation.length < AFTER_BEST + 1) return null;
  let best = 0;
  for (let i = 1; i < validation.length; i++) if (validation[i].bits < validation[best].bits) best = i;
  const after = validation.slice(best + 1);
  if (after.length < AFTER_BEST) return null;
  const low = validation[best];
  const now = validation[validation.length - 1];
  // Rising for a while, not one noisy measurement: the last few all sit above the minimum by a margin.
  const margin = Math.max(MIN_RISE_BITS, MIN_RISE_SHARE * low.bits);
  if (now.bits < low.bits + margin) return null;
  if (after.slice(-AFTER_BEST).some((p) => p.bits < low.bits + margin / 2)) return null;
  const trainAtBest = trainAt(low.step);
  const trainNow = trainAt(now.step);
  if (!(trainNow < trainAtBest - MIN_TRAIN_DROP_BITS)) return null;
  return { bestStep: low.step, bestBits: low.bits, nowStep: now.step, nowBits: now.bits, trainAtBest, trainNow };
}
