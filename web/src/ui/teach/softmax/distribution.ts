// One-hot in, softmax out. The core returns the next-character distribution at temperature 1; any
// other temperature is the same logits divided by T, i.e. p_i^(1/T) renormalized, so the slider
// redraws without asking the worker. T = 0 is the limit: all mass on the most likely character.

export function oneHot(size: number, index: number): Float32Array {
  const v = new Float32Array(size);
  if (index >= 0 && index < size) v[index] = 1;
  return v;
}

export function withTemperature(p: ArrayLike<number>, temperature: number): Float32Array {
  const n = p.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  if (temperature <= 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (p[i] > p[best]) best = i;
    out[best] = 1;
    return out;
  }
  // In log space: log p / T, minus the max before exp, so tiny T cannot overflow or underflow to 0/0.
  let max = -Infinity;
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    logits[i] = p[i] > 0 ? Math.log(p[i]) / temperature : -Infinity;
    if (logits[i] > max) max = logits[i];
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += logits[i] === -Infinity ? 0 : Math.exp(logits[i] - max);
  for (let i = 0; i < n; i++) out[i] = logits[i] === -Infinity ? 0 : Math.exp(logits[i] - max) / sum;
  return out;
}

export function entropyBits(p: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) e -= p[i] * Math.log2(p[i]);
  return e;
}

// Indices of the k largest, largest first (ties: lower index first).
export function topIndices(p: ArrayLike<number>, k: number): number[] {
  return Array.from({ length: p.length }, (_, i) => i).sort((a, b) => p[b] - p[a] || a - b).slice(0, k);
}
