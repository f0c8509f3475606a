// The embed API at work: commands reach the playground only through the checks, events go only to
// the configured origins, progress is throttled, and `start` before the model is ready waits for it.
import { describe, expect, it } from 'vitest';
import { API, PROGRESS_EVERY_MS } from '../../../../../web/src/app/embed/embedApi';
import { EmbedHost, type Drivable } from '../../../../../web/src/app/embed/embedHost';
import type { PlaygroundSnapshot } from '../../../../../web/src/app/playground/playground';
import { modelEvent, progressEvent } from '../../../support/runEvents';
import type { RunEvent } from '../../../../../web/src/app/model/modelLifecycle';
import { defaultState } from '../../../../../web/src/state/settings';
import type { ModelSummary } from '../../../../../web/generated/core.mjs';

const summary = { cell: 'gru', hiddenSize: 32, numLayers: 2, vocab: ['a', 'b', 'c'], step: 0 } as unknown as ModelSummary;

function setup(origins: string[], phase: PlaygroundSnapshot['phase'] = 'ready') {
  const calls: string[] = [];
  const posted: { message: Record<string, unknown>; origin: string }[] = [];
  let now = 0;
  const snap = { phase, step: 7, trainBits: 2, validationBits: Number.NaN, state: defaultState(), summary, text: 'x' };
  const app: Drivable = {
    train: () => calls.push('train'),
    pause: () => calls.push('pause'),
    stepOnce: () => calls.push('step'),
    reset: () => calls.push('reset'),
    snapshot: () => snap as PlaygroundSnapshot,
  };
  const parent = { postMessage: (message: Record<string, unknown>, origin: string) => posted.push({ message, origin }) } as unknown as Window;
  const host = new EmbedHost(app, origins, parent, () => now);
  let listener: ((e: MessageEvent) => void) | null = null;
  host.listen({ addEventListener: (_: string, f: (e: MessageEvent) => void) => (listener = f) } as unknown as Window);
  const deliver = (data: unknown, origin = origins[0] ?? 'https://x.example', source: unknown = parent) =>
    listener?.({ data, origin, source } as MessageEvent);
  return { host, calls, posted, deliver, snap, tick: (ms: number) => (now += ms), hasListener: () => listener !== null };
}

const cmd = (type: string, extra: object = {}) => ({ api: API, v: 1, type, ...extra });

describe('embed host', () => {
  it('does not even listen without configured origins', () => {
    expect(setup([]).hasListener()).toBe(false);
  });

  it('runs valid commands from the parent at an allowed origin, and nothing else', () => {
    const t = setup(['https://course.example']);
    t.deliver(cmd('start'));
    t.deliver(cmd('pause'));
    t.deliver(cmd('step'));
    t.deliver(cmd('reset'));
    t.deliver(cmd('start'), 'https://evil.example');
    t.deliver(cmd('start'), 'https://course.example', { other: 'window' });
    t.deliver({ type: 'start' });
    expect(t.calls).toEqual(['train', 'pause', 'step', 'reset']);
  });

  it('answers getState to the allowed origins only, with the id', () => {
    const t = setup(['https://a.example', 'https://b.example']);
    t.deliver(cmd('getState', { id: 9 }));
    expect(t.posted.map((p) => p.origin)).toEqual(['https://a.example', 'https://b.example']);
    expect(t.posted[0].message).toMatchObject({ api: API, v: 1, type: 'state', id: 9, phase: 'ready', step: 7, bitsPerChar: 2, validationBitsPerChar: null });
    expect(t.posted[0].message.loss).toBeCloseTo(2 * Math.LN2);
    expect(t.posted.every((p) => p.origin !== '*')).toBe(true);
  });

  it('throttles progress, reports ready, paused and divergence', () => {
    const t = setup(['https://course.example']);
    t.host.signal(modelEvent(summary));
    for (let i = 0; i < 10; i++) {
      t.host.signal(progressEvent(i));
      t.tick(PROGRESS_EVERY_MS / 4);
    }
    t.host.signal({ type: 'paused', step: 10 });
    t.host.signal({ type: 'stopped', step: 11, stop: { reason: 'nonFinite', atStep: 11, lossNats: Number.NaN, restoredStep: null } });
    const types = t.posted.map((p) => p.message.type);
    expect(types).toEqual(['ready', 'progress', 'progress', 'progress', 'paused', 'stopped']);
    expect(t.posted[0].message).toMatchObject({ cell: 'gru', hiddenSize: 32, numLayers: 2, vocabSize: 3 });
    expect(t.posted[5].message).toMatchObject({ reason: 'diverged', detail: 'nonFinite', step: 11 });
  });

  it('progress and state carry the task\'s held-out accuracy and (spacing) F1, null before a validation', () => {
    const t = setup(['https://course.example']);
    t.snap.state = { ...defaultState(), task: 'spacing', bidirectional: true };
    t.host.signal(modelEvent({ ...summary, task: 'spacing', bidirectional: true, labels: [] } as ModelSummary));
    t.host.signal(progressEvent(1));
    const scores = { accuracy: 0.91, precision: 0.8, recall: 0.7, f1: 0.75, confusion: new Float64Array() };
    t.host.signal({ type: 'validation', step: 1, bits: 0.5, scores } as RunEvent);
    t.tick(PROGRESS_EVERY_MS);
    t.host.signal(progressEvent(2));
    t.deliver(cmd('getState'));
    const [ready, before, after, state] = t.posted.map((p) => p.message);
    expect(ready).toMatchObject({ type: 'ready', task: 'spacing', bidirectional: true });
    expect(before).toMatchObject({ type: 'progress', step: 1, accuracy: null, f1: null });
    expect(after).toMatchObject({ type: 'progress', step: 2, accuracy: 0.91, f1: 0.75 });
    expect(state).toMatchObject({ type: 'state', accuracy: 0.91, f1: 0.75 });
    t.snap.state = { ...defaultState(), task: 'classify' };
    t.host.signal({ type: 'validation', step: 3, bits: 0.5, scores } as RunEvent);
    t.deliver(cmd('getState'));
    expect(t.posted[4].message).toMatchObject({ accuracy: 0.91, f1: null });
  });

  it('a start before the model is ready starts it once it is', () => {
    const t = setup(['https://course.example'], 'starting');
    t.deliver(cmd('start'));
    expect(t.calls).toEqual([]);
    t.host.signal(modelEvent(summary));
    expect(t.calls).toEqual(['train']);
  });
});
