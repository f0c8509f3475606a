// The one place a task says what it brings to the page: its panel (a feed: app/tasks/<task>/ asks,
// ui/tasks/<task>/ draws) and which shared panels do not apply to it. A new task is one row here.
import type { Task } from '../../../generated/core.mjs';
import { isMemoryPreset } from '../../presets/memory/memoryPresets';
import { classifyFeed } from './classify/classifyFeed';
import { memoryFeed } from './memory/memoryFeed';
import { spacingFeed } from './spacing/spacingFeed';
import type { TaskContext, TaskFeed } from './taskFeed';

export interface TaskPage {
  feed: ((ctx: TaskContext) => TaskFeed) | null;
  // Panels (state/lesson.ts ids) that only make sense for a language model: samples and "what comes
  // next" predict characters; the heatmaps show next-character guesses for a text read with its spaces.
  hides: readonly string[];
}

const LM_ONLY = ['samples', 'probe', 'inside'] as const;

export const TASK_PAGES: Record<Task, TaskPage> = {
  lm: { feed: null, hides: [] },
  spacing: { feed: spacingFeed, hides: LM_ONLY },
  classify: { feed: classifyFeed, hides: LM_ONLY },
};

// A language model on a memory task's text also gets the memory panel (accuracy against distance).
const MEMORY_PAGE: TaskPage = { feed: memoryFeed, hides: [] };

export function taskPageFor(task: Task, preset: string): { key: string; page: TaskPage } {
  return task === 'lm' && isMemoryPreset(preset) ? { key: 'memory', page: MEMORY_PAGE } : { key: task, page: TASK_PAGES[task] };
}
