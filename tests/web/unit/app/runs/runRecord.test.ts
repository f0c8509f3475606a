// The runs table's record: what begins a new run, when it is written, how its curve is thinned and how
// many runs are kept.
import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../../../web/generated/core.mjs';
import { LossHistory } from '../../../../../web/src/app/model/lossHistory';
import {
  beyondNewest, CURVE_POINTS, KEEP_RUNS, nextRunNumber, taskMetric, thinCurve, VALIDATION_POINTS, withRun, type RunRecord,
} from '../../../../../web/src/app/runs/runRecord';
import { curvesOf, RunRecorder, WRITE_EVERY_MS } from '../../../../../web/src/app/runs/runRecorder';
import type { RunEvent } from '../../../../../web/src/app/model/modelLifecycle';
import { modelEvent, progressEvent, validationEvent } from '../../../support/runEvents';

const lstm = { cell: 'lstm', hiddenSize: 64, numLayers: 1, task: 'lm', bidirectional: false, step: 0 } as unknown as ModelSummary;
const gru = { ...lstm, cell: 'gru', hiddenSize: 32, numLayers: 2 } as unknown as ModelSummary;
const LN2 = Math.LN2;

describe('thinCurve', () => {
  it('keeps a short curve as it is', () => {
    const c = { steps: [1, 2, 3], bits: [3, 2, 1] };
    expect(thinCurve(c, 5)).toEqual(c);
  });

  it('averages a long curve into at most max points ending at its last step', () => {
    const steps = Array.from({ length: 10_001 }, (_, i) => i + 1);
    const thin = thinCurve({ steps, bits: steps.map((s) => s % 2) }, CURVE_POINTS);
    expect(thin.steps.length).toBeLessThanOrEqual(CURVE_POINTS);
    expect(thin.steps.length).toBeGreaterThan(CURVE_POINTS / 2);
    expect(thin.steps[thin.steps.length - 1]).toBe(10_001);
    expect(thin.bits[0]).toBeCloseTo(0.5, 1);  // a bucket of alternating 1, 0 averages to a half
    expect([...thin.steps].sort((a, b) => a - b)).toEqual(thin.steps);
  });
});

describe('curvesOf', () => {
  it('thins a long run from the real loss history', () => {
    const h = new LossHistory();
    for (let step = 1; step <= 20_000; step++) {
      h.append(new Float32Array([(2 + 1000 / step) * LN2]), step);
      if (step % 50 === 0) h.addValidation(step, 2 + 1000 / step);
    }
    const c = curvesOf(h);
    expect(c.train.steps.length).toBeLessThanOrEqual(CURVE_POINTS);
    expect(c.train.steps[c.train.steps.length - 1]).toBe(20_000);
    expect(c.validation.steps.length).toBeLessThanOrEqual(VALIDATION_POINTS);
    expect(c.validation.steps[c.validation.steps.length - 1]).toBe(20_000);
    expect(c.train.bits[c.train.bits.length - 1]).toBeLessThan(c.train.bits[0]);  // the loss fell
  });
});

describe('bounding the runs kept', () => {
  const run = (i: number) => ({ id: `r${i}`, number: i, startedAt: 1000 + i }) as RunRecord;

  it('keeps the newest KEEP_RUNS, newest first, one copy per run', () => {
    let runs: RunRecord[] = [];
    for (let i = 1; i <= KEEP_RUNS + 5; i++) runs = withRun(runs, run(i));
    runs = withRun(runs, { ...run(KEEP_RUNS + 5), step: 99 });
    expect(runs).toHaveLength(KEEP_RUNS);
    expect(runs[0]).toMatchObject({ id: `r${KEEP_RUNS + 5}`, step: 99 });
    expect(runs[runs.length - 1].id).toBe('r6');
    expect(beyondNewest([run(3), run(1), run(2)], 2)).toEqual(['r1']);
  });

  it('numbers a new run one past any kept', () => {
    expect(nextRunNumber([])).toBe(1);
    expect(nextRunNumber([run(4), run(9), run(2)])).toBe(10);
  });
});

describe('taskMetric', () => {
  const scores = { accuracy: 0.8, precision: 0.5, recall: 0.5, f1: 0.6, confusion: new Float64Array() };
  it('is F1 for spacing, accuracy for the others, none when not measured', () => {
    expect(taskMetric('spacing', scores)).toEqual({ kind: 'f1', value: 0.6 });
    expect(taskMetric('lm', scores)).toEqual({ kind: 'accuracy', value: 0.8 });
    expect(taskMetric('classify', scores)).toEqual({ kind: 'accuracy', value: 0.8 });
    expect(taskMetric('lm', { ...scores, accuracy: Number.NaN })).toBeNull();
  });
});

// A training slice of one step whose loss is 3 bits per character.
const progress = (step: number): RunEvent => {
  const e = progressEvent(step);
  if (e.type === 'progress') e.progress.losses[0] = 3 * LN2;
  return e;
};

function harness() {
  const saved: RunRecord[] = [];
  let now = 0;
  const recorder = new RunRecorder({
    settings: () => ({ cell: 'lstm', seed: 1 }),
    now: () => now,
    date: () => 1_700_000_000_000 + now,
    save: (r) => saved.push(r),
  });
  const train = (step: number) => recorder.onSignal(progress(step));
  return { recorder, saved, train, advance: (ms: number) => (now += ms) };
}

describe('RunRecorder', () => {
  it('keeps a run only once it has trained, and writes it at most every WRITE_EVERY_MS while training', () => {
    const t = harness();
    t.recorder.onSignal(modelEvent(lstm));
    t.recorder.onSignal(validationEvent(0, 6));
    expect(t.saved).toHaveLength(0);  // built, measured, never trained: no run to compare
    t.train(1);
    expect(t.saved).toHaveLength(1);
    t.advance(WRITE_EVERY_MS / 2);
    t.train(2);
    expect(t.saved).toHaveLength(1);
    t.advance(WRITE_EVERY_MS);
    t.train(3);
    expect(t.saved).toHaveLength(2);
    t.recorder.onSignal({ type: 'paused', step: 3 });
    expect(t.saved).toHaveLength(2);  // nothing new since the last write
    t.train(4);
    t.recorder.onSignal({ type: 'paused', step: 4 });
    expect(t.saved).toHaveLength(3);  // a pause writes at once
    expect(t.saved[2]).toMatchObject({ cell: 'lstm', hiddenSize: 64, numLayers: 1, task: 'lm', firstStep: 0, step: 4, trainMillis: 4 });
    expect(t.saved[2].trainBits).toBeCloseTo(3, 5);
    expect(t.saved[2].curve.steps).toEqual([1, 2, 3, 4]);
    expect(new Set(t.saved.map((r) => r.id)).size).toBe(1);
  });

  it('begins a new run with each new model, writing the one it replaces as it ended', () => {
    const t = harness();
    t.recorder.onSignal(modelEvent(lstm));
    t.train(1);
    t.advance(WRITE_EVERY_MS / 2);
    t.train(2);  // not written yet (too soon)
    t.recorder.onSignal({ type: 'validation', step: 2, bits: 4.5, scores: { accuracy: 0.25, precision: 0, recall: 0, f1: 0, confusion: new Float64Array() } });
    t.recorder.onSignal(modelEvent(gru));  // a reset with another cell
    const first = t.saved[t.saved.length - 1];
    expect(first).toMatchObject({ cell: 'lstm', step: 2, validationBits: 4.5, metric: { kind: 'accuracy', value: 0.25 } });
    expect(first.curve.steps).toEqual([1, 2]);  // its curves, though the history is the new model's now
    expect(first.validation).toEqual({ steps: [2], bits: [4.5] });
    expect(first.trainBits).toBeCloseTo(3, 5);
    t.train(1);
    const second = t.saved[t.saved.length - 1];
    expect(second).toMatchObject({ cell: 'gru', hiddenSize: 32, numLayers: 2, step: 1, validationBits: null, metric: null });
    expect(second.id).not.toBe(first.id);
  });

  it('counts an opened model file from the step it was saved at', () => {
    const t = harness();
    t.recorder.onSignal(modelEvent(lstm, 50));
    t.recorder.onSignal({ type: 'paused', step: 50 });
    expect(t.saved).toHaveLength(0);
    t.train(51);
    expect(t.saved[0]).toMatchObject({ firstStep: 50, step: 51 });
  });

  it('follows a diverged run back to the step it was restored to', () => {
    const t = harness();
    t.recorder.onSignal(modelEvent(lstm));
    for (let step = 1; step <= 5; step++) t.train(step);
    t.recorder.onSignal({ type: 'stopped', step: 3, stop: { reason: 'blowUp', atStep: 5, lossNats: 9, restoredStep: 3 } });
    expect(t.saved[t.saved.length - 1]).toMatchObject({ step: 3, curve: { steps: [1, 2, 3] } });
  });

  it('after the runs are deleted, keeps nothing of the run training now until the next model', () => {
    const t = harness();
    t.recorder.onSignal(modelEvent(lstm));
    t.train(1);
    t.recorder.forget();
    t.advance(WRITE_EVERY_MS * 2);
    t.train(2);
    t.recorder.onSignal({ type: 'paused', step: 2 });
    expect(t.saved).toHaveLength(1);
    t.recorder.onSignal(modelEvent(gru));
    t.train(1);
    expect(t.saved).toHaveLength(2);
  });
});
