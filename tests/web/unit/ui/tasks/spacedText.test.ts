// A spaced text gap by gap, from the core's real breakdown: right, missed and extra spaces, and which
// direction decided.
import { describe, expect, it } from 'vitest';
import { decidingSide, gapCounts, spacedCharacters } from '../../../../../web/src/ui/tasks/spacing/spacedText';
import { loadCore, smallSettings } from '../../../support/core';

describe('spaced text', () => {
  it('classifies every gap of a hand-made breakdown', () => {
    const chars = spacedCharacters({
      characters: ['a', 'b', 'c', 'd', 'e'],
      truth: Int8Array.from([1, 1, 0, 0, -1]),
      probability: Float32Array.from([0.9, 0.2, 0.7, 0.1, 0.5]),
      forwardProbability: Float32Array.from([0.4, 0.1, 0.8, 0.2, 0.5]),
      backwardProbability: Float32Array.from([0.95, 0.3, 0.3, 0.1, 0.5]),
    });
    expect(chars.map((c) => c.gap)).toEqual(['space', 'missed', 'extra', 'none', 'unscored']);
    expect(gapCounts(chars)).toEqual({ spaces: 1, missed: 1, extra: 1, decided: 4 });
    expect(chars.map(decidingSide)).toEqual(['backward', 'both', 'forward', 'both', 'both']);
  });

  it('reads the real core: a bidirectional spacing model gives both directions, a forward one only one', async () => {
    const m = await loadCore();
    const text = 'the cat sat on the mat and the dog sat on the log\n'.repeat(40);
    for (const bidirectional of [true, false]) {
      const s = new m.Session();
      const made = s.create(text, { ...smallSettings, task: 'spacing', bidirectional });
      if (!made.ok) throw new Error(made.error);
      const r = s.spacingBreakdown('the cat sat on the mat');
      if (!r.ok) throw new Error(r.error);
      const chars = spacedCharacters(r);
      expect(chars.map((c) => c.char).join('')).toBe('thecatsatonthemat');
      expect(chars.filter((c) => c.gap !== 'unscored').length).toBeGreaterThan(10);
      expect(chars.every((c) => Number.isFinite(c.backward))).toBe(bidirectional);
      expect(chars.every((c) => decidingSide(c) === (bidirectional ? decidingSide(c) : 'one-way'))).toBe(true);
      s.delete();
    }
  });
});
