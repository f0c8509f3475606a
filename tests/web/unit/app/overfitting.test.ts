// Overfitting is said when validation has risen for a while as training falls — not on one noisy point.
import { describe, expect, it } from 'vitest';
import { detectOverfitting } from '../../../../web/src/app/model/overfitting';

// Training loss falling steadily: 3 bits at step 0 down by 0.001 per step.
const falling = (step: number) => 3 - step / 1000;
const flat = () => 2;

describe('detectOverfitting', () => {
  const points = (bits: number[]) => bits.map((b, i) => ({ step: (i + 1) * 100, bits: b }));

  it('finds the minimum and the rise after it', () => {
    const o = detectOverfitting(points([3, 2.6, 2.4, 2.5, 2.6, 2.75]), falling);
    expect(o).toEqual({ bestStep: 300, bestBits: 2.4, nowStep: 600, nowBits: 2.75, trainAtBest: 2.7, trainNow: 2.4 });
  });

  it('stays quiet while validation still falls, after one noisy point, or for a small rise', () => {
    expect(detectOverfitting(points([3, 2.6, 2.4, 2.3, 2.2, 2.1]), falling)).toBeNull();
    expect(detectOverfitting(points([3, 2.6, 2.4, 2.8]), falling)).toBeNull();
    expect(detectOverfitting(points([3, 2.4, 2.45, 2.46, 2.47]), falling)).toBeNull();
    expect(detectOverfitting(points([3, 2.4, 2.41, 2.43, 2.6]), falling)).toBeNull();  // only the last is clearly up
  });

  it('needs the training loss to keep falling (both rising is not overfitting)', () => {
    expect(detectOverfitting(points([3, 2.6, 2.4, 2.5, 2.6, 2.75]), flat)).toBeNull();
  });
});
