// The tasks through the real wasm Session: what the page can ask for each task, and every refusal as a
// value with its reason (never a throw).
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreModule, Session, SessionSettings } from '../../../../web/generated/core.mjs';
import { loadCore, smallSettings } from '../../support/core';

const SPACED = '아버지가 방에 들어가신다. the cat sat on the mat.\n'.repeat(40);
let m: CoreModule;
beforeAll(async () => {
  m = await loadCore();
});

function ok<T>(r: { ok: true } & T | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r;
}

function created(text: string, settings: Partial<SessionSettings>): Session {
  const session = new m.Session();
  ok(session.create(text, { ...smallSettings, hiddenSize: 16, numLayers: 1, seqLen: 16, batch: 4, learningRate: 0.02, ...settings }));
  return session;
}

describe('spacing through the Session', () => {
  it('trains, reports decisions and held-out F1, and breaks a text down by direction', () => {
    const session = new m.Session();
    const settings = { ...smallSettings, task: 'spacing' as const, bidirectional: true, hiddenSize: 16, seqLen: 16, batch: 4, learningRate: 0.02 };
    const summary = ok(session.create(SPACED, settings));
    expect(summary).toMatchObject({ task: 'spacing', bidirectional: true, nonlinearity: 'tanh', labels: [] });
    expect(summary.trainExamples).toBeGreaterThan(0);
    const slice = ok(session.trainSlice(150, 1e9));
    expect(slice.characters).toBe(150 * 16 * 4);
    expect(slice.scored).toBeGreaterThan(0);
    expect(slice.truePositive + slice.falseNegative).toBeGreaterThan(0);
    const held = ok(session.validate(100000));
    expect(held.task).toBe('spacing');
    expect(held.f1).toBeGreaterThan(0.9);
    expect(held.confusion.length).toBe(0);
    const b = ok(session.spacingBreakdown('아버지가 방에 들어가신다.'));
    expect(b.restored).toBe('아버지가 방에 들어가신다.');
    expect(Array.from(b.truth)).toEqual([0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, -1]);
    expect(b.backwardProbability.length).toBe(12);
    const ins = ok(session.inspect('아버지가 방에', 2));
    expect(ins.directions).toBe(2);
    expect(ins.layers.length).toBe(2);
    expect(ins.preActivations[1].f.length).toBe(6 * 16);
    expect(ok(session.gradientNorms()).directions).toBe(2);
    const refused = session.sample('아', 5, 1, 0, 1);
    expect(refused).toEqual({ ok: false, error: "only a language model (task lm) writes text; this model's task is spacing" });
    expect(session.classTrace('x').ok).toBe(false);
    session.delete();
  });

  it('keeps its task and directions in the model file', () => {
    const session = created(SPACED, { task: 'spacing', bidirectional: true, cell: 'rnn', nonlinearity: 'relu' });
    const saved = ok(session.save(true));
    const reopened = new m.Session();
    const summary = ok(reopened.load(saved.bytes, SPACED, smallSettings, true));
    expect(summary).toMatchObject({ task: 'spacing', bidirectional: true, nonlinearity: 'relu', cell: 'rnn', resumedExactly: true });
    session.delete();
    reopened.delete();
  });
});

describe('classification through the Session', () => {
  const texts = [['the cat sat', 'a cat ran off', 'my cat sleeps', 'cats purr', 'the old cat', 'one cat sat'].join('\n'),
    ['the dog barked', 'dogs run far', 'a dog dug a hole', 'good dog', 'the old dog', 'one dog sat'].join('\n')];

  it('labels lines by who wrote them, learns, and shows its decisions', () => {
    const tsv = ok(m.labelLines(['cat', 'dog'], texts)).text;
    expect(tsv.split('\n')[0]).toBe('cat\tthe cat sat');
    const session = created(tsv, { task: 'classify', bidirectional: true, cell: 'gru', valFrac: 0.2 });
    const slice = ok(session.trainSlice(60, 1e9));
    expect(slice.scored).toBe(60 * 4);
    const held = ok(session.validate(100));
    expect(held.predictions).toBe(2);
    expect(Array.from(held.confusion).reduce((a, b) => a + b, 0)).toBe(2);
    const trace = ok(session.classTrace('a dog dug'));
    expect(trace).toMatchObject({ steps: 9, labels: ['cat', 'dog'] });
    expect(trace.probabilities.length).toBe(18);
    const lines = ok(session.classifiedLines(10));
    expect(lines.texts).toEqual(['one cat sat', 'one dog sat']);
    expect(Array.from(lines.labels)).toEqual([0, 1]);
    expect(ok(session.inspect('a dog', 3)).topK).toBe(0);
    session.delete();
  });

  it('refuses bad labelled input as values naming the problem', () => {
    const session = new m.Session();
    const base = { ...smallSettings, task: 'classify' as const };
    // With the code and values the page says them from (engine.<code> in its language).
    expect(session.create('no tab here\n', base)).toEqual({
      ok: false, error: 'line 1 has no tab: each line must be a label, a tab, then the text', code: 'labels.noTab', params: { line: '1' } });
    expect(session.create('a\tx\na\ty\n', base)).toEqual({
      ok: false, error: "the text has only one label ('a'): a classifier needs lines of at least 2 different labels", code: 'labels.oneLabel', params: { label: 'a' } });
    expect(m.labelLines(['A', 'A'], ['x', 'y'])).toEqual({ ok: false, error: "two texts have the same label 'A'" });
    expect(session.create(SPACED, { ...smallSettings, bidirectional: true }).ok).toBe(false);
    session.delete();
  });
});
