// The three memory tasks. Each example ends with a newline, so a model also learns where one starts.
import { buildText, MIN_DISTANCE, type MemoryOptions, type MemoryProbe, type MemoryText } from './memoryTask';

const LETTERS = 'abcdefgh';
const COPY_LENGTH = 4;
const FILLER = '.';

// Copy: a random string, a gap of filler, a marker, then the string again. The second copy's
// characters are predictable only from memory: its k-th character from k + gap + 1 + length back.
export function copyTask(options: MemoryOptions): MemoryText {
  const built = buildText(options, (random, distance) => {
    const word = Array.from({ length: COPY_LENGTH }, () => LETTERS[Math.floor(random() * LETTERS.length)]).join('');
    const gap = Math.max(1, distance - COPY_LENGTH - 1);
    const head = `${word}${FILLER.repeat(gap)}:`;
    const probes: MemoryProbe[] = [...word].map((_, k) => ({ position: head.length + k, distance: head.length }));
    return { text: `${head}${word}\n`, probes };
  });
  return { ...built, chance: 1 / LETTERS.length };
}

const PAIRS = [['(', ')'], ['[', ']'], ['{', '}'], ['<', '>']] as const;
const WORDS = ['a', 'b', 'c', 'x', 'y'];

// Brackets: nested openings, a stretch of words, then the closings in reverse order. Which closing
// comes next depends on the opening `distance` characters back.
export function bracketTask(options: MemoryOptions): MemoryText {
  const built = buildText(options, (random, distance) => {
    const depth = 1 + Math.floor(random() * 3);
    const opened = Array.from({ length: depth }, () => PAIRS[Math.floor(random() * PAIRS.length)]);
    let middle = '';
    while (middle.length < Math.max(MIN_DISTANCE, distance - 2 * depth + 1)) middle += `${WORDS[Math.floor(random() * WORDS.length)]} `;
    middle = middle.trimEnd();
    const head = opened.map((p) => p[0]).join('') + middle;
    const probes: MemoryProbe[] = [];
    let text = head;
    for (let k = depth - 1; k >= 0; k--) {
      probes.push({ position: text.length, distance: text.length - k });  // the opening sits at index k
      text += opened[k][1];
    }
    return { text: `${text}\n`, probes };
  });
  return { ...built, chance: 1 / PAIRS.length };
}

// Parity: a span of 0s and 1s, then "=" and whether the span held an odd number of 1s. The answer
// depends on every digit of the span, the first one `distance` characters back.
export function parityTask(options: MemoryOptions): MemoryText {
  const built = buildText(options, (random, distance) => {
    const span = Array.from({ length: Math.max(1, distance - 1) }, () => (random() < 0.5 ? '0' : '1')).join('');
    const odd = [...span].filter((c) => c === '1').length % 2 === 1;
    const head = `${span}=`;
    return { text: `${head}${odd ? 'o' : 'e'}\n`, probes: [{ position: head.length, distance: head.length }] };
  });
  return { ...built, chance: 0.5 };
}

export const MEMORY_TASKS = { copy: copyTask, brackets: bracketTask, parity: parityTask } as const;
