// Gradient clipping view data: the ring of recent norms, the share above the threshold, and the
// core's own clipped count agreeing with the norms it reports (real wasm).
import { describe, expect, it } from 'vitest';
import { ClipHistory } from '../../../../../web/src/app/teach/clipping/clipHistory';
import { clipFactor, clipShare } from '../../../../../web/src/ui/teach/clipping/clipMath';
import { loadCore, smallSettings } from '../../../support/core';

describe('clipping view data', () => {
  it('computes the share of steps above the threshold', () => {
    expect(clipShare([1, 2, 3, 4], 2.5)).toBe(0.5);
    expect(clipShare([1, 2, 3, 4], 2)).toBe(0.5);   // equal to the threshold is not clipped
    expect(clipShare([1, 2, 3, 4], 0)).toBe(0);      // clipping off
    expect(clipShare([], 1)).toBe(0);
    expect(clipFactor(10, 5)).toBe(0.5);
    expect(clipFactor(4, 5)).toBe(1);
    expect(clipFactor(10, 0)).toBe(1);
  });

  it('keeps the last steps in order, with their step numbers, and counts what the core clipped', () => {
    const h = new ClipHistory(5);
    h.add([1, 2, 3], 3, 1);
    h.add([4, 5, 6, 7], 7, 2);
    expect(h.series()).toEqual({ steps: [3, 4, 5, 6, 7], norms: [3, 4, 5, 6, 7] });
    expect(h.clippedTotal).toBe(3);
    expect(h.stepsTotal).toBe(7);
    h.clear();
    expect(h.series()).toEqual({ steps: [], norms: [] });
  });

  it('the core clips exactly the steps whose norm before clipping exceeds the threshold', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const created = session.create('abcdefghij'.repeat(100), { ...smallSettings, clip: 0.6, learningRate: 0.05 });
    if (!created.ok) throw new Error(created.error);
    const r = session.trainSlice(40, 1e9);
    if (!r.ok) throw new Error(r.error);
    const above = Array.from(r.gradNorms).filter((n) => n > 0.6).length;
    expect(above).toBeGreaterThan(0);
    expect(r.clipped).toBe(above);
    const h = new ClipHistory();
    h.add(r.gradNorms, r.step, r.clipped);
    expect(h.clippedTotal / h.stepsTotal).toBeCloseTo(clipShare(h.series().norms, 0.6), 10);
    // With clipping off the core clips nothing.
    expect(session.updateTraining(0.05, 0, 0).ok).toBe(true);
    const off = session.trainSlice(10, 1e9);
    expect(off.ok && off.clipped).toBe(0);
    session.delete();
  });
});
