// One training run as the Runs table keeps it: from a model with fresh (or opened) weights until the
// next model replaces it — its settings, how far and how long it trained, where its losses ended, the
// task's held-out score — with a thinned loss curve, so the last KEEP_RUNS runs stay well under a megabyte.
import type { RunCurve, RunMetric, RunRow } from '../../ui/runs/runRow';
import type { TaskScores } from '../../protocol';

export const CURVE_POINTS = 500;       // smoothed training loss
export const VALIDATION_POINTS = 100;  // validation measurements
export const KEEP_RUNS = 20;

export interface RunRecord extends RunRow {
  settings: Record<string, string | number | boolean>;  // the core settings it was built with
  updatedAt: number;  // ms since 1970
}

// At most `max` points: consecutive points averaged in equal buckets, each bucket placed at its last
// step, so the curve still ends at the run's last step.
export function thinCurve(c: RunCurve, max: number): RunCurve {
  const n = Math.min(c.steps.length, c.bits.length);
  if (n <= max) return { steps: c.steps.slice(0, n), bits: c.bits.slice(0, n) };
  const bucket = Math.ceil(n / max);
  const out: RunCurve = { steps: [], bits: [] };
  for (let start = 0; start < n; start += bucket) {
    const end = Math.min(n, start + bucket);
    let sum = 0;
    for (let i = start; i < end; i++) sum += c.bits[i];
    out.steps.push(c.steps[end - 1]);
    out.bits.push(sum / (end - start));
  }
  return out;
}

// The score the table shows for a task: F1 of the predicted spaces for spacing (spaces are rare, so
// accuracy says little), accuracy otherwise (lm: of the next character; classify: of the labels).
export function taskMetric(task: string, scores: TaskScores): RunMetric | null {
  const kind = task === 'spacing' ? 'f1' : 'accuracy';
  const value = kind === 'f1' ? scores.f1 : scores.accuracy;
  return Number.isFinite(value) ? { kind, value } : null;
}

// The runs kept, newest first, with `record` put in (replacing its earlier copy), at most `keep`.
export function withRun(runs: readonly RunRecord[], record: RunRecord, keep = KEEP_RUNS): RunRecord[] {
  return [record, ...runs.filter((r) => r.id !== record.id)].sort((a, b) => b.startedAt - a.startedAt).slice(0, keep);
}

// The runs beyond the newest `keep`: the store deletes them.
export function beyondNewest(runs: readonly Pick<RunRecord, 'id' | 'startedAt'>[], keep = KEEP_RUNS): string[] {
  return [...runs].sort((a, b) => b.startedAt - a.startedAt).slice(keep).map((r) => r.id);
}

// The number the next run is shown with: one more than any kept (runs deleted leave their numbers unused).
export function nextRunNumber(runs: readonly Pick<RunRecord, 'number'>[]): number {
  return runs.reduce((m, r) => Math.max(m, r.number), 0) + 1;
}
