// What the text panel says about a text before any model exists: characters (Unicode code points, as
// the core counts them), the vocabulary, the train/validation split exactly as the core makes it, and
// the unigram entropy — the bits per character of a model that knows only how often each character
// occurs, the first milestone a learning model passes.

export interface TextStats {
  characters: number;
  vocab: string[];          // distinct characters in code point order (the core's vocabulary order)
  trainCharacters: number;
  validationCharacters: number;
  unigramBits: number;      // entropy of the character frequencies, bits per character
}

// JS strings may hold lone UTF-16 surrogates (pasted from odd sources); UTF-8 cannot encode them, and
// the core would reject the text. Replace each with U+FFFD, as TextDecoder does. toWellFormed (ES2024)
// does it natively, which matters for texts of megabytes; the pattern is the fallback.
export function wellFormed(text: string): string {
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  if (native) return native.call(text);
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// Validation characters held out of n: the core's rule (core/text/corpus.cpp) — floor(n × frac) with
// frac as a float32, and none at all when that is under 2.
export function validationCount(n: number, valFrac: number): number {
  const v = Math.floor(n * Math.fround(valFrac));
  return v < 2 ? 0 : v;
}

// One pass over UTF-16 units with a counting array for the Basic Multilingual Plane: a 10 MB text is
// counted in tens of milliseconds, where a Map per character would hold the page for a second.
export function textStats(text: string, valFrac: number): TextStats {
  const bmp = new Uint32Array(0x10000);
  const astral = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const u = text.charCodeAt(i);
    const lo = u >= 0xd800 && u <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (lo >= 0xdc00 && lo <= 0xdfff) {
      const cp = ((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
      astral.set(cp, (astral.get(cp) ?? 0) + 1);
      i++;
    } else {
      bmp[u]++;
    }
  }
  const counts: [number, number][] = [];  // (code point, count) in code point order
  for (let cp = 0; cp < 0x10000; cp++) if (bmp[cp] > 0) counts.push([cp, bmp[cp]]);
  counts.push(...[...astral].sort((a, b) => a[0] - b[0]));
  let entropy = 0;
  for (const [, k] of counts) {
    const p = k / n;
    entropy -= p * Math.log2(p);
  }
  const validationCharacters = validationCount(n, valFrac);
  return {
    characters: n,
    vocab: counts.map(([cp]) => String.fromCodePoint(cp)),
    trainCharacters: n - validationCharacters,
    validationCharacters,
    unigramBits: entropy,
  };
}

// Characters of `text` outside `vocab`, each once, in order of appearance.
export function unknownCharacters(text: string, vocab: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const c of text) if (!vocab.has(c) && !out.includes(c)) out.push(c);
  return out;
}

// `text` without the characters outside `vocab`.
export function keepKnown(text: string, vocab: ReadonlySet<string>): string {
  let out = '';
  for (const c of text) if (vocab.has(c)) out += c;
  return out;
}

// Characters the core needs for training: batch × (sequence length + 1) (core/train/batcher.hpp).
export function minimumTrainCharacters(batch: number, seqLen: number): number {
  return batch * (seqLen + 1);
}
