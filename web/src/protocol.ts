// The worker protocol: one discriminated union per direction. `switch (msg.type)` narrows without casts,
// and an exhaustive `default` (assertNever) makes a new message a compile error until it is handled.
// Typed arrays travel as transferables. Every reply carries the runId of the model it came from, so the
// page drops replies about a model it has since replaced (stale messages); requests carry a requestId so
// a panel can drop answers older than the question it asked last.
import type { GradientCheckResult, GradientNormsResult, InspectionResult, ModelSummary, SessionSettings, Stop } from '../generated/core.mjs';

export type Settings = SessionSettings;
export type { Stop };

export type ToWorker =
  // A new model from text and settings; replaces the current one only if it succeeds.
  | { type: 'create'; runId: number; text: string; settings: Settings }
  | { type: 'load'; runId: number; bytes: ArrayBuffer; text: string; settings: Settings; resumeOptimizer: boolean }
  // New sequence length, batch or optimizer for the running model: the weights (and, with the same
  // optimizer, its state) are kept and the step count goes on.
  | { type: 'reconfigure'; requestId: number; settings: Settings }
  | { type: 'train' }            // run slices until paused
  | { type: 'pause' }
  | { type: 'step' }             // exactly one training window, then pause
  | { type: 'updateTraining'; learningRate: number; clip: number; dropout: number }
  | { type: 'validate'; requestId: number; maxChars: number }
  | { type: 'sample'; requestId: number; prime: string; length: number; temperature: number; topK: number; seed: number }
  | { type: 'probe'; requestId: number; text: string; temperature: number }
  | { type: 'inspect'; requestId: number; text: string; topK: number }
  | { type: 'gradients'; requestId: number }
  // Analytic vs finite-difference gradient for the `perTensor` largest entries of every tensor.
  | { type: 'gradientCheck'; requestId: number; perTensor: number }
  | { type: 'save'; requestId: number; withOptimizer: boolean };

export interface Progress {
  step: number;
  losses: Float32Array;     // the slice's per-step training losses (nats/char)
  gradNorms: Float32Array;  // per step, before clipping
  clipped: number;
  trainMillis: number;      // time spent inside train() in this slice
  wallMillis: number;       // worker time since the previous slice: training plus everything between slices
  charsPerStep: number;     // batch × sequence length
  heapBytes: number;
}

export type FromWorker =
  | { type: 'ready'; simd: string; heapBytes: number }
  | { type: 'created'; runId: number; summary: ModelSummary }
  | { type: 'createFailed'; runId: number; message: string }  // the previous model, if any, stays
  | { type: 'reconfigured'; runId: number; step: number; settings: Settings }
  | { type: 'progress'; runId: number; progress: Progress }
  | { type: 'paused'; runId: number; step: number }
  | { type: 'stopped'; runId: number; step: number; stop: Stop }
  | { type: 'validation'; runId: number; requestId: number; step: number; millis: number; loss: number; bitsPerChar: number; predictions: number }
  | { type: 'sample'; runId: number; requestId: number; step: number; millis: number; prime: string; text: string; temperature: number }
  | { type: 'probe'; runId: number; requestId: number; millis: number; text: string; probabilities: Float32Array }
  | { type: 'inspection'; runId: number; requestId: number; step: number; millis: number; text: string; inspection: InspectionResult }
  | { type: 'gradients'; runId: number; requestId: number; norms: GradientNormsResult }
  | { type: 'gradientCheck'; runId: number; requestId: number; step: number; millis: number; check: GradientCheckResult }
  | { type: 'saved'; runId: number; requestId: number; bytes: Uint8Array }
  // A request that could not be carried out; `requestId` tells which. The model is unchanged.
  | { type: 'error'; runId: number; requestId?: number; message: string }
  // The wasm module aborted or could not start: the worker is unusable and must be restarted.
  | { type: 'fatal'; message: string };

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}

// Every typed array inside an inspection, to hand to postMessage as transferables.
export function inspectionBuffers(r: InspectionResult): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [r.topIds, r.topProbs];
  for (const layer of r.layers) arrays.push(...Object.values(layer));
  return uniqueBuffers(arrays);
}

// Buffers to transfer, each once (transferring one buffer twice throws DataCloneError).
export function uniqueBuffers(views: ArrayBufferView[]): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) seen.add(v.buffer);
  return [...seen];
}
