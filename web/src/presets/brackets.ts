// A generated diagnostic corpus with long-range structure: every line is a balanced expression of
// nested brackets of four kinds and double quotes around short words. Which character closes a bracket
// depends on what opened it, possibly dozens of characters earlier, and whether a quote opens or closes
// depends on how many came before — structure a plain RNN loses and gated cells can learn. The words
// are few and predictable, so the remaining loss is mostly the structure; in the heatmaps, look for a
// unit that follows the nesting depth or flips inside quotes.
// Deterministic (seeded), so every visitor gets the same text.

const PAIRS = [['(', ')'], ['[', ']'], ['{', '}'], ['<', '>']] as const;
const WORDS = ['a', 'b', 'c', 'x', 'y', 'z', 'up', 'on', 'go', 'the', 'sun', 'sea', 'one', 'two'];

// mulberry32: a small, well-mixed 32-bit generator.
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BracketOptions {
  seed: number;
  characters: number;  // the text stops at the first line end after this many characters
  maxDepth: number;
}

export function bracketCorpus({ seed, characters, maxDepth }: BracketOptions): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];

  // A sequence of 1–3 items; each item nests deeper with a probability that falls with depth.
  const expression = (depth: number, inQuote: boolean): string => {
    const count = 1 + Math.floor(random() * 3);
    const items: string[] = [];
    for (let i = 0; i < count; i++) {
      const r = random();
      if (depth < maxDepth && r < 0.55 - depth * 0.07) {
        const [open, close] = pick(PAIRS);
        items.push(open + expression(depth + 1, inQuote) + close);
      } else if (!inQuote && r < 0.7) {
        items.push(`"${expression(depth + 1, true)}"`);
      } else {
        items.push(pick(WORDS));
      }
    }
    return items.join(' ');
  };

  const lines: string[] = [];
  let length = 0;
  while (length < characters) {
    const [open, close] = pick(PAIRS);
    const line = open + expression(1, false) + close;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

