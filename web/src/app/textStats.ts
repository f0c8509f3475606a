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
// the core would reject the text. Replace each with U+FFFD, as TextDecoder does.
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

// Validation characters held out of n: the core's rule (core/text/corpus.cpp) — floor(n × frac) with
// frac as a float32, and none at all when that is under 2.
export function validationCount(n: number, valFrac: number): number {
  const v = Math.floor(n * Math.fround(valFrac));
  return v < 2 ? 0 : v;
}

export function textStats(text: string, valFrac: number): TextStats {
  const counts = new Map<string, number>();
  let n = 0;
  for (const c of text) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    n++;
  }
  const vocab = [...counts.keys()].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  let entropy = 0;
  for (const k of counts.values()) {
    const p = k / n;
    entropy -= p * Math.log2(p);
  }
  const validationCharacters = validationCount(n, valFrac);
  return { characters: n, vocab, trainCharacters: n - validationCharacters, validationCharacters, unigramBits: entropy };
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
