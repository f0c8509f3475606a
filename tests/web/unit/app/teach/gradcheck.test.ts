// The gradient check view: the real model's analytic gradients agree with finite differences for
// every cell, and the table turns red when the analytic side is deliberately broken.
import { describe, expect, it } from 'vitest';
import { AGREES, CLOSE, relativeError, summarize, verdict } from '../../../../../web/src/ui/teach/gradcheck/verdict';
import { loadCore, smallSettings } from '../../../support/core';

const text = 'to be or not to be, that is the question. '.repeat(30);

describe('gradient check view', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: backprop agrees with finite differences on the real model`, async () => {
      const m = await loadCore();
      const session = new m.Session();
      const created = session.create(text, { ...smallSettings, cell, hiddenSize: 16, numLayers: 2 });
      if (!created.ok) throw new Error(created.error);
      expect(session.trainSlice(20, 1e9).ok).toBe(true);
      const c = session.gradientCheck(3);
      if (!c.ok) throw new Error(c.error);
      const s = summarize(c);
      expect(s.rows.length).toBe(c.tensors.length);
      expect(new Set(c.tensors)).toEqual(new Set(['rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0', 'rnn.weight_ih_l1', 'rnn.weight_hh_l1', 'rnn.bias_ih_l1', 'rnn.bias_hh_l1', 'decoder.weight', 'decoder.bias']));
      // The relative errors recomputed here are the core's.
      s.rows.forEach((r, i) => expect(r.relativeError).toBeCloseTo(c.relativeErrors[i], 5));
      expect(s.passed).toBe(true);
      expect(s.worst).toBeLessThan(CLOSE);

      // A broken backprop (analytic gradient off by 30%, as a missing term would make it) fails.
      const broken = summarize({ ...c, analytic: c.analytic.map((a) => a * 1.3) });
      expect(broken.passed).toBe(false);
      expect(broken.counts.disagrees).toBe(broken.rows.length);
      session.delete();
    });
  }

  it('reads float32 thresholds', () => {
    expect(relativeError(1, 1.001)).toBeCloseTo(0.001 / 1.001, 9);
    expect(relativeError(0, 0)).toBe(0);
    expect(verdict(AGREES / 2)).toBe('agrees');
    expect(verdict((AGREES + CLOSE) / 2)).toBe('close');
    expect(verdict(0.3)).toBe('disagrees');
    expect(verdict(Number.NaN)).toBe('disagrees');
    expect(summarize({ tensors: [], indices: [], analytic: [], numeric: [] }).passed).toBe(false);
  });
});
