// The activation functions a course on neural networks compares — step, sigmoid, tanh, ReLU — with
// their derivatives, which gates of which cell use them, and how much of what the model feeds them
// sits where the derivative is (almost) zero: saturated, so backpropagation passes (almost) nothing.

export const ACTIVATIONS = ['step', 'sigmoid', 'tanh', 'relu'] as const;
export type ActivationId = (typeof ACTIVATIONS)[number];

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export const FUNCTIONS: Record<ActivationId, { f(x: number): number; df(x: number): number }> = {
  // The perceptron's: its derivative is 0 everywhere but at 0, where it has none.
  step: { f: (x) => (x >= 0 ? 1 : 0), df: () => 0 },
  sigmoid: { f: sigmoid, df: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  tanh: { f: Math.tanh, df: (x) => 1 - Math.tanh(x) ** 2 },
  relu: { f: (x) => Math.max(0, x), df: (x) => (x > 0 ? 1 : 0) },  // relu′(0) = 0, as PyTorch takes it
};

// A unit is saturated where the slope is below this: the gradient through it shrinks tenfold or more.
export const SATURATED_BELOW = 0.1;

export function saturated(id: ActivationId, x: number): boolean {
  return Math.abs(FUNCTIONS[id].df(x)) < SATURATED_BELOW;
}

// The share of `values` where `id` is saturated (0 for none).
export function saturationShare(id: ActivationId, values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) if (saturated(id, values[i])) n++;
  return n / values.length;
}

// Counts of `values` in `bins` equal bins over [lo, hi]; values beyond either end count in the end bin.
export function histogram(values: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins;
  for (let i = 0; i < values.length; i++) {
    const b = Math.floor((values[i] - lo) / width);
    counts[Math.max(0, Math.min(bins - 1, b))]++;
  }
  return counts;
}

// Which function each gate's pre-activation goes through (the core's preActivationNames).
export function gateFunctions(cell: string, nonlinearity: string): Record<string, ActivationId> {
  if (cell === 'lstm') return { i: 'sigmoid', f: 'sigmoid', g: 'tanh', o: 'sigmoid' };
  if (cell === 'gru') return { r: 'sigmoid', z: 'sigmoid', n: 'tanh' };
  return { h: nonlinearity === 'relu' ? 'relu' : 'tanh' };
}

export interface FunctionInputs {
  values: Float32Array;  // every pre-activation fed to this function, over the layers and directions given
  gates: string[];       // the gates they come from
}

// The model's pre-activations grouped by the function applied to them; each trace is one layer (and
// direction): gate name → (steps × hidden) values.
export function inputsByFunction(cell: string, nonlinearity: string, traces: readonly Record<string, Float32Array>[]): Record<ActivationId, FunctionInputs> {
  const use = gateFunctions(cell, nonlinearity);
  const parts: Record<ActivationId, Float32Array[]> = { step: [], sigmoid: [], tanh: [], relu: [] };
  const gates: Record<ActivationId, string[]> = { step: [], sigmoid: [], tanh: [], relu: [] };
  for (const [gate, id] of Object.entries(use)) {
    let found = false;
    for (const trace of traces) {
      if (trace[gate]) {
        parts[id].push(trace[gate]);
        found = true;
      }
    }
    if (found) gates[id].push(gate);
  }
  const out = {} as Record<ActivationId, FunctionInputs>;
  for (const id of ACTIVATIONS) {
    const values = new Float32Array(parts[id].reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts[id]) {
      values.set(p, at);
      at += p.length;
    }
    out[id] = { values, gates: gates[id] };
  }
  return out;
}

// Up to `max` of the values, evenly spread over them (the points drawn on the curve).
export function spreadSample(values: ArrayLike<number>, max: number): number[] {
  const n = values.length;
  if (n <= max) return Array.from(values);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(values[Math.floor((k * n) / max)]);
  return out;
}
