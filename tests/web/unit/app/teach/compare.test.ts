// Compare cells: the parameter count the budget is computed from equals the real core's, the budget
// plan stays within it, and curves of different lengths share one x axis.
import { describe, expect, it } from 'vitest';
import { alignCurves } from '../../../../../web/src/ui/teach/compare/alignCurves';
import { comparePlan, hiddenForBudget, parameterCount } from '../../../../../web/src/app/teach/compare/budget';
import { loadCore, smallSettings } from '../../../support/core';

const text = 'abcdefghijklmnopqrstuvwxyz .,'.repeat(20);

describe('compare cells', () => {
  it('counts parameters exactly as the core does', async () => {
    const m = await loadCore();
    const session = new m.Session();
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      for (const [hidden, layers] of [[7, 1], [20, 2], [33, 3]]) {
        const r = session.create(text, { ...smallSettings, cell, hiddenSize: hidden, numLayers: layers });
        if (!r.ok) throw new Error(r.error);
        expect(parameterCount(cell, hidden, layers, r.vocab.length), `${cell} ${hidden}x${layers}`).toBe(r.parameters);
      }
    }
    session.delete();
  });

  it('gives each cell the most units the budget allows', () => {
    const budget = parameterCount('lstm', 128, 1, 60);
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const h = hiddenForBudget(cell, budget, 1, 60);
      expect(parameterCount(cell, h, 1, 60)).toBeLessThanOrEqual(budget);
      expect(parameterCount(cell, h + 1, 1, 60)).toBeGreaterThan(budget);
    }
    expect(hiddenForBudget('lstm', budget, 1, 60)).toBe(128);
    const plan = comparePlan('budget', 'lstm', 128, 1, 60);
    expect(plan.map((p) => p.cell)).toEqual(['rnn', 'lstm', 'gru']);
    expect(plan[0].hidden).toBeGreaterThan(plan[2].hidden);
    expect(plan[2].hidden).toBeGreaterThan(plan[1].hidden);
    expect(comparePlan('size', 'lstm', 64, 2, 60).map((p) => p.hidden)).toEqual([64, 64, 64]);
    expect(hiddenForBudget('lstm', 10, 1, 60)).toBe(1);
  });

  it('aligns curves of different lengths on one grid, with nothing past a curve’s end', () => {
    const a = { steps: [1, 2, 3, 4, 5, 6], values: [6, 5, 4, 3, 2, 1] };
    const b = { steps: [1, 2, 3], values: [9, 8, 7] };
    const { x, ys } = alignCurves([a, b], 300);
    expect(x).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ys[0]).toEqual([6, 5, 4, 3, 2, 1]);
    expect(ys[1]).toEqual([9, 8, 7, null, null, null]);
    const many = alignCurves([{ steps: Array.from({ length: 1000 }, (_, i) => i + 1), values: Array.from({ length: 1000 }, (_, i) => i) }], 100);
    expect(many.x.length).toBeLessThanOrEqual(100);
    expect(many.x[0]).toBe(1);
    expect(many.x[many.x.length - 1]).toBe(1000);
    expect(many.ys[0][many.x.length - 1]).toBe(999);
    expect(alignCurves([{ steps: [], values: [] }])).toEqual({ x: [], ys: [[]] });
  });
});
