// The worker's model keeper, on the real wasm module: a run that blows up is caught and goes back to
// weights from before; new trainer settings keep the weights and the step count.
import { describe, expect, it } from 'vitest';
import { coreSettings, defaultState } from '../../../web/src/state/settings';
import { DivergenceGuard } from '../../../web/src/worker/divergence';
import { TrainedModel } from '../../../web/src/worker/model';
import { loadCore } from '../support/core';

const text = 'the quick brown fox jumps over the lazy dog. '.repeat(60);
const small = { ...coreSettings(defaultState()), hiddenSize: 32, seqLen: 16, batch: 8, learningRate: 0.01 };

function built(r: ReturnType<typeof TrainedModel.create>): TrainedModel {
  if (!r.ok) throw new Error(r.error);
  return r.model;
}

describe('divergence guard', () => {
  it('never trips on a healthy run', async () => {
    const m = await loadCore();
    const model = built(TrainedModel.create(m, 1, text, small));
    const r = model.core.train(200, 1e9);
    if (!r.ok) throw new Error(r.error);
    const guard = new DivergenceGuard(model.summary.vocab.length);
    expect(r.losses.some((l) => guard.observe(l))).toBe(false);
    expect(guard.healthy).toBe(true);
    model.delete();
  });

  it('trips within a few dozen steps at learning rate 10 without clipping', async () => {
    const m = await loadCore();
    const model = built(TrainedModel.create(m, 1, text, { ...small, learningRate: 10, clip: 0 }));
    const r = model.core.train(60, 1e9);
    if (!r.ok) throw new Error(r.error);
    const guard = new DivergenceGuard(model.summary.vocab.length);
    const at = Array.from(r.losses).findIndex((l) => guard.observe(l));
    expect(at).toBeGreaterThanOrEqual(2);
    expect(guard.healthy).toBe(false);
    model.delete();
  });

  it('treats a non-finite loss as diverged at once', () => {
    const guard = new DivergenceGuard(10);
    expect(guard.observe(Number.NaN)).toBe(true);
    expect(new DivergenceGuard(10).observe(Number.POSITIVE_INFINITY)).toBe(true);
  });
});

describe('trained model', () => {
  it('keeps its weights and step count when the trainer settings change', async () => {
    const m = await loadCore();
    const model = built(TrainedModel.create(m, 1, text, small));
    const r = model.core.train(30, 1e9);
    if (!r.ok) throw new Error(r.error);
    model.noteCoreStep(r.step);
    const before = model.core.validate(1e6);
    expect(model.reconfigure({ ...small, seqLen: 8, batch: 4 }).ok).toBe(true);
    expect(model.step).toBe(30);
    expect(model.charsPerStep).toBe(32);
    const after = model.core.validate(1e6);
    expect(before.ok && after.ok && after.loss).toBeCloseTo(before.ok ? before.loss : NaN, 5);  // same weights
    const more = model.core.train(5, 1e9);
    if (!more.ok) throw new Error(more.error);
    model.noteCoreStep(more.step);
    expect(model.step).toBe(35);
    model.delete();
  });

  it('goes back to its last healthy checkpoint after a blow-up', async () => {
    const m = await loadCore();
    const model = built(TrainedModel.create(m, 1, text, small));
    const fresh = model.core.validate(1e6);
    const r = model.core.train(10, 1e9);
    if (!r.ok) throw new Error(r.error);
    model.noteCoreStep(r.step);
    expect(model.core.updateTraining(10, 0, 0).ok).toBe(true);
    const wrecked = model.core.train(30, 1e9);
    if (!wrecked.ok) throw new Error(wrecked.error);
    model.noteCoreStep(wrecked.step);
    const bad = model.core.validate(1e6);
    expect(bad.ok && fresh.ok && bad.loss > fresh.loss).toBe(true);
    expect(model.restoreCheckpoint()).toBe(0);  // only the checkpoint taken at creation exists
    expect(model.step).toBe(0);
    const back = model.core.validate(1e6);
    expect(back.ok && fresh.ok && back.loss).toBeCloseTo(fresh.ok ? fresh.loss : NaN, 5);
    model.delete();
  });

  it('reports the core error for settings the text cannot carry, and stays usable', async () => {
    const m = await loadCore();
    const model = built(TrainedModel.create(m, 1, text, small));
    const r = model.reconfigure({ ...small, seqLen: 1024, batch: 256 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('the text is too short to train on');
    expect(model.core.train(1, 1e9).ok).toBe(true);
    model.delete();
  });
});
