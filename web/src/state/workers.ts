// How many workers share each training step (issue 15): the `workers` setting, 'auto' or a count.
// Auto keeps one core for the page (drawing, typing) and one for each model the compare view trains
// beside the learner's, and never goes above the cap: every worker holds a whole copy of the model and
// its optimizer state, and past eight the per-step exchange of gradients eats the gain (bench/README.md).
// Auto also stays within the memory budget for all workers together (workerMemory.ts); a count the
// learner chose is taken as given (each worker is still held to the core's own limit).
import { type TrainingShape, workersWithinBudget } from './workerMemory';

export const MAX_WORKERS = 8;

export const WORKER_OPTIONS = [
  { value: 'auto', label: 'Auto', say: 'setting.workers.auto' as const },
  ...Array.from({ length: MAX_WORKERS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
];

// The count a setting means on this machine; sideModels: models training beside the learner's now;
// shape: the model about to train, when known.
export function workerCount(setting: string, hardwareConcurrency: number | undefined, sideModels = 0, shape?: TrainingShape): number {
  const fixed = Number(setting);
  if (setting !== 'auto' && Number.isInteger(fixed) && fixed >= 1) return Math.min(fixed, MAX_WORKERS);
  const cores = hardwareConcurrency !== undefined && Number.isFinite(hardwareConcurrency) && hardwareConcurrency >= 1 ? Math.floor(hardwareConcurrency) : 1;
  const count = Math.max(1, Math.min(cores - 1, MAX_WORKERS) - Math.max(0, sideModels));
  return shape ? workersWithinBudget(count, shape) : count;
}
