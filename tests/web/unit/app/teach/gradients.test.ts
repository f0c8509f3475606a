// The vanishing-gradient view's data, from the real wasm core: a vanilla RNN's ‖∂ℓ_T/∂h_t‖ decays
// toward the window's start on a fixed seed, the LSTM's cell path keeps far more of it, and the series
// and caption numbers are shaped right.
import { describe, expect, it } from 'vitest';
import type { SessionSettings, GradientNormsResult } from '../../../../../web/generated/core.mjs';
import { decay, decayVerdict, formatRatio, gradientSeries, type GradientNorms } from '../../../../../web/src/ui/teach/gradients/gradientSeries';
import { windowNote } from '../../../../../web/src/ui/teach/gradients/windowNote';
import { loadCore, smallSettings } from '../../../support/core';

const text = 'the quick brown fox jumps over the lazy dog, while the cat sleeps by the door. '.repeat(40);

async function normsAfterTraining(settings: SessionSettings, steps: number): Promise<GradientNormsResult> {
  const m = await loadCore();
  const session = new m.Session();
  const created = session.create(text, settings);
  if (!created.ok) throw new Error(created.error);
  const before = session.gradientNorms();
  if (!before.ok) throw new Error(before.error);
  expect(before.steps).toBe(0);  // nothing trained, nothing to show
  const r = session.trainSlice(steps, 1e9);
  if (!r.ok) throw new Error(r.error);
  const g = session.gradientNorms();
  if (!g.ok) throw new Error(g.error);
  session.delete();
  return g;
}

describe('vanishing gradients view data', () => {
  it('a vanilla RNN on a 64-step window: the norm falls by orders of magnitude toward the window start', async () => {
    const g = await normsAfterTraining({ ...smallSettings, cell: 'rnn', hiddenSize: 32, seqLen: 64, batch: 4, seed: 7 }, 30);
    const s = gradientSeries(g);
    expect(s.steps).toEqual(Array.from({ length: 64 }, (_, t) => t + 1));
    expect(s.hidden).toHaveLength(1);
    expect(s.cell).toEqual([]);
    const h = s.hidden[0].map((x) => x ?? 0);
    // The last step gets the most; the first 8 steps together get less than a hundredth of it.
    expect(Math.max(...h)).toBe(h[63]);
    expect(Math.max(...h.slice(0, 8))).toBeLessThan(h[63] * 1e-2);
    const d = decay(s.hidden[0]);
    expect(d.ratio).toBeLessThan(1e-2);
    expect(d.decadesPerStep).toBeGreaterThan(0);
    expect(decayVerdict(d)).toMatch(/^vanishing/);
  });

  it('an LSTM reports the cell path too, and keeps more of the gradient than the RNN on the same seed', async () => {
    const base = { ...smallSettings, hiddenSize: 32, seqLen: 64, batch: 4, seed: 7, forgetBiasOne: true };
    const lstm = gradientSeries(await normsAfterTraining({ ...base, cell: 'lstm' }, 30));
    const rnn = gradientSeries(await normsAfterTraining({ ...base, cell: 'rnn' }, 30));
    expect(lstm.cell).toHaveLength(1);
    expect(lstm.cell[0]).toHaveLength(64);
    expect(decay(lstm.cell[0]).ratio).toBeGreaterThan(decay(rnn.hidden[0]).ratio * 10);
  });

  it('two layers give two series per path', async () => {
    const g = await normsAfterTraining({ ...smallSettings, numLayers: 2, seqLen: 16 }, 3);
    const s = gradientSeries(g);
    expect(s.hidden).toHaveLength(2);
    expect(s.cell).toHaveLength(2);
  });

  it('turns zeros into gaps (a log scale cannot show them) and reads ratios', () => {
    const g: GradientNorms = { steps: 3, layers: 1, hidden: new Float32Array([0, 0.01, 1]), cell: new Float32Array() };
    expect(gradientSeries(g).hidden[0]).toEqual([null, expect.closeTo(0.01, 6), 1]);
    expect(decay([1e-6, 1e-3, 1]).ratio).toBeCloseTo(1e-6, 12);
    expect(decay([1e-6, 1e-3, 1]).decadesPerStep).toBeCloseTo(3, 6);
    expect(decayVerdict(decay([1e3, 1]))).toMatch(/^exploding/);
    expect(decayVerdict(decay([0.5, 1]))).toMatch(/^kept/);
    expect(decayVerdict(decay([null, null]))).toMatch(/Train a step/);
    expect(formatRatio(2.3e-7)).toBe('2.3×10⁻⁷');
    expect(formatRatio(0.5)).toBe('0.50');
  });

  it('explains the window with the learner’s sequence length', () => {
    const n = windowNote(32, 'rnn');
    expect(n.headline).toContain('32 characters');
    expect(n.can).toContain('31 characters');
    expect(n.cannot).toContain('longer than 32');
    expect(windowNote(100, 'lstm').can).toContain('LSTM');
  });
});
