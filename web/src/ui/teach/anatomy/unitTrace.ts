// One unit's story over a text: from an inspection (per layer, per gate, steps × hidden row-major)
// the column of one unit, gate by gate; and the steps where an LSTM forget gate (or a GRU update
// gate) closed, wiping what the unit held.
import type { GateTraces } from '../../heatmap/gateTraces';

export interface UnitTrace {
  gate: string;
  values: number[];  // one per step
}

export function unitTraces(r: GateTraces, layer: number, unit: number): UnitTrace[] {
  const gates = r.layers[layer * Math.max(1, r.directions ?? 1)];  // bidirectional: layer l's forward direction
  if (!gates || unit < 0 || unit >= r.hidden) return [];
  return r.gateNames.filter((g) => g in gates).map((gate) => {
    const data = gates[gate];
    const values: number[] = [];
    for (let t = 0; t < r.steps; t++) values.push(data[t * r.hidden + unit]);
    return { gate, values };
  });
}

// Steps where the keep-gate (LSTM f, GRU z) fell below `threshold`: the old memory was mostly dropped.
export function wipes(traces: readonly UnitTrace[], cell: string, threshold = 0.25): number[] {
  const keep = traces.find((t) => t.gate === (cell === 'gru' ? 'z' : 'f'));
  if (!keep) return [];
  const out: number[] = [];
  keep.values.forEach((v, t) => {
    if (v < threshold) out.push(t);
  });
  return out;
}

// Share of steps at which the keep-gate is closed (below `threshold`): a unit closed nearly always
// keeps nothing from step to step, and shading every step would say nothing.
export function closedShare(traces: readonly UnitTrace[], cell: string, threshold = 0.25): number {
  const keep = traces.find((t) => t.gate === (cell === 'gru' ? 'z' : 'f'));
  if (!keep || keep.values.length === 0) return 0;
  return keep.values.filter((v) => v < threshold).length / keep.values.length;
}
