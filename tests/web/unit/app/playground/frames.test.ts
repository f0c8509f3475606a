// The redraw policy: what a person did draws on the next frame; training progress at most 15 times a
// second, the chart at most 4 times a second while training.
import { describe, expect, it } from 'vitest';
import { FrameScheduler, type FrameClock } from '../../../../../web/src/app/playground/frames';

type Part = 'run' | 'chart' | 'text';

// A clock that runs frames and timers only when told to.
class FakeClock implements FrameClock {
  t = 0;
  private frames: (() => void)[] = [];
  private timers: { at: number; f: () => void }[] = [];
  now() { return this.t; }
  frame(f: () => void) { this.frames.push(f); }
  later(f: () => void, ms: number) { this.timers.push({ at: this.t + ms, f }); }
  advance(ms: number) {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      const frameAt = Math.ceil((this.t + 0.001) / 16) * 16;  // a 60 Hz display
      if (this.frames.length > 0 && frameAt <= end && (!next || frameAt <= next.at)) {
        this.t = frameAt;
        const fs = this.frames.splice(0);
        for (const f of fs) f();
      } else if (next && next.at <= end) {
        this.t = next.at;
        this.timers.shift()!.f();
      } else break;
    }
    this.t = end;
  }
}

function setup(training: boolean) {
  const clock = new FakeClock();
  const drawn: [number, Part][] = [];
  const s = new FrameScheduler<Part>(
    { progress: ['run', 'chart'], chart: 'chart', progressEveryMs: 66, chartEveryMs: 250 },
    clock,
    (p) => drawn.push([clock.t, p]),
  );
  s.training = training;
  return { clock, drawn, s };
}

describe('frame scheduler', () => {
  it('draws what a person changed on the next frame, once per frame however often marked', () => {
    const { clock, drawn, s } = setup(false);
    s.mark('text');
    s.mark('text');
    clock.advance(20);
    expect(drawn).toEqual([[16, 'text']]);
  });

  it('redraws training progress at most 15 times a second and the chart at most 4', () => {
    const { clock, drawn, s } = setup(true);
    for (let t = 0; t < 1000; t += 25) {  // progress every 25 ms, as the worker posts it
      s.mark('run', 'chart');
      clock.advance(25);
    }
    const runs = drawn.filter(([, p]) => p === 'run').map(([t]) => t);
    const charts = drawn.filter(([, p]) => p === 'chart').map(([t]) => t);
    expect(runs.length).toBeGreaterThanOrEqual(12);
    expect(runs.length).toBeLessThanOrEqual(16);
    for (let i = 1; i < runs.length; i++) expect(runs[i] - runs[i - 1]).toBeGreaterThanOrEqual(66);
    expect(charts.length).toBeGreaterThanOrEqual(3);
    expect(charts.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < charts.length; i++) expect(charts[i] - charts[i - 1]).toBeGreaterThanOrEqual(250);
  });

  it('does not hold the chart back when not training', () => {
    const { clock, drawn, s } = setup(false);
    s.mark('chart');
    clock.advance(20);
    s.mark('chart');
    clock.advance(100);
    expect(drawn.filter(([, p]) => p === 'chart').length).toBe(2);
  });
});
