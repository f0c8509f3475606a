import { describe, expect, it } from 'vitest';
import { Throughput } from '../../../../../web/src/app/model/throughput';

describe('throughput', () => {
  it('measures characters per second of worker wall time over the last two seconds', () => {
    const t = new Throughput();
    expect(t.charsPerSecond).toBeNaN();
    for (let i = 0; i < 100; i++) t.add(25, 20, 500);  // 500 chars every 25 ms: 20,000/s
    expect(t.charsPerSecond).toBeCloseTo(20_000, 5);
    expect(t.trainShare).toBeCloseTo(0.8, 5);
    expect(t.elapsedMs).toBe(2500);
    for (let i = 0; i < 100; i++) t.add(50, 50, 500);  // slower: 10,000/s; the old pace drops out
    expect(t.charsPerSecond).toBeCloseTo(10_000, 5);
    expect(t.charsTrained).toBe(100_000);
  });

  it('starts a fresh window after a pause, keeping the totals', () => {
    const t = new Throughput();
    t.add(1000, 1000, 1000);
    t.restartWindow();
    expect(t.charsPerSecond).toBeNaN();
    expect(t.elapsedMs).toBe(1000);
  });
});
