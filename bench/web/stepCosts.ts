// What one data-parallel step costs, part by part, measured in node through the same wasm module and the
// coordinator's own helpers (web/src/worker/parallel/), and what the design predicts from it for any
// number of workers (bench/README.md, "Scaling with workers"). For scaling.bench.ts.
import { performance } from 'node:perf_hooks';
import type { CoreModule, SessionSettings } from '../../web/generated/core.mjs';
import { addGradient, shareCounts } from '../../web/src/worker/parallel/replicaProtocol';
import { loadCore } from '../../tests/web/support/core';

export interface StepCosts {
  parameters: number;
  computeMs: number;  // forward and backward over the whole batch (one worker's share of a one-worker step)
  halfShareMs: number;  // the same over half the batch's streams (each of two workers' share): near half of it
  sumMs: number;      // adding one replica's gradient into the coordinator's
  applyMs: number;    // the summed gradient into wasm, clipping, the optimizer update
  copyMs: number;     // the sum copied into a buffer a replica's gradient came in (one per extra replica)
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
  for (let i = 0; i < warm + repeats; i++) {
    let t = performance.now();
    const share = ok(session.computeGradients(0, 1));
    const compute = performance.now() - t;
    t = performance.now();
    ok(session.computeGradients(0, 2));
    const half = performance.now() - t;
    const other = share.gradient.slice();  // a replica's gradient, as it arrives
    t = performance.now();
    addGradient(share.gradient, other);
    const sum = performance.now() - t;
    t = performance.now();
    other.set(share.gradient);
    const copy = performance.now() - t;
    share.gradient.set(other);  // applied: a real sum's size, the same numbers as the compute's
    t = performance.now();
    ok(session.applyGradients(share.gradient, shareCounts(share), compute, 'skip'));
    const apply = performance.now() - t;
    if (i >= warm) Object.entries({ compute, half, sum, apply, copy }).forEach(([k, v]) => parts[k as keyof typeof parts].push(v));
  }
  session.delete();
  return {
    parameters: summary.parameters, computeMs: median(parts.compute), halfShareMs: median(parts.half), sumMs: median(parts.sum), applyMs: median(parts.apply), copyMs: median(parts.copy),
  };
}

// The design's step on `workers` idle cores: the coordinator's own share (1/N of the compute), then, one
// after another, N − 1 sums, the apply and N − 2 copies of the sum (the replicas' applies overlap its
// next share). The speed-up is the one-worker step over that; the part that is communication, its share.
export function predicted(c: StepCosts, workers: number): { speedup: number; communication: number } {
  const serial = (workers - 1) * c.sumMs + Math.max(0, workers - 2) * c.copyMs;
  const step = c.computeMs / workers + serial + c.applyMs;
  return { speedup: (c.computeMs + c.applyMs) / step, communication: serial / step };
}
