// The memory estimate `auto` keeps the workers' heaps within (web/src/state/workerMemory.ts) against the
// real thing: each worker is a wasm module instance of its own, as in the page, that trains its share of
// a step; the heap it reserved is never more than the estimate, alone or as one of two.
import { describe, expect, it } from 'vitest';
import type { CoreModule, Session } from '../../../../web/generated/core.mjs';
import { addShare, shareCounts } from '../../../../web/src/worker/parallel/replicaProtocol';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { trainingShape, workerBytes } from '../../../../web/src/state/workerMemory';
import { loadCore } from '../../support/core';

const text = 'It was the best of times, it was the worst of times; it was the age of wisdom. '.repeat(300);
const settings = { ...coreSettings(defaultState()), hiddenSize: 256, numLayers: 2, seqLen: 64, batch: 32 };

function ok<T>(r: ({ ok: true } & T) | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

// `count` workers, each in its own module, holding the same model; two shared steps; each one's heap.
async function heapsAfterSteps(count: number): Promise<{ heaps: number[]; estimate: number }> {
  const modules: CoreModule[] = [];
  for (let i = 0; i < count; i++) modules.push(await loadCore());
  const first = new modules[0].Session();
  const summary = ok(first.create(text, settings));
  const file = ok(first.save(true)).bytes.slice();
  const sessions: Session[] = [first];
  for (const m of modules.slice(1)) {
    const s = new m.Session();
    ok(s.load(file, text, settings, true));
    sessions.push(s);
  }
  for (let step = 0; step < 2; step++) {
    // As the workers take a step (web/src/worker/parallel/parallelTrainer.ts).
    const shares = sessions.map((s, r) => ok(s.computeGradients(r, count)));
    const gradient = new Float32Array(summary.parameters);
    const total = shareCounts(shares[0]);
    shares.slice(1).forEach((s, i) => {
      ok(sessions[i + 1].copyGradient(gradient));
      ok(first.addGradient(gradient));
      addShare(total, s);
    });
    ok(first.copyGradient(gradient));
    for (const s of sessions.slice(1)) ok(s.setGradient(gradient));
    for (const s of sessions) ok(s.applyGradients(total, 1, 'skip'));
  }
  return { heaps: modules.map((m) => m.heapSize()), estimate: workerBytes(trainingShape(summary, settings, text), count) };
}

describe('each worker heap against the estimate auto plans with', () => {
  it('one worker with the whole batch reserves no more than estimated', async () => {
    const { heaps, estimate } = await heapsAfterSteps(1);
    expect(heaps[0]).toBeLessThanOrEqual(estimate);
  });

  it('each of two workers, with half the batch each, reserves no more than estimated', async () => {
    const { heaps, estimate } = await heapsAfterSteps(2);
    for (const h of heaps) expect(h).toBeLessThanOrEqual(estimate);
  });
});
