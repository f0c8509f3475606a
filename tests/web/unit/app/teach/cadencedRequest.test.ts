// A teaching view's request: asked now or when its cadence is due, one in flight, paced by what the
// last answer cost, and deaf to answers about a replaced model.
import { describe, expect, it } from 'vitest';
import { cadencedRequest } from '../../../../../web/src/app/teach/cadencedRequest';

interface Reply {
  text: string;
  millis: number;
}

// A worker the test answers by hand, and a question the test sets (null: nothing to ask).
function harness(everyMs: number, share: number) {
  const sent: { payload: string; resolve(r: Reply): void }[] = [];
  const answers: string[] = [];
  let question: string | null = 'ab';
  const request = cadencedRequest({
    everyMs,
    share,
    question: () => question,
    send: (payload: string) => new Promise<Reply>((resolve) => sent.push({ payload, resolve })),
    answered: (r, payload) => answers.push(`${payload}:${r.text}`),
  });
  return { request, sent, answers, ask: (q: string | null) => (question = q) };
}
const settled = () => new Promise((r) => setTimeout(r, 0));

describe('cadenced request', () => {
  it('asks nothing without a question, and the latest question behind one in flight', async () => {
    const h = harness(500, 0.04);
    h.ask(null);
    h.request.ask();
    h.request.tick(0);
    expect(h.sent).toEqual([]);
    h.ask('a');
    h.request.ask();
    h.ask('ab');
    h.request.ask();
    h.ask('abc');
    h.request.ask();
    expect(h.sent.map((s) => s.payload)).toEqual(['a']);
    h.sent[0].resolve({ text: 'A', millis: 1 });
    await settled();
    expect(h.answers).toEqual(['a:A']);
    expect(h.sent.map((s) => s.payload)).toEqual(['a', 'abc']);
  });

  it('while training, asks again only when due and the last answer is in, paced by its cost', async () => {
    const h = harness(500, 0.02);
    h.request.tick(0);  // never asked: due at once
    expect(h.sent.length).toBe(1);
    h.request.tick(1e12);  // due but still in flight
    expect(h.sent.length).toBe(1);
    h.sent[0].resolve({ text: 'A', millis: 100_000 });  // 100 s at 2%: next in 5000 s, not in 0.5 s
    await settled();
    const after = performance.now();
    h.request.tick(after + 500);
    expect(h.sent.length).toBe(1);
    h.request.tick(after + 4_000_000);
    expect(h.sent.length).toBe(1);
    h.request.tick(after + 5_000_000);
    expect(h.sent.length).toBe(2);
  });

  it('drops an answer about the model it had before a reset', async () => {
    const h = harness(500, 0.04);
    h.request.ask();
    h.request.reset();
    h.request.ask();  // the slot is free again at once
    expect(h.sent.length).toBe(2);
    h.sent[0].resolve({ text: 'old', millis: 1 });
    h.sent[1].resolve({ text: 'new', millis: 1 });
    await settled();
    expect(h.answers).toEqual(['ab:new']);
  });
});
