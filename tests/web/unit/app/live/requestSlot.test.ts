// One request in flight per slot, the newest wish waiting; cadences that respect a time budget.
import { describe, expect, it } from 'vitest';
import { Cadence, RequestSlot } from '../../../../../web/src/app/live/requestSlot';

describe('request slot', () => {
  it('sends one at a time and only the latest waiting request', () => {
    const sent: string[] = [];
    let id = 0;
    const slot = new RequestSlot<string>((p) => {
      sent.push(p);
      return ++id;
    });
    slot.request('a');
    slot.request('ab');
    slot.request('abc');
    expect(sent).toEqual(['a']);
    expect(slot.settle(99)).toBe(false);  // not ours
    expect(slot.settle(1)).toBe(true);
    expect(sent).toEqual(['a', 'abc']);
    expect(slot.busy).toBe(true);
    expect(slot.settle(2)).toBe(true);
    expect(slot.busy).toBe(false);
  });

  it('stops waiting when the model changes', () => {
    let id = 0;
    const slot = new RequestSlot<number>(() => ++id);
    slot.request(1);
    slot.request(2);
    slot.reset();
    expect(slot.busy).toBe(false);
    expect(slot.settle(1)).toBe(false);
    slot.request(3);
    expect(id).toBe(2);
  });
});

describe('cadence', () => {
  it('runs every period unless the job is expensive, then within its share of time', () => {
    const c = new Cadence(1000, 0.05);
    expect(c.due(0)).toBe(true);
    c.ran(0, 10);  // cheap: next after the period
    expect(c.due(999)).toBe(false);
    expect(c.due(1000)).toBe(true);
    c.ran(1000, 200);  // 200 ms at 5% → every 4 s
    expect(c.due(4999)).toBe(false);
    expect(c.due(5000)).toBe(true);
    c.postpone(5000);
    expect(c.due(5500)).toBe(false);
    c.reset();
    expect(c.due(0)).toBe(true);
  });
});
