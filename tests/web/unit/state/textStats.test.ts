// What the text panel says about a text must be what the core makes of it.
import { describe, expect, it } from 'vitest';
import { keepKnown, minimumTrainCharacters, textStats, unknownCharacters, validationCount, wellFormed } from '../../../../web/src/state/textStats';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';

describe('text statistics', () => {
  it('counts code points, not UTF-16 units', () => {
    const s = textStats('한글 😀😀 ab', 0);
    expect(s.characters).toBe(8);
    expect(s.vocab).toEqual([' ', 'a', 'b', '글', '한', '😀']);
    expect(s.validationCharacters).toBe(0);
  });

  it('measures the letter-frequency entropy in bits', () => {
    expect(textStats('abab', 0).unigramBits).toBeCloseTo(1, 10);
    expect(textStats('aaaa', 0).unigramBits).toBeCloseTo(0, 10);
    expect(textStats('abcd', 0).unigramBits).toBeCloseTo(2, 10);
  });

  it('replaces lone surrogates, keeps pairs', () => {
    expect(wellFormed('a\uD800b')).toBe('a\uFFFDb');
    expect(wellFormed('a\uDC00')).toBe('a\uFFFD');
    expect(wellFormed('😀')).toBe('😀');
  });

  it('finds and drops characters outside a vocabulary', () => {
    const vocab = new Set(['a', 'b', ' ']);
    expect(unknownCharacters('a x b y x', vocab)).toEqual(['x', 'y']);
    expect(keepKnown('a x b', vocab)).toBe('a  b');
  });

  it('agrees with the core on vocabulary order and the train/validation split', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const settings = { ...coreSettings(defaultState()), hiddenSize: 4, seqLen: 2, batch: 1 };
    const texts = ['zebra apple 한국어 😀 ~!', 'x'.repeat(7) + 'y'.repeat(13), 'the quick brown fox '.repeat(7)];
    for (const text of texts) {
      for (const valFrac of [0, 0.05, 0.1, 0.15, 0.3, 0.5]) {
        const mine = textStats(text, valFrac);
        const r = session.create(text, { ...settings, valFrac });
        if (!r.ok) throw new Error(r.error);
        expect(mine.characters).toBe(r.characters);
        expect(mine.vocab).toEqual(r.vocab);
        expect([mine.trainCharacters, mine.validationCharacters], `${valFrac} of ${mine.characters}`).toEqual([r.trainCharacters, r.validationCharacters]);
      }
    }
    session.delete();
  });

  it('matches the core on the shortest trainable text', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const settings = { ...coreSettings(defaultState()), hiddenSize: 4, valFrac: 0, seqLen: 7, batch: 3 };
    const need = minimumTrainCharacters(3, 7);
    const text = (n: number) => 'ab'.repeat(n).slice(0, n);
    expect(session.create(text(need), settings).ok).toBe(true);
    const short = session.create(text(need - 1), settings);
    expect(short.ok).toBe(false);
    expect(validationCount(19, 0.1)).toBe(0);  // under 2 held out: none
    session.delete();
  });
});
