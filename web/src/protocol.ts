// The worker protocol: one discriminated union per direction. `switch (msg.type)` narrows without casts,
// and an exhaustive `default` (assertNever) makes a new message a compile error until it is handled.
// Typed arrays travel as transferables. Every reply carries the runId of the model it came from, so the
// page drops replies about a model it has since replaced (stale messages).
import type { CoreSettings, GradientNormsResult, InspectionResult, ModelSummary } from '../generated/core.mjs';

export type Settings = CoreSettings;

export type ToWorker =
  | { type: 'create'; runId: number; text: string; settings: Settings }
  | { type: 'load'; runId: number; bytes: ArrayBuffer; text: string; settings: Settings; resumeOptimizer: boolean }
  | { type: 'train' }            // run slices until paused
  | { type: 'pause' }
  | { type: 'step' }             // exactly one training window, then pause
  | { type: 'updateTraining'; learningRate: number; clip: number; dropout: number }
  | { type: 'validate'; requestId: number }
  | { type: 'sample'; requestId: number; prime: string; length: number; temperature: number; topK: number; seed: number }
  | { type: 'probe'; requestId: number; text: string; temperature: number }
  | { type: 'inspect'; requestId: number; text: string; topK: number }
  | { type: 'gradients'; requestId: number }
  | { type: 'save'; requestId: number; withOptimizer: boolean };

export interface Progress {
  step: number;
  losses: Float32Array;     // the slice's per-step training losses (nats/char)
  gradNorms: Float32Array;  // per step, before clipping
  clipped: number;
  trainMillis: number;      // time spent training in this slice
  charsPerStep: number;     // batch × sequence length
  heapBytes: number;
}

export type FromWorker =
  | { type: 'ready'; simd: string; heapBytes: number }
  | { type: 'created'; runId: number; summary: ModelSummary }
  | { type: 'progress'; runId: number; progress: Progress }
  | { type: 'paused'; runId: number; step: number }
  | { type: 'diverged'; runId: number; step: number }
  | { type: 'validation'; runId: number; requestId: number; step: number; loss: number; bitsPerChar: number; predictions: number }
  | { type: 'sample'; runId: number; requestId: number; text: string }
  | { type: 'probe'; runId: number; requestId: number; text: string; probabilities: Float32Array }
  | { type: 'inspection'; runId: number; requestId: number; text: string; inspection: InspectionResult }
  | { type: 'gradients'; runId: number; requestId: number; norms: GradientNormsResult }
  | { type: 'saved'; runId: number; requestId: number; bytes: Uint8Array }
  // A request that could not be carried out; `requestId` or `runId` tells which. The model is unchanged.
  | { type: 'error'; runId: number; requestId?: number; message: string }
  // The wasm module aborted or could not start: the worker is unusable and must be restarted.
  | { type: 'fatal'; message: string };

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}
