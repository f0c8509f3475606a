// Scoring a model on a memory text: only the probe positions count, and a probe is right when the
// model's most likely next character (read from a zero state over the whole text) is the true one.
// The worker compares (it holds the forward pass's output); the page and the benchmark bucket the hits.
import { MEMORY_TASKS } from './tasks';
import { accuracyByDistance, type MemoryProbe, type MemoryText } from './memoryTask';
import type { MemoryTaskId } from './memoryTask';

// The core reads at most this many characters in one inspection (core/infer/inspect.hpp).
export const HELD_OUT_CHARACTERS = 3800;
// Training texts use the preset's seed; the held-out text another, so a model that memorised its
// training examples does not score by rote.
export const TRAIN_SEED = 7;
export const HELD_OUT_SEED = 1_000_007;

export function memoryText(id: MemoryTaskId, maxDistance: number, seed: number, characters: number): MemoryText {
  return MEMORY_TASKS[id]({ seed, characters, maxDistance });
}

// Positions to score and the vocabulary id of the character due there (-1: a character the model does
// not know, which no prediction can match).
export function probeTargets(text: string, probes: readonly MemoryProbe[], vocab: readonly string[]): { positions: Int32Array; targets: Int32Array } {
  const chars = [...text];
  const index = new Map(vocab.map((c, i) => [c, i]));
  const positions = Int32Array.from(probes, (p) => p.position);
  const targets = Int32Array.from(probes, (p) => index.get(chars[p.position]) ?? -1);
  return { positions, targets };
}

// topIds: (steps × topK) the model's ranked next characters after each step, as inspect returns them; the
// prediction for position p is made after reading p − 1 (a probe at 0 has nothing before it: wrong).
export function probeHits(positions: Int32Array, targets: Int32Array, topIds: Int32Array, topK: number): Uint8Array {
  return Uint8Array.from(positions, (p, i) => (p > 0 && targets[i] >= 0 && topIds[(p - 1) * topK] === targets[i] ? 1 : 0));
}

export interface MemoryScore {
  step: number;
  chance: number;
  overall: number;  // accuracy over every probe
  buckets: { distance: number; accuracy: number; count: number }[];
}

export function memoryScore(step: number, held: MemoryText, hits: Uint8Array, maxDistance: number): MemoryScore {
  const overall = hits.length > 0 ? hits.reduce((a, b) => a + b, 0) / hits.length : 0;
  return { step, chance: held.chance, overall, buckets: accuracyByDistance(held.probes, hits, 6, Math.max(10, maxDistance)) };
}
