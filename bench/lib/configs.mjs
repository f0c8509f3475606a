// What the benchmark runs (issue 4), how long, and how work is counted.
// H hidden, T steps (sequence length), B batch, V vocabulary, G gate blocks (LSTM 4, GRU 3), L layers.

export const CONFIGS = [
  { cell: 'lstm', hidden: 128, layers: 1, seq: 64, batch: 32, peers: ['tfjs-wasm', 'tfjs-cpu'] },
  { cell: 'lstm', hidden: 256, layers: 1, seq: 64, batch: 32, peers: ['tfjs-wasm', 'tfjs-cpu'] },
  { cell: 'lstm', hidden: 128, layers: 1, seq: 25, batch: 1, peers: ['tfjs-wasm', 'tfjs-cpu', 'brainjs'] },
  { cell: 'gru', hidden: 128, layers: 1, seq: 64, batch: 32, peers: ['tfjs-wasm', 'tfjs-cpu'] },
];
// The memory target's configuration: project only (the peers build one layer).
export const HEAP_CONFIG = { cell: 'lstm', hidden: 256, layers: 2, seq: 64, batch: 32, peers: [] };
export const HEAP_LIMIT_BYTES = 64 * 1024 * 1024;

export const CONTENDERS = ['project-wasm', 'project-native', 'tfjs-wasm', 'tfjs-cpu', 'brainjs'];

// warmupCalls and warmupSeconds must both be reached; then timed slices of `sliceSeconds`, the contenders
// of a configuration taking turns (lib/timing.mjs), for up to `rounds` rounds: a contender leaves once it
// has rounds × sliceSeconds timed (one whose step outlasts a slice gets there in fewer rounds).
export const PRESETS = {
  default: { warmupSeconds: 2, warmupCalls: 3, rounds: 10, sliceSeconds: 1, ceiling: { warmupSeconds: 1, timedSeconds: 3 } },
  quick: { warmupSeconds: 0.2, warmupCalls: 1, rounds: 2, sliceSeconds: 0.5, ceiling: { warmupSeconds: 1, timedSeconds: 0.5 } },
};

export function configName({ cell, hidden, layers, seq, batch }) {
  return `${cell.toUpperCase()} H=${hidden}${layers > 1 ? ` L=${layers}` : ''} T=${seq} B=${batch}`;
}

export const GATES = { rnn: 1, lstm: 4, gru: 3 };

// The FLOP model: the one-hot input counted as a dense (V → G·H) matmul, a multiply-add as 2 FLOPs.
// Per character, forward: layer 1 2·G·H·(V + H), each further layer 2·G·H·(H + H), decoder 2·V·H;
// training (forward + backward's two products per matmul) ≈ 3 × forward. Gate nonlinearities, softmax
// and the optimizer are not counted.
export const FLOP_MODEL =
  'per character: forward = 2·G·H·(V+H) + 2·V·H (+ 2·G·H·2H per extra layer), training = 3 × forward; ' +
  'one-hot input counted as a dense matmul, G = 4 (LSTM) or 3 (GRU)';

export function trainingFlopsPerChar({ cell, hidden: H, layers: L, vocab: V }) {
  const G = GATES[cell];
  let forward = 2 * G * H * (V + H) + 2 * V * H;
  for (let l = 1; l < L; ++l) forward += 2 * G * H * (H + H);
  return 3 * forward;
}

// What the project's kernels execute: the input projection of a one-hot vector is a gather (a column of
// W_ih), not a matmul, so this drops the 2·G·H·V term. For reading utilization only; targets use the above.
export function trainingFlopsPerCharOneHotAsGather(shape) {
  const { cell, hidden: H, vocab: V } = shape;
  return trainingFlopsPerChar(shape) - 3 * 2 * GATES[cell] * H * V;
}
