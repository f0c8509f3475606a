// The run's events as the playground's model lifecycle emits them, for tests of what follows a run
// (autosave, the embed host).
import type { ModelSummary } from '../../../web/generated/core.mjs';
import type { RunEvent } from '../../../web/src/app/model/modelLifecycle';

export const modelEvent = (summary: ModelSummary, step = 0): RunEvent => ({ type: 'model', summary, step, text: '', file: null });

export const progressEvent = (step: number): RunEvent => ({
  type: 'progress', step,
  progress: { step, losses: new Float32Array(1), gradNorms: new Float32Array(1), clipped: 0, trainMillis: 1, wallMillis: 1, charsPerStep: 1, heapBytes: 0 },
});
