// What the gate heatmaps and the cell-anatomy view draw, as plain arrays: the values of each gate of
// each unit at each step of an inspected text, and the model's top guesses per step. (The wasm
// module's inspection has exactly this shape; panels do not depend on it.)
export interface GateTraces {
  steps: number;
  hidden: number;
  topK: number;
  gateNames: string[];
  layers: Record<string, Float32Array>[];  // per layer, gate name → (steps × hidden), row-major by step
  directions?: number;                     // 2: bidirectional, layers[l * 2 + 1] is layer l's backward direction
  topIds: Int32Array;                      // (steps × topK) vocabulary indices, most likely first
  topProbs: Float32Array;                  // (steps × topK)
}
