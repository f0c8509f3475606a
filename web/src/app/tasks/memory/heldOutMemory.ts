// The held-out text a memory task is scored on: the preset's task and distance, another seed. Made
// once per task and distance (the memory panel and the compare view ask on every frame).
import { isMemoryPreset, memoryTaskOf } from '../../../presets/memory/memoryPresets';
import { HELD_OUT_CHARACTERS, HELD_OUT_SEED, memoryText } from '../../../presets/memory/memoryScore';
import type { MemoryText } from '../../../presets/memory/memoryTask';

export interface HeldOutMemory {
  memory: MemoryText;
  maxDistance: number;
}

let last: { key: string; held: HeldOutMemory } | null = null;

// null: the page's text is not a memory task.
export function heldOutMemory(s: { preset: string; distance: number }): HeldOutMemory | null {
  if (!isMemoryPreset(s.preset)) return null;
  const key = `${s.preset}@${s.distance}`;
  if (last?.key !== key) {
    last = { key, held: { memory: memoryText(memoryTaskOf(s.preset), s.distance, HELD_OUT_SEED, HELD_OUT_CHARACTERS), maxDistance: s.distance } };
  }
  return last.held;
}
