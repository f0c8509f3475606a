// Autosave's decisions: which text a checkpoint belongs to, when the latest and the best are saved,
// and that a storage failure is reported once and stops further attempts.
import { sayNow } from '../../../../../web/src/i18n';
import { describe, expect, it } from 'vitest';
import { Autosave, beatsBest, SAVE_EVERY_MS, textKey, type AutosaveDeps } from '../../../../../web/src/app/saved/autosave';
import type { CheckpointMeta } from '../../../../../web/src/app/saved/checkpointStore';
import type { PlaygroundSnapshot } from '../../../../../web/src/app/playground/playground';
import { modelEvent, progressEvent, validationEvent } from '../../../support/runEvents';
import { defaultState } from '../../../../../web/src/state/settings';
import type { ModelSummary } from '../../../../../web/generated/core.mjs';

const summary = { cell: 'lstm', hiddenSize: 8, numLayers: 1, vocab: ['a', 'b'], step: 0, parameters: 500 } as unknown as ModelSummary;

function harness(text = 'hello world', model: ModelSummary = summary) {
  const puts: CheckpointMeta[] = [];
  const failures: unknown[] = [];
  let now = 0;
  let step = 0;
  let fail: Error | null = null;
  let phase: PlaygroundSnapshot['phase'] = 'ready';
  const store = {
    put: async (m: CheckpointMeta) => {
      if (fail) throw fail;
      puts.push(m);
    },
    forText: async () => [] as CheckpointMeta[],
  };
  const deps: AutosaveDeps = {
    checkpoint: async () => new Uint8Array([1, 2, 3]),
    snapshot: () => ({ phase, step, trainBits: 2, validationBits: Number.NaN, state: defaultState(), summary: model, text }) as PlaygroundSnapshot,
    textTitle: () => 'A text',
    now: () => now,
    saved: () => undefined,
    failed: (e) => failures.push(e),
    tooLarge: (bytes) => failures.push(`too large: ${bytes}`),
  };
  const autosave = new Autosave(store, deps);
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    autosave, puts, failures, settle,
    set: (o: { now?: number; step?: number; fail?: Error | null; phase?: PlaygroundSnapshot['phase'] }) => {
      if (o.phase !== undefined) phase = o.phase;
      if (o.now !== undefined) now = o.now;
      if (o.step !== undefined) step = o.step;
      if (o.fail !== undefined) fail = o.fail;
    },
  };
}

describe('autosave', () => {
  it('names texts by content', () => {
    expect(textKey('abc')).toBe(textKey('abc'));
    expect(textKey('abc')).not.toBe(textKey('abd'));
    expect(textKey('')).toMatch(/^0-/);
  });

  it('a lower finite validation loss beats the best', () => {
    expect(beatsBest(null, 3)).toBe(true);
    expect(beatsBest(3, 2.9)).toBe(true);
    expect(beatsBest(3, 3)).toBe(false);
    expect(beatsBest(null, Number.NaN)).toBe(false);
  });

  it('saves the latest on pause and every 30 s while training, the best on a better validation', async () => {
    const h = harness();
    await h.autosave.onSignal(modelEvent(summary));
    h.set({ step: 5, now: 1000 });
    await h.autosave.onSignal(progressEvent(5));
    await h.settle();
    expect(h.puts).toEqual([]);  // not 30 s yet
    h.set({ step: 50, now: SAVE_EVERY_MS + 1 });
    await h.autosave.onSignal(progressEvent(50));
    await h.settle();
    expect(h.puts.map((p) => [p.kind, p.step])).toEqual([['latest', 50]]);
    await h.autosave.onSignal({ type: 'paused', step: 50 });
    await h.settle();
    expect(h.puts.length).toBe(1);  // nothing new since
    await h.autosave.onSignal(validationEvent(50, 3.1));
    await h.autosave.onSignal(validationEvent(60, 3.5));
    await h.settle();
    expect(h.puts.map((p) => [p.kind, p.validationBits])).toEqual([['latest', null], ['best', 3.1]]);
    expect(h.puts[1].id).toBe(`${textKey('hello world')}:best`);
  });

  it('while training, saves a better model at most every 30 s; the rest waits for the pause', async () => {
    const h = harness();
    await h.autosave.onSignal(modelEvent(summary));
    h.set({ phase: 'training', now: 1000, step: 10 });
    await h.autosave.onSignal(validationEvent(10, 4));
    h.set({ now: 2000, step: 20 });
    await h.autosave.onSignal(validationEvent(20, 3.5));
    await h.autosave.onSignal(progressEvent(20));
    await h.settle();
    expect(h.puts.map((p) => [p.kind, p.validationBits])).toEqual([['best', 4]]);
    h.set({ now: 1000 + SAVE_EVERY_MS, step: 30 });
    await h.autosave.onSignal(progressEvent(30));
    await h.settle();
    expect(h.puts.map((p) => [p.kind, p.validationBits])).toEqual([['best', 4], ['latest', 3.5], ['best', 3.5]]);
    h.set({ now: 2000 + SAVE_EVERY_MS, step: 40 });
    await h.autosave.onSignal(validationEvent(40, 3));
    await h.settle();
    expect(h.puts.length).toBe(3);
    h.set({ phase: 'ready' });
    await h.autosave.onSignal({ type: 'paused', step: 40 });
    await h.settle();
    expect(h.puts.slice(3).map((p) => [p.kind, p.validationBits])).toEqual([['latest', 3], ['best', 3]]);
  });

  it('leaves models too large to copy every 30 s to Download model, saying so once', async () => {
    const big = { ...summary, parameters: 10_000_000 } as unknown as ModelSummary;
    const h = harness('hello world', big);
    await h.autosave.onSignal(modelEvent(big));
    h.set({ step: 3 });
    await h.autosave.onSignal({ type: 'paused', step: 3 });
    h.set({ step: 4 });
    await h.autosave.onSignal({ type: 'paused', step: 4 });
    await h.settle();
    expect(h.puts).toEqual([]);
    expect(h.failures).toEqual(['too large: 120000000']);
  });

  it('reports a storage failure once and stops', async () => {
    const h = harness();
    await h.autosave.onSignal(modelEvent(summary));
    h.set({ step: 3, fail: new DOMException('full', 'QuotaExceededError') });
    await h.autosave.onSignal({ type: 'paused', step: 3 });
    await h.settle();
    expect(h.failures.length).toBe(1);
    h.autosave.stop();
    h.set({ step: 4 });
    await h.autosave.onSignal({ type: 'paused', step: 4 });
    await h.settle();
    expect(h.failures.length).toBe(1);
  });
});

describe('storage messages', () => {
  it('say what to do', async () => {
    const { storageErrorMessage } = await import('../../../../../web/src/app/saved/checkpointStore');
    expect(sayNow(storageErrorMessage(new DOMException('x', 'QuotaExceededError')))).toContain('storage for this page is full');
    expect(sayNow(storageErrorMessage(new Error('unavailable')))).toContain('does not let the page store data');
    expect(sayNow(storageErrorMessage(new DOMException('x', 'SecurityError')))).toContain('does not let the page store data');
  });
});
