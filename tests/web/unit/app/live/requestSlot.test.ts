// One request in flight per slot, the newest wish waiting; cadences that respect a time budget.
import { describe, expect, it } from 'vitest';
import { Cadence, RequestSlot } from '../../../../../web/src/app/live/requestSlot';

// A request the test answers by hand: the worker's reply, a failure, or never (a replaced model).
function manualWorker() {
  const sent: { payload: string; resolve(r: string): void; reject(e: Error): void }[] = [];
  const send = (payload: string) => new Promise<string>((resolve, reject) => sent.push({ payload, resolve, reject }));
  return { sent, send };
}
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('request slot', () => {
  it('sends one at a time and only the latest waiting request', async () => {
    const w = manualWorker();
    const answers: string[] = [];
    const slot = new RequestSlot<string, string>(w.send, (reply) => answers.push(reply));
    slot.request('a');
    slot.request('ab');
    slot.request('abc');
    expect(w.sent.map((s) => s.payload)).toEqual(['a']);
    w.sent[0].resolve('A');
    await settled();
    expect(answers).toEqual(['A']);
    expect(w.sent.map((s) => s.payload)).toEqual(['a', 'abc']);
    expect(slot.busy).toBe(true);
    w.sent[1].reject(new Error('no'));  // a failure frees the slot too
    await settled();
    expect(slot.busy).toBe(false);
    expect(answers).toEqual(['A']);
  });

  it('stops waiting when the model changes', async () => {
    const w = manualWorker();
    const answers: string[] = [];
    const slot = new RequestSlot<string, string>(w.send, (reply) => answers.push(reply));
    slot.request('1');
    slot.request('2');
    slot.reset();
    expect(slot.busy).toBe(false);
    w.sent[0].resolve('late');  // an answer about the old model, if it came at all, is ignored
    await settled();
    expect(answers).toEqual([]);
    slot.request('3');
    expect(w.sent.map((s) => s.payload)).toEqual(['1', '3']);
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
