// Large texts: counted in one fast pass that agrees with a plain Map count, and previewed without ever
// cutting a surrogate pair in two.
import { describe, expect, it } from 'vitest';
import { textStats } from '../../../../web/src/state/textStats';
import { afterPaste, preview } from '../../../../web/src/ui/text/largeText';

// Counting the obvious way, to compare the fast pass with.
function plainCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of text) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

describe('textStats on mixed scripts', () => {
  it('finds the same vocabulary, in code point order, and the same entropy as a plain count', () => {
    let seed = 7;
    const pool = [...'aZ09 \n\t\u0000é한글中文🙂🌲𝔸\uFFFD\uFFFF'];
    let text = '';
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += pool[seed % pool.length];
    }
    const counts = plainCounts(text);
    const s = textStats(text, 0.1);
    expect(s.vocab).toEqual([...counts.keys()].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
    expect(s.characters).toBe([...text].length);
    let entropy = 0;
    for (const k of counts.values()) entropy -= (k / s.characters) * Math.log2(k / s.characters);
    expect(s.unigramBits).toBeCloseTo(entropy, 10);
  });

  // How fast (well under a second) is measured by `npm run bench`: bench/web/textStats.bench.ts.
  it('counts 10 MB right', () => {
    const line = 'the quick brown fox jumps over the lazy dog 🙂\n';
    const s = textStats(line.repeat(220_000), 0.1);
    expect(s.characters).toBe(46 * 220_000);
    expect(s.vocab).toEqual([...new Set(line)].sort((x, y) => x.codePointAt(0)! - y.codePointAt(0)!));
  });
});

describe('large text preview', () => {
  it('never ends inside a surrogate pair', () => {
    const text = 'ab🙂cd';
    expect(preview(text, 3)).toBe('ab');    // 🙂 is units 2-3: cutting after unit 3 would split it
    expect(preview(text, 4)).toBe('ab🙂');
    expect(preview(text, 100)).toBe(text);
  });

  it('pastes over the selection', () => {
    expect(afterPaste('hello world', 6, 11, 'there')).toBe('hello there');
    expect(afterPaste('', 0, 0, 'x')).toBe('x');
  });
});
