// The teaching views' static parts: ids a course can link to, the dropout diagram's sites, the
// equations and their subscripts, the train/validation gap, and the `view` parameter in the URL.
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../../web/src/state/settings';
import { stateFromHash, stateToHash } from '../../../../../web/src/state/url';
import { GapTracker } from '../../../../../web/src/app/teach/dropout/gapTracker';
import { gapByDropout } from '../../../../../web/src/ui/teach/dropout/gaps';
import { unrolledNetwork } from '../../../../../web/src/ui/teach/dropout/sites';
import { EQUATIONS, subscriptPieces } from '../../../../../web/src/ui/teach/equations/equations';
import { isTeachView, TEACH_VIEWS } from '../../../../../web/src/ui/teach/views';

describe('teaching views', () => {
  it('has unique, link-safe ids', () => {
    const ids = TEACH_VIEWS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z-]{0,31}$/);
    expect(isTeachView('gradients')).toBe(true);
    expect(isTeachView('nope')).toBe(false);
  });

  it('puts the open view in the link and reads it back; a bad one is ignored', () => {
    const s = { ...defaultState(), view: 'gradients', cell: 'rnn' as const };
    const hash = stateToHash(s);
    expect(hash).toBe('#cell=rnn&view=gradients');
    expect(stateFromHash(hash, ['story']).view).toBe('gradients');
    expect(stateFromHash('#view=gradient-check', ['story']).view).toBe('gradient-check');
    expect(stateFromHash('#view=<script>', ['story']).view).toBe('');
  });

  it('draws dropout between layers and before the decoder, never on recurrent edges or the input', () => {
    for (const layers of [1, 2, 3]) {
      const { nodes, edges } = unrolledNetwork(layers, 3);
      expect(nodes).toHaveLength(3 * (layers + 2));
      expect(edges.filter((e) => e.recurrent).every((e) => !e.dropout)).toBe(true);
      expect(edges.filter((e) => e.recurrent)).toHaveLength(2 * layers);
      expect(edges.filter((e) => e.dropout)).toHaveLength(3 * layers);
      expect(edges.filter((e) => e.from.startsWith('n0_')).every((e) => !e.dropout)).toBe(true);
      expect(edges.filter((e) => e.to === `n${layers + 1}_0`)[0].dropout).toBe(true);
    }
  });

  it('tracks the gap between validation and smoothed training loss, per dropout stretch', () => {
    const g = new GapTracker();
    g.addLosses(new Float32Array(50).fill(Math.LN2), 50);   // 1 bit/char
    g.addValidation(50, 1.5, 0);
    g.addValidation(49, 1.4, 0);                             // stale: not the current step
    g.addLosses(new Float32Array(50).fill(Math.LN2), 100);
    g.addValidation(100, 1.2, 0.3);
    expect(g.points.map((p) => [p.step, p.dropout])).toEqual([[50, 0], [100, 0.3]]);
    expect(g.points[0].gap).toBeCloseTo(0.5, 5);
    expect(gapByDropout(g.points)).toEqual([
      { dropout: 0, gap: expect.closeTo(0.5, 5), points: 1 },
      { dropout: 0.3, gap: expect.closeTo(0.2, 5), points: 1 },
    ]);
  });

  it('writes every cell’s equations with readable subscripts', () => {
    expect(EQUATIONS.lstm.map((e) => e.lhs)).toEqual(['x_t', 'i_t', 'f_t', 'g_t', 'o_t', 'c_t', 'h_t', 'y_t', 'p_t', 'ℓ_t']);
    expect(EQUATIONS.gru.find((e) => e.lhs === 'n_t')!.rhs).toContain('r_t ⊙ (W_{hn} h_{t−1} + b_{hn})');
    expect(EQUATIONS.rnn.find((e) => e.lhs === 'h_t')!.rhs).toContain('tanh');
    expect(subscriptPieces('W_{hh} h_t + 1')).toEqual([
      { text: 'W', sub: false }, { text: 'hh', sub: true }, { text: ' h', sub: false }, { text: 't', sub: true }, { text: ' + 1', sub: false },
    ]);
    expect(subscriptPieces('plain')).toEqual([{ text: 'plain', sub: false }]);
  });
});
