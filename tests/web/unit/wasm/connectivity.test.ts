// The connectivity request through the real wasm binding: one value per character up to the position,
// the text's next character as the traced output (the model's favourite at the end), and clear
// refusals for a tagging model, a position outside the text and a character the model does not know.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreModule } from '../../../../web/generated/core.mjs';
import { loadCore, smallSettings } from '../../support/core';

const TEXT = 'the cat (sat) on the mat. '.repeat(30);
let m: CoreModule;
beforeAll(async () => {
  m = await loadCore();
});

function ok<T>(r: { ok: true } & T | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe('connectivity through the binding', () => {
  it('answers one value per character up to the position, for the next character', () => {
    const session = new m.Session();
    const summary = ok(session.create(TEXT, smallSettings));
    ok(session.trainSlice(20, 1e9));
    const c = ok(session.connectivity('the cat (sat)', 9));
    expect(c.position).toBe(9);
    expect(c.norms).toBeInstanceOf(Float32Array);
    expect(c.norms.length).toBe(10);
    expect(c.targetIsNext).toBe(true);
    expect(summary.vocab[c.target]).toBe('a');  // 'the cat (s' is followed by 'a'
    expect(c.probability).toBeGreaterThan(0);
    expect(c.probability).toBeLessThan(1);
    for (const v of c.norms) expect(v).toBeGreaterThan(0);
    // At the end of the text nothing follows: the model's favourite, the most likely character.
    ok(session.probeReset());
    ok(session.probeFeed('the cat (sat)'));
    const p = ok(session.probeProbabilities(1)).probabilities;
    const end = ok(session.connectivity('the cat (sat)', 12));
    expect(end.targetIsNext).toBe(false);
    expect(end.target).toBe(p.indexOf(Math.max(...p)));
    expect(end.probability).toBeCloseTo(p[end.target], 5);
    session.delete();
  });

  it('says what is wrong: a position outside the text, an unknown character, a tagging model', () => {
    const session = new m.Session();
    ok(session.create(TEXT, smallSettings));
    expect(session.connectivity('the', 3)).toEqual({ ok: false, error: 'position 3 is outside the text (3 characters)' });
    const unknown = session.connectivity('the Zoo', 2);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain("'Z'");
    ok(session.create('아버지가 방에 들어가신다. the cat sat on the mat.\n'.repeat(40), { ...smallSettings, task: 'spacing', bidirectional: true }));
    expect(session.connectivity('아버지가', 1)).toEqual({
      ok: false, error: "the dependence on earlier characters needs a language model (task lm); this model's task is spacing",
    });
    session.delete();
  });
});
