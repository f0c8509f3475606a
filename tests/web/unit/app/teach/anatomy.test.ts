// Cell anatomy and forget-gate bias data from real inspections: a unit's traces are that unit's
// column (they satisfy the LSTM cell equation step by step), closed forget gates are found, and a
// fresh LSTM with forget bias 1 keeps its gate more open and its cell fuller than with bias 0.
import { describe, expect, it } from 'vitest';
import type { InspectionResult } from '../../../../../web/generated/core.mjs';
import type { GateTraces } from '../../../../../web/src/ui/heatmap/gateTraces';
import { liveliestUnit, meanAbsPerStep, meanPerStep } from '../../../../../web/src/app/teach/anatomy/unitPicking';
import { closedShare, unitTraces, wipes } from '../../../../../web/src/ui/teach/anatomy/unitTrace';
import { loadCore, smallSettings } from '../../../support/core';

const text = 'a quote "like this" and (brackets (nested)) again. '.repeat(30);
const probe = 'a quote "like this" and';

async function inspectFresh(settings: typeof smallSettings, trainSteps: number): Promise<InspectionResult> {
  const m = await loadCore();
  const session = new m.Session();
  const created = session.create(text, settings);
  if (!created.ok) throw new Error(created.error);
  if (trainSteps > 0) expect(session.trainSlice(trainSteps, 1e9).ok).toBe(true);
  const r = session.inspect(probe, 1);
  if (!r.ok) throw new Error(r.error);
  session.delete();
  return r;
}

describe('cell anatomy view data', () => {
  it('a bidirectional model: layer 1 is layer 1’s forward direction, whose input is both directions of layer 0', async () => {
    const r = await inspectFresh({ ...smallSettings, task: 'spacing', bidirectional: true, numLayers: 2, hiddenSize: 8 }, 5);
    expect(r.directions).toBe(2);
    expect(r.layers).toHaveLength(4);
    const unit = 3;
    const h1 = unitTraces(r, 1, unit).find((x) => x.gate === 'h')!.values;
    // layers[2] is layer 1 forward; layers[1] would be layer 0's backward direction.
    expect(h1).toEqual(Array.from({ length: r.steps }, (_, t) => r.layers[2].h[t * r.hidden + unit]));
    expect(h1).not.toEqual(Array.from({ length: r.steps }, (_, t) => r.layers[1].h[t * r.hidden + unit]));
    expect(liveliestUnit(r, 1)).toBeLessThan(r.hidden);
  });

  it('an LSTM unit’s traces follow c_t = f·c_{t−1} + i·g and h_t = o·tanh(c_t)', async () => {
    const r = await inspectFresh({ ...smallSettings, hiddenSize: 24 }, 40);
    const unit = 5;
    const t = Object.fromEntries(unitTraces(r, 0, unit).map((x) => [x.gate, x.values]));
    expect(Object.keys(t)).toEqual(['i', 'f', 'g', 'o', 'c', 'h']);
    expect(t.c).toHaveLength([...probe].length);
    for (let s = 1; s < r.steps; s++) {
      expect(t.c[s]).toBeCloseTo(t.f[s] * t.c[s - 1] + t.i[s] * t.g[s], 4);
      expect(t.h[s]).toBeCloseTo(t.o[s] * Math.tanh(t.c[s]), 4);
    }
    expect(unitTraces(r, 0, 24)).toEqual([]);
    expect(unitTraces(r, 3, 0)).toEqual([]);
  });

  it('a GRU unit has r, z, n, h and h_t = (1−z)·n + z·h_{t−1}', async () => {
    const r = await inspectFresh({ ...smallSettings, cell: 'gru', hiddenSize: 12 }, 10);
    const t = Object.fromEntries(unitTraces(r, 0, 3).map((x) => [x.gate, x.values]));
    expect(Object.keys(t)).toEqual(['r', 'z', 'n', 'h']);
    for (let s = 1; s < r.steps; s++) expect(t.h[s]).toBeCloseTo((1 - t.z[s]) * t.n[s] + t.z[s] * t.h[s - 1], 4);
  });

  it('finds the steps where the keep gate closed, and the liveliest unit', () => {
    expect(wipes([{ gate: 'f', values: [0.9, 0.1, 0.8, 0.2] }], 'lstm')).toEqual([1, 3]);
    expect(wipes([{ gate: 'z', values: [0.1, 0.9] }, { gate: 'f', values: [0.9, 0.9] }], 'gru')).toEqual([0]);
    expect(wipes([{ gate: 'h', values: [0] }], 'rnn')).toEqual([]);
    expect(closedShare([{ gate: 'f', values: [0.9, 0.1, 0.8, 0.2] }], 'lstm')).toBe(0.5);
    expect(closedShare([{ gate: 'h', values: [0] }], 'rnn')).toBe(0);
    const r = {
      steps: 3, hidden: 2, topK: 0, gateNames: ['h'], topIds: new Int32Array(), topProbs: new Float32Array(),
      layers: [{ h: new Float32Array([0.1, -0.9, 0.1, 0.9, 0.1, -0.9]) }],
    } as GateTraces;
    expect(liveliestUnit(r, 0)).toBe(1);
    // With gates: the unit whose forget gate is both open and closed on the text, not the one that
    // only twitches near 0.
    const f = new Float32Array([0.9, 0.0, 0.1, 0.6, 0.9, 0.0, 0.1, 0.0]);  // 4 steps × 2 units
    const lstm = { ...r, steps: 4, gateNames: ['f', 'h'], layers: [{ f, h: new Float32Array(8) }] } as GateTraces;
    expect(liveliestUnit(lstm, 0)).toBe(0);
    f.set([0.5, 0.0, 0.5, 0.9, 0.5, 0.0, 0.5, 0.9]);  // nobody both open and closed: most variance
    expect(liveliestUnit(lstm, 0)).toBe(1);
    expect(meanAbsPerStep(r.layers[0].h, 3, 2)).toEqual([expect.closeTo(0.5, 6), expect.closeTo(0.5, 6), expect.closeTo(0.5, 6)]);
    expect(meanPerStep(r.layers[0].h, 3, 2)[1]).toBeCloseTo(0.5, 6);
  });
});

describe('forget-gate bias view data', () => {
  it('fresh LSTMs: bias 1 opens the forget gate (σ(1) ≈ 0.73 vs σ(0) = 0.5) and the cell holds more', async () => {
    const base = { ...smallSettings, hiddenSize: 32, seed: 3 };
    const zero = await inspectFresh({ ...base, forgetBiasOne: false }, 0);
    const one = await inspectFresh({ ...base, forgetBiasOne: true }, 0);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const f0 = avg(meanPerStep(zero.layers[0].f, zero.steps, zero.hidden));
    const f1 = avg(meanPerStep(one.layers[0].f, one.steps, one.hidden));
    expect(f0).toBeGreaterThan(0.4);
    expect(f0).toBeLessThan(0.6);
    expect(f1).toBeGreaterThan(0.65);
    expect(f1).toBeLessThan(0.8);
    const c0 = avg(meanAbsPerStep(zero.layers[0].c, zero.steps, zero.hidden));
    const c1 = avg(meanAbsPerStep(one.layers[0].c, one.steps, one.hidden));
    expect(c1).toBeGreaterThan(c0 * 1.2);
  });
});
