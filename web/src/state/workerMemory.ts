// How much memory the training workers take together, estimated before they exist, so that `auto` keeps
// them within one budget (issue 15; README "Every core of this machine"). Every worker holds the whole
// model with its gradient, optimizer moments and rollback copy, and the activations of its share of the
// batch: a big model's copies add up faster than its shares shrink.

// All training workers' wasm heaps together: what a laptop with 8 GB has to spare beside the browser, and
// one worker's most (the module's 2 GiB maximum): the largest model the core trains gets one worker.
export const WORKERS_MEMORY_BUDGET = 2 * 2 ** 30;

// A heap grows in steps of a fifth of its size (emscripten's geometric growth), on top of the module's
// own start-up memory and the text: what one worker reserves beyond the floats it trains with.
const GROWTH = 1.2;
const BASE_BYTES = 24 * 2 ** 20;

export interface TrainingShape {
  cell: 'rnn' | 'lstm' | 'gru';
  hiddenSize: number;
  numLayers: number;
  bidirectional: boolean;
  parameters: number;
  classes: number;      // what the head predicts: the vocabulary (lm), 2 (spacing) or the labels (classify)
  seqLen: number;
  batch: number;
  textBytes: number;    // the training text, held once per worker as character ids
}

const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;

// The floats one Network holds for `rows` streams: the core's own count (network_working_floats in
// core/nn/network.cpp), which its training limit checks.
function activationFloats(s: TrainingShape, rows: number): number {
  const n = s.seqLen * rows, h = s.hiddenSize, d = s.bidirectional ? 2 : 1, dh = d * h;
  const perLayer = d * (n * GATES[s.cell] * h * (s.cell === 'gru' ? 2 : 1) + (n + rows) * h * 2);
  const shared = n * s.classes + n * dh * 3 + n * h;
  const dropout = (s.numLayers + 1) * n * dh * 2;
  return perLayer * s.numLayers + shared + dropout;
}

// One worker's heap when `workers` share each step: weights, gradient, two moments, the rollback copy and
// the packed transposes and recurrent weights (seven copies, as the core counts them), and then the larger of the activations of
// its streams and what loading the model took (the file's bytes and the model being read: about six
// copies again; a heap never shrinks, and a replica starts by loading). Measured against the real heaps
// in tests/web/unit/wasm/workerMemory.test.ts and README "Every core of this machine".
export function workerBytes(s: TrainingShape, workers: number): number {
  const rows = Math.ceil(s.batch / workers);
  const floats = 7 * s.parameters + Math.max(6 * s.parameters, activationFloats(s, rows));
  return Math.ceil(GROWTH * 4 * floats) + BASE_BYTES + 4 * s.textBytes;
}

// All workers together: each one's heap, and with replicas the page's worker's old copy of the model,
// which it holds beside the fresh one it makes for them (parallel/parallelTrainer.ts, sync).
export function totalBytes(s: TrainingShape, workers: number): number {
  return workers * workerBytes(s, workers) + (workers > 1 ? Math.ceil(GROWTH * 4 * 6 * s.parameters) : 0);
}

// The most workers, up to `wanted`, whose heaps together stay within the budget (at least one: a model
// the core accepts always trains on one).
export function workersWithinBudget(wanted: number, s: TrainingShape, budget = WORKERS_MEMORY_BUDGET): number {
  let n = Math.max(1, wanted);
  while (n > 1 && totalBytes(s, n) > budget) n--;
  return n;
}

// The shape of a built model (its summary) training with these settings on this text.
export function trainingShape(
  summary: { task: string; cell: TrainingShape['cell']; hiddenSize: number; numLayers: number; bidirectional: boolean; parameters: number; vocab: string[]; labels: string[] },
  settings: { seqLen: number; batch: number },
  text: string,
): TrainingShape {
  const classes = summary.task === 'classify' ? summary.labels.length : summary.task === 'spacing' ? 2 : summary.vocab.length;
  return {
    cell: summary.cell, hiddenSize: summary.hiddenSize, numLayers: summary.numLayers, bidirectional: summary.bidirectional,
    parameters: summary.parameters, classes, seqLen: settings.seqLen, batch: settings.batch, textBytes: text.length,
  };
}
