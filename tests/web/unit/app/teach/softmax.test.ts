// One-hot and softmax view: the temperature reshaping done on the page equals the core's own softmax
// at that temperature (real wasm), and the one-hot vector is what the equations say.
import { describe, expect, it } from 'vitest';
import { entropyBits, oneHot, topIndices, withTemperature } from '../../../../../web/src/ui/teach/softmax/distribution';
import { loadCore, smallSettings } from '../../../support/core';

describe('one-hot and softmax view data', () => {
  it('a one-hot vector has a single 1 at the index', () => {
    expect(Array.from(oneHot(5, 2))).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(oneHot(3, 7))).toEqual([0, 0, 0]);
  });

  it('reshaping the temperature-1 distribution equals the core’s softmax at that temperature', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const created = session.create('hello world, hello there. '.repeat(40), smallSettings);
    if (!created.ok) throw new Error(created.error);
    expect(session.trainSlice(30, 1e9).ok).toBe(true);
    expect(session.probeFeed('hello wo').ok).toBe(true);
    const at1 = session.probeProbabilities(1);
    if (!at1.ok) throw new Error(at1.error);
    for (const t of [0.3, 0.7, 1.5, 2]) {
      const core_t = session.probeProbabilities(t);
      if (!core_t.ok) throw new Error(core_t.error);
      const ours = withTemperature(at1.probabilities, t);
      let sum = 0;
      ours.forEach((p, i) => {
        sum += p;
        expect(p).toBeCloseTo(core_t.probabilities[i], 4);
      });
      expect(sum).toBeCloseTo(1, 5);
    }
    // Lower temperature: sharper (less entropy); higher: flatter.
    expect(entropyBits(withTemperature(at1.probabilities, 0.5))).toBeLessThan(entropyBits(at1.probabilities));
    expect(entropyBits(withTemperature(at1.probabilities, 2))).toBeGreaterThan(entropyBits(at1.probabilities));
    session.delete();
  });

  it('temperature 0 puts everything on the most likely character; tiny temperatures stay finite', () => {
    const p = new Float32Array([0.1, 0.6, 0.3]);
    expect(Array.from(withTemperature(p, 0))).toEqual([0, 1, 0]);
    const cold = withTemperature(p, 0.01);
    expect(cold[1]).toBeCloseTo(1, 6);
    expect(cold.every((x) => Number.isFinite(x))).toBe(true);
    expect(Array.from(withTemperature(new Float32Array([0, 1]), 0.5))).toEqual([0, 1]);
    expect(topIndices(p, 2)).toEqual([1, 2]);
    expect(entropyBits(new Float32Array([0.5, 0.5]))).toBeCloseTo(1, 9);
  });
});
