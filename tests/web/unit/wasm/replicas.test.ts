// Data-parallel training through the real wasm module in node, as the playground's workers do it: each
// Session is a replica (in the page, each lives in a worker of its own), the coordinator's helpers sum
// their gradients and shares in replica order, and every replica applies the sum. Two replicas train
// the weights one session trains on the whole batch, and stay identical to each other.
import { describe, expect, it } from 'vitest';
import type { CoreModule, GradientShare, Session } from '../../../../web/generated/core.mjs';
import { addShare, shareCounts } from '../../../../web/src/worker/parallel/replicaProtocol';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';

const text = 'the quick brown fox jumps over the lazy dog. a stitch in time saves nine. '.repeat(40);
const settings = { ...coreSettings(defaultState()), hiddenSize: 32, numLayers: 2, seqLen: 16, batch: 8, learningRate: 0.01 };
const STEPS = 10;

let parameterCount = 0;  // every session here has the same model

function created(m: CoreModule): Session {
  const session = new m.Session();
  const r = session.create(text, settings);
  if (!r.ok) throw new Error(r.error);
  parameterCount = r.parameters;
  return session;
}

function ok<T>(r: ({ ok: true } & T) | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

// One step shared by the replicas, as the worker takes it (web/src/worker/parallel/parallelTrainer.ts):
// the coordinator adds the others' gradients to its own, copies the sum out, the others take it, and all
// apply it. The coordinator's (replica 0's) loss.
function sharedStep(replicas: Session[]): number {
  const n = replicas.length;
  const shares = replicas.map((s, r) => ok(s.computeGradients(r, n)));
  const total: GradientShare = shareCounts(shares[0]);
  for (let r = 1; r < n; r++) {
    const gradient = new Float32Array(parameterCount);
    ok(replicas[r].copyGradient(gradient));
    ok(replicas[0].addGradient(gradient));
    addShare(total, shares[r]);
    ok(replicas[0].setStreamState(r, n, ok(replicas[r].streamState(r, n)).state));
  }
  const summed = new Float32Array(parameterCount);
  ok(replicas[0].copyGradient(summed));
  for (const s of replicas.slice(1)) ok(s.setGradient(summed));
  const reports = replicas.map((s) => ok(s.applyGradients(total, 1, 'skip')));
  for (const r of reports) expect(r.step).toBe(reports[0].step);
  return reports[0].losses[0];
}

const weights = (s: Session) => ok(s.save(false)).bytes;

describe('data-parallel replicas', () => {
  it('one replica is the single-process step, bit for bit', async () => {
    const m = await loadCore();
    const single = created(m);
    const replica = created(m);
    for (let i = 0; i < STEPS; i++) expect(sharedStep([replica])).toBe(ok(single.trainSlice(1, 1e9)).losses[0]);
    expect(weights(replica)).toEqual(weights(single));
  });

  it('two replicas train what one session trains on the whole batch, and stay identical', async () => {
    const m = await loadCore();
    const single = created(m);
    const replicas = [created(m), created(m)];
    for (let i = 0; i < STEPS; i++) {
      const alone = ok(single.trainSlice(1, 1e9)).losses[0];
      expect(sharedStep(replicas)).toBeCloseTo(alone, 5);
    }
    expect(weights(replicas[1])).toEqual(weights(replicas[0]));
    const held = (s: Session) => ok(s.validate(1e6)).loss;
    expect(Math.abs(held(replicas[0]) - held(single))).toBeLessThan(1e-5);
    // The coordinator gathered every stream's state: its file continues as the single run's does.
    const next = created(m);
    ok(next.load(ok(replicas[0].save(true)).bytes, text, settings, true));
    const nextSingle = ok(single.trainSlice(1, 1e9)).losses[0];
    expect(ok(next.trainSlice(1, 1e9)).losses[0]).toBeCloseTo(nextSingle, 5);
  });

  it('says what is wrong with a replica index or a gradient of the wrong size', async () => {
    const m = await loadCore();
    const s = created(m);
    expect(s.computeGradients(3, 2)).toEqual({ ok: false, error: 'replica 3 of 2 does not exist' });
    ok(s.computeGradients(0, 2));
    for (const r of [s.addGradient(new Float32Array(3)), s.setGradient(new Float32Array(3)), s.copyGradient(new Float32Array(3))]) {
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/^a gradient of 3 numbers does not fit this model, which has \d+ parameters$/);
    }
  });
});
