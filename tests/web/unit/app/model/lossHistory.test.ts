// The loss curve: bits per character, smoothing, bounded chart data, going back to a checkpoint.
import { describe, expect, it } from 'vitest';
import { LossHistory } from '../../../../../web/src/app/model/lossHistory';

const nats = (...bits: number[]) => Float32Array.from(bits.map((b) => b * Math.LN2));

describe('loss history', () => {
  it('stores bits per character and smooths without a start-up bias', () => {
    const h = new LossHistory();
    h.append(nats(4, 4, 4), 3);
    expect(h.length).toBe(3);
    expect(h.lastStep).toBe(3);
    expect(h.lastSmoothed).toBeCloseTo(4, 5);  // bias-corrected: a constant stays itself
    h.append(nats(2), 4);
    expect(h.lastSmoothed).toBeLessThan(4);
    expect(h.lastSmoothed).toBeGreaterThan(2);
  });

  it('starts where the model is (a loaded model may be past step 1)', () => {
    const h = new LossHistory();
    h.append(nats(3, 3), 101);
    expect(h.firstStep).toBe(100);
    expect(h.chartData(10).steps).toEqual([100, 101]);
  });

  it('buckets long runs into at most the asked number of points, validation merged in order', () => {
    const h = new LossHistory();
    const many = Array.from({ length: 1000 }, (_, i) => 5 - i / 250);
    h.append(nats(...many), 1000);
    h.addValidation(255, 4.2);
    h.addValidation(1000, 1.5);
    const d = h.chartData(100);
    const trainPoints = d.raw.filter((x) => x !== null).length;
    expect(trainPoints).toBe(100);
    expect(d.steps.length).toBe(101);  // one validation step falls between buckets
    for (let i = 1; i < d.steps.length; i++) expect(d.steps[i]).toBeGreaterThan(d.steps[i - 1]);
    expect(d.validation.filter((x) => x !== null)).toEqual([4.2, 1.5]);
    expect(d.raw[0]).toBeCloseTo((5 + 5 - 9 / 250) / 2, 3);  // the mean of the first 10-step bucket
  });

  it('forgets what came after a restored checkpoint', () => {
    const h = new LossHistory();
    h.append(nats(5, 4, 3, 200, 400), 5);
    h.addValidation(2, 4.5);
    h.addValidation(5, 300);
    h.truncateAfter(3);
    expect(h.lastStep).toBe(3);
    expect(h.lastValidation).toEqual({ step: 2, bits: 4.5 });
    expect(h.lastSmoothed).toBeLessThan(5);
    h.append(nats(3), 4);
    expect(h.lastStep).toBe(4);
  });
});
