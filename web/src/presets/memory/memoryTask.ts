// Texts whose structure needs memory at a known distance (issue "memory, made visible"): a character
// model can learn them like any text, and the page scores it only where memory is needed. Every
// generator is deterministic in its seed and makes a text of any length; each example in it has its
// own distance, drawn up to the chosen maximum, so one run measures accuracy against distance.
import { seededRandom } from '../brackets';

export type MemoryTaskId = 'copy' | 'brackets' | 'parity';

// A position whose character can only be predicted from `distance` characters back, and what chance
// alone would score there.
export interface MemoryProbe {
  position: number;   // index (code points) of the character to predict
  distance: number;   // how far back the character it depends on is
}

export interface MemoryText {
  text: string;
  probes: MemoryProbe[];
  chance: number;     // accuracy of a guess from the right alphabet, knowing nothing of the past
}

export interface MemoryOptions {
  seed: number;
  characters: number;   // the text stops after the first example that reaches this many
  maxDistance: number;  // 5 … 200
}

export const MIN_DISTANCE = 5;
export const MAX_DISTANCE = 200;

// Distances spread evenly (in log scale) from MIN_DISTANCE up to `max`, so short and long both occur.
export function drawDistance(random: () => number, max: number): number {
  const hi = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, max));
  return Math.round(Math.exp(Math.log(MIN_DISTANCE) + random() * (Math.log(hi) - Math.log(MIN_DISTANCE))));
}

// Builds a text from examples; `example` appends one and returns its probes relative to its start.
export function buildText(options: MemoryOptions, example: (random: () => number, distance: number) => { text: string; probes: MemoryProbe[] }): Omit<MemoryText, 'chance'> {
  const random = seededRandom(options.seed);
  const parts: string[] = [];
  const probes: MemoryProbe[] = [];
  let length = 0;  // code points so far (every generated character is one UTF-16 unit)
  while (length < options.characters) {
    const e = example(random, drawDistance(random, options.maxDistance));
    for (const p of e.probes) probes.push({ position: length + p.position, distance: p.distance });
    parts.push(e.text);
    length += e.text.length;
  }
  return { text: parts.join(''), probes };
}

// Accuracy per distance bucket (log-spaced), for the memory chart.
export function accuracyByDistance(probes: readonly MemoryProbe[], correct: ArrayLike<boolean | number>, buckets = 8, max = MAX_DISTANCE): { distance: number; accuracy: number; count: number }[] {
  const edges = Array.from({ length: buckets + 1 }, (_, i) => MIN_DISTANCE * Math.pow(max / MIN_DISTANCE, i / buckets));
  const hits = new Array<number>(buckets).fill(0);
  const counts = new Array<number>(buckets).fill(0);
  probes.forEach((p, i) => {
    const b = Math.min(buckets - 1, Math.max(0, edges.findIndex((e, k) => k > 0 && p.distance <= e) - 1));
    counts[b]++;
    if (correct[i]) hits[b]++;
  });
  return counts.flatMap((n, b) => (n > 0 ? [{ distance: Math.round(Math.sqrt(edges[b] * edges[b + 1])), accuracy: hits[b] / n, count: n }] : []));
}
