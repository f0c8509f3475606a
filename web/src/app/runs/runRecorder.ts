// Follows the run's events and keeps its record up to date: a new model (fresh weights from a reset,
// a setting or text that rebuilds it, an opened model file, a restored save) begins a new run; training
// progress, validations and the task's scores update it. A run is kept only once it has trained a step,
// and written at most every WRITE_EVERY_MS while training, at once when training stops.
// The recorder keeps its own loss history of the run: the lifecycle clears the page's for a new model
// before the page hears of it, and the run it replaces must still be written with its whole curve.
import type { RunEvent } from '../model/modelLifecycle';
import { LossHistory } from '../model/lossHistory';
import type { RunCurve } from '../../ui/runs/runRow';
import { CURVE_POINTS, VALIDATION_POINTS, taskMetric, thinCurve, type RunRecord } from './runRecord';

export const WRITE_EVERY_MS = 2000;

export interface RunRecorderDeps {
  settings(): Record<string, string | number | boolean>;
  now(): number;        // a monotonic clock, for pacing the writes
  date(): number;       // ms since 1970
  save(record: RunRecord): void;
}

export class RunRecorder {
  private run: RunRecord | null = null;
  private dirty = false;
  private lastWrite = -Infinity;
  private readonly history = new LossHistory();

  constructor(private readonly deps: RunRecorderDeps) {}

  get current(): RunRecord | null {
    return this.run;
  }

  onSignal(s: RunEvent): void {
    switch (s.type) {
      case 'model':
        this.write();  // the run the new model replaces, as it ended
        this.run = this.begin(s.summary, s.step);
        this.history.clear();
        this.dirty = false;
        this.lastWrite = -Infinity;
        return;
      case 'progress':
        if (!this.run) return;
        this.history.append(s.progress.losses, s.step);
        this.run.step = s.step;
        this.run.trainMillis += s.progress.wallMillis;
        this.dirty = true;
        if (this.deps.now() - this.lastWrite >= WRITE_EVERY_MS) this.write();
        return;
      case 'validation':
        if (!this.run || s.step < this.run.firstStep) return;
        this.history.addValidation(s.step, s.bits);
        if (Number.isFinite(s.bits)) this.run.validationBits = s.bits;
        this.run.metric = taskMetric(this.run.task, s.scores) ?? this.run.metric;
        this.dirty = true;
        if (this.deps.now() - this.lastWrite >= WRITE_EVERY_MS) this.write();
        return;
      case 'paused':
      case 'stopped':
      case 'trainingFailed':
        if (s.type === 'stopped' && s.stop.restoredStep !== null) this.history.truncateAfter(s.stop.restoredStep);  // gone back
        if (this.run && s.type !== 'trainingFailed' && s.step !== this.run.step) {
          this.run.step = s.step;  // steps finished before the pause arrived (or a diverged run gone back)
          this.dirty = true;
        }
        this.write();
        return;
      case 'crashed':
        this.write();
        this.run = null;
        return;
      default:
        return;
    }
  }

  // The runs were deleted: the one training now is not kept either (until the next model).
  forget(): void {
    this.run = null;
    this.dirty = false;
  }

  // Writes what changed, if the run has trained at all (a model nobody trained is no run to compare).
  flush(): void {
    this.write();
  }

  private write(): void {
    const run = this.run;
    if (!run || !this.dirty || run.step <= run.firstStep) return;
    const curves = curvesOf(this.history);
    run.trainBits = Number.isFinite(this.history.lastSmoothed) ? this.history.lastSmoothed : null;
    run.curve = curves.train;
    run.validation = curves.validation;
    run.updatedAt = this.deps.date();
    this.dirty = false;
    this.lastWrite = this.deps.now();
    this.deps.save(structuredClone(run));  // the copy kept does not change with the run
  }

  private begin(m: { cell: string; hiddenSize: number; numLayers: number; task: string; bidirectional: boolean }, step: number): RunRecord {
    const date = this.deps.date();
    return {
      id: `${date.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, number: 0, startedAt: date, updatedAt: date,
      cell: m.cell, hiddenSize: m.hiddenSize, numLayers: m.numLayers, task: m.task, bidirectional: m.bidirectional,
      settings: { ...this.deps.settings() }, firstStep: step, step, trainMillis: 0,
      trainBits: null, validationBits: null, metric: null, curve: { steps: [], bits: [] }, validation: { steps: [], bits: [] },
    };
  }
}

// A run's curves from the model's loss history: the smoothed training loss (one point per bucket of
// steps) and the validation measurements, each thinned.
export function curvesOf(history: LossHistory): { train: RunCurve; validation: RunCurve } {
  const d = history.chartData(CURVE_POINTS);
  const train: RunCurve = { steps: [], bits: [] };
  d.steps.forEach((step, i) => {
    const bits = d.smooth[i];
    if (d.raw[i] !== null && bits !== null) {
      train.steps.push(step);
      train.bits.push(bits);
    }
  });
  const v = history.validations;
  return {
    train: thinCurve(train, CURVE_POINTS),
    validation: thinCurve({ steps: v.map((m) => m.step), bits: v.map((m) => m.bits) }, VALIDATION_POINTS),
  };
}
