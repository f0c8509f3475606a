// Same parameter budget or same size: the hidden sizes that make RNN, LSTM and GRU comparable.
// Parameters follow PyTorch's layout (ARCHITECTURE.md): per layer G·H·(input + H) weights and two
// biases of G·H, then the decoder V·H + V. G = 1 (RNN), 4 (LSTM), 3 (GRU).
export type Cell = 'rnn' | 'lstm' | 'gru';

export const GATES: Record<Cell, number> = { rnn: 1, lstm: 4, gru: 3 };

export function parameterCount(cell: Cell, hidden: number, layers: number, vocab: number): number {
  const g = GATES[cell];
  let n = 0;
  for (let l = 0; l < layers; l++) {
    const input = l === 0 ? vocab : hidden;
    n += g * hidden * (input + hidden) + 2 * g * hidden;
  }
  return n + vocab * hidden + vocab;
}

// The largest hidden size whose model has at most `budget` parameters (at least 1, at most 1024).
export function hiddenForBudget(cell: Cell, budget: number, layers: number, vocab: number): number {
  let lo = 1;
  let hi = 1024;
  if (parameterCount(cell, lo, layers, vocab) > budget) return 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (parameterCount(cell, mid, layers, vocab) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface ComparePlan {
  cell: Cell;
  hidden: number;
  parameters: number;
}

// The three models: with 'size', all get `hidden` units; with 'budget', each gets as many units as the
// parameters of the reference model (`refCell` with `hidden` units) allow.
export function comparePlan(mode: 'size' | 'budget', refCell: Cell, hidden: number, layers: number, vocab: number): ComparePlan[] {
  const budget = parameterCount(refCell, hidden, layers, vocab);
  return (['rnn', 'lstm', 'gru'] as const).map((cell) => {
    const h = mode === 'size' ? hidden : hiddenForBudget(cell, budget, layers, vocab);
    return { cell, hidden: h, parameters: parameterCount(cell, h, layers, vocab) };
  });
}
