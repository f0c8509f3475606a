// The memory tasks as presets of the page. The bracket task's preset is "nesting": the id "brackets"
// already names the older diagnostic corpus, and links to it must keep working.
import type { MemoryTaskId } from './memoryTask';

const TASK_OF_PRESET = { copy: 'copy', nesting: 'brackets', parity: 'parity' } as const satisfies Record<string, MemoryTaskId>;
export type MemoryPresetId = keyof typeof TASK_OF_PRESET;
export const MEMORY_PRESET_IDS = Object.keys(TASK_OF_PRESET) as MemoryPresetId[];

export function isMemoryPreset(id: string): id is MemoryPresetId {
  return Object.hasOwn(TASK_OF_PRESET, id);
}

export function memoryTaskOf(id: MemoryPresetId): MemoryTaskId {
  return TASK_OF_PRESET[id];
}

// Long enough that a small model learns the task rather than its examples.
export const MEMORY_TRAIN_CHARACTERS = 200_000;
