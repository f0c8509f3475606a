// The core's training policy through the wasm module, as the worker uses it: a run that blows up stops
// and goes back to the snapshot taken while it was healthy; new trainer settings keep the weights and
// the step count; errors come back as values and leave the run usable.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../web/generated/core.mjs';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';

const text = 'the quick brown fox jumps over the lazy dog. '.repeat(60);
const small = { ...coreSettings(defaultState()), hiddenSize: 32, seqLen: 16, batch: 8, learningRate: 0.01 };

async function created(settings = small): Promise<Session> {
  const m = await loadCore();
  const session = new m.Session();
  const r = session.create(text, settings);
  if (!r.ok) throw new Error(r.error);
  return session;
}

function slice(session: Session, steps: number) {
  const r = session.trainSlice(steps, 1e9);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function validationLoss(session: Session): number {
  const r = session.validate(1e6);
  if (!r.ok) throw new Error(r.error);
  return r.loss;
}

describe('divergence', () => {
  it('never stops a healthy run', async () => {
    const session = await created();
    const r = slice(session, 200);
    expect(r.stop).toBeNull();
    expect(r.step).toBe(200);
    expect(r.losses).toHaveLength(200);
    session.delete();
  });

  it('stops within a few dozen steps at learning rate 10 without clipping', async () => {
    const session = await created({ ...small, learningRate: 10, clip: 0 });
    const r = slice(session, 60);
    expect(r.stop?.reason).toBe('blowUp');
    expect(r.stop!.atStep).toBeGreaterThanOrEqual(3);
    expect(r.stop!.lossNats).toBeGreaterThan(2 * Math.log(new Set(text).size) + 1);  // the guard's limit
    session.delete();
  });

  it('goes back to its last healthy snapshot after a blow-up', async () => {
    const session = await created();
    expect(session.snapshotEvery(1_000_000).ok).toBe(true);  // only the snapshot taken at creation
    const fresh = validationLoss(session);
    slice(session, 10);
    expect(session.updateTraining(10, 0, 0).ok).toBe(true);
    const r = slice(session, 60);
    expect(r.stop).toMatchObject({ reason: 'blowUp', restoredStep: 0 });
    expect(r.stop!.atStep).toBeGreaterThan(10);
    expect(r.stop!.lossNats).toBeGreaterThan(fresh);
    expect(r.step).toBe(0);
    expect(session.steps()).toBe(0);
    expect(validationLoss(session)).toBeCloseTo(fresh, 5);
    session.delete();
  });

  it('restores a snapshot so that training repeats bit for bit', async () => {
    const session = await created({ ...small, dropout: 0.2 });
    slice(session, 4);
    expect(session.snapshot()).toEqual({ ok: true, step: 4 });
    const first = Array.from(slice(session, 12).losses);
    expect(session.restore()).toEqual({ ok: true, step: 4 });
    expect(Array.from(slice(session, 12).losses)).toEqual(first);
    session.delete();
  });
});

describe('training settings', () => {
  it('keeps the weights and step count when the trainer settings change', async () => {
    const session = await created();
    slice(session, 30);
    const before = validationLoss(session);
    expect(session.reconfigure({ ...small, seqLen: 8, batch: 4 })).toEqual({ ok: true, step: 30 });
    expect(session.steps()).toBe(30);
    expect(validationLoss(session)).toBeCloseTo(before, 5);  // same weights
    expect(slice(session, 5).step).toBe(35);
    session.delete();
  });

  it('reports the core error for settings the text cannot carry, and stays usable', async () => {
    const session = await created();
    const r = session.reconfigure({ ...small, seqLen: 1024, batch: 256 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('the text is too short to train on');
    expect(session.trainSlice(1, 1e9).ok).toBe(true);
    session.delete();
  });

  it('takes only whole-number seeds a double holds exactly', async () => {
    const m = await loadCore();
    const session = new m.Session();
    for (const seed of [-1, 1.5, 2 ** 53, Number.NaN]) {
      expect(session.create(text, { ...small, seed })).toEqual({
        ok: false, error: 'the seed must be a whole number from 0 to 2^53 - 1',
        code: 'settings.wholeNumber', params: { setting: 'seed', min: '0', max: '9007199254740991' } });
    }
    expect(session.create(text, { ...small, seed: 2 ** 53 - 1 }).ok).toBe(true);
    session.delete();
  });
});
