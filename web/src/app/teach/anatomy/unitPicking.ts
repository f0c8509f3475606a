// Which unit the cell-anatomy view shows first, and the per-step means the forget-bias view plots:
// numbers the views' feeds work out from the core's gate traces.
import type { GateTraces } from '../../../ui/heatmap/gateTraces';

// The unit to show first: the one whose keep-gate (LSTM f, GRU z) is open (> 0.6) at some steps and
// closed (< 0.25) at others — it keeps memory and then drops it, the story a first look should tell.
// Without such a unit (or without gates), the one whose trace varies most.
export function liveliestUnit(r: GateTraces, layer: number): number {
  const gates = r.layers[layer * Math.max(1, r.directions ?? 1)];  // bidirectional: layer l's forward direction
  const g = gates?.f ?? gates?.z ?? gates?.h;
  if (!g || r.hidden === 0 || r.steps === 0) return 0;
  const keep = gates?.f ?? gates?.z;
  let best = 0;
  let bestScore = -1;
  let bestVar = -1;
  for (let u = 0; u < r.hidden; u++) {
    let s = 0;
    let s2 = 0;
    let open = 0;
    let closed = 0;
    for (let t = 0; t < r.steps; t++) {
      const v = g[t * r.hidden + u];
      s += v;
      s2 += v * v;
      if (keep) {
        if (v > 0.6) open++;
        else if (v < 0.25) closed++;
      }
    }
    const score = (open / r.steps) * (closed / r.steps);
    const variance = s2 / r.steps - (s / r.steps) ** 2;
    if (score > bestScore || (score === bestScore && variance > bestVar)) {
      bestScore = score;
      bestVar = variance;
      best = u;
    }
  }
  return best;
}

// Mean over units of |value| at each step (e.g. how much the cell state holds, step by step).
export function meanAbsPerStep(values: ArrayLike<number>, steps: number, hidden: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    let s = 0;
    for (let u = 0; u < hidden; u++) s += Math.abs(values[t * hidden + u]);
    out.push(hidden > 0 ? s / hidden : 0);
  }
  return out;
}

export function meanPerStep(values: ArrayLike<number>, steps: number, hidden: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < steps; t++) {
    let s = 0;
    for (let u = 0; u < hidden; u++) s += values[t * hidden + u];
    out.push(hidden > 0 ? s / hidden : 0);
  }
  return out;
}
