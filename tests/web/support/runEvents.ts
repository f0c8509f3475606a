// The run's events as the playground's model lifecycle emits them, for tests of what follows a run
// (autosave, the embed host).
import type { ModelSummary } from '../../../web/generated/core.mjs';
import type { RunEvent } from '../../../web/src/app/model/modelLifecycle';

export const modelEvent = (summary: ModelSummary, step = 0): RunEvent => ({ type: 'model', summary, step, text: '', file: null });

export const progressEvent = (step: number): RunEvent => ({
  type: 'progress', step,
  progress: { step, losses: new Float32Array(1), gradNorms: new Float32Array(1), clipped: 0, trainMillis: 1, wallMillis: 1, characters: 1, heapBytes: 0, workerHeapBytes: [0],
    decisions: { scored: 0, correct: 0, truePositive: 0, falsePositive: 0, falseNegative: 0 } },
});

export const validationEvent = (step: number, bits: number): RunEvent => ({
  type: 'validation', step, bits, scores: { accuracy: 0, precision: 0, recall: 0, f1: 0, confusion: new Float64Array() },
});
