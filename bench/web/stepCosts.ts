// What one data-parallel step costs, part by part, measured in node through the same wasm module and the
// coordinator's own helpers (web/src/worker/parallel/), and what the design predicts from it for any
// number of workers (bench/README.md, "Scaling with workers"). For scaling.bench.ts.
import { performance } from 'node:perf_hooks';
import type { CoreModule, SessionSettings } from '../../web/generated/core.mjs';
import { shareCounts } from '../../web/src/worker/parallel/replicaProtocol';
import { loadCore } from '../../tests/web/support/core';

export interface StepCosts {
  parameters: number;
  computeMs: number;  // forward and backward over the whole batch (one worker's share of a one-worker step)
  halfShareMs: number;  // the same over half the batch's streams (each of two workers' share): near half of it
  sumMs: number;      // adding one replica's gradient into the coordinator's (into wasm memory, then added)
  copyMs: number;     // the sum copied out, into the buffer a replica's gradient came in (one per replica)
  applyMs: number;    // clipping and the optimizer update (every worker at once)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function ok<T>(r: ({ ok: true } & T) | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

// Medians over `repeats` steps after `warm` steps (V8's optimizing tier first: TOOLCHAIN.md).
export async function measureStepCosts(text: string, settings: SessionSettings, warm: number, repeats: number): Promise<StepCosts> {
  const core: CoreModule = await loadCore();
  const session = new core.Session();
  const summary = ok(session.create(text, settings));
  const parts: Record<'compute' | 'half' | 'sum' | 'apply' | 'copy', number[]> = { compute: [], half: [], sum: [], apply: [], copy: [] };
  const buffer = new Float32Array(summary.parameters);
  for (let i = 0; i < warm + repeats; i++) {
    // Each compute right after an apply, as in training: it repacks the changed weights first.
    let t = performance.now();
    const halfShare = ok(session.computeGradients(0, 2));
    const half = performance.now() - t;
    ok(session.applyGradients(shareCounts(halfShare), half, 'skip'));
    t = performance.now();
    const share = ok(session.computeGradients(0, 1));
    const compute = performance.now() - t;
    buffer.fill(0);  // a replica's gradient that adds nothing: the applied sum stays the whole batch's
    t = performance.now();
    ok(session.addGradient(buffer));
    const sum = performance.now() - t;
    t = performance.now();
    ok(session.copyGradient(buffer));
    const copy = performance.now() - t;
    t = performance.now();
    ok(session.applyGradients(shareCounts(share), compute, 'skip'));
    const apply = performance.now() - t;
    if (i >= warm) Object.entries({ compute, half, sum, apply, copy }).forEach(([k, v]) => parts[k as keyof typeof parts].push(v));
  }
  session.delete();
  return {
    parameters: summary.parameters, computeMs: median(parts.compute), halfShareMs: median(parts.half), sumMs: median(parts.sum), applyMs: median(parts.apply), copyMs: median(parts.copy),
  };
}

// The design's step on `workers` idle cores: the coordinator's own share (1/N of the compute), then, one
// after another, N − 1 sums and N − 1 copies of the sum out; then the apply, which every worker makes at
// once. The speed-up is the one-worker step over that; the part that is communication, its share.
export function predicted(c: StepCosts, workers: number): { speedup: number; communication: number } {
  const serial = (workers - 1) * (c.sumMs + c.copyMs);
  const step = c.computeMs / workers + serial + c.applyMs;
  return { speedup: (c.computeMs + c.applyMs) / step, communication: serial / step };
}
