// The workers setting: auto keeps a core for the page and one for each model the compare view trains,
// within the cap; a count is taken as given; the link carries it and a lesson can lock it.
import { describe, expect, it } from 'vitest';
import { defaultState, field, parseField } from '../../../../web/src/state/settings';
import { stateFromHash, stateToHash } from '../../../../web/src/state/url';
import { lockedKeys, parseLesson } from '../../../../web/src/state/lesson';
import { MAX_WORKERS, workerCount } from '../../../../web/src/state/workers';
import { type TrainingShape, totalBytes, WORKERS_MEMORY_BUDGET, workerBytes, workersWithinBudget } from '../../../../web/src/state/workerMemory';

// LSTM parameters of a language model: each layer's four gates over its input and state, and the head.
function lstm(hidden: number, layers: number, seqLen: number, batch: number, vocab = 96): TrainingShape {
  let parameters = hidden * vocab + vocab;
  for (let l = 0; l < layers; l++) parameters += 4 * hidden * ((l === 0 ? vocab : hidden) + hidden + 1);
  return { cell: 'lstm', hiddenSize: hidden, numLayers: layers, bidirectional: false, parameters, classes: vocab, seqLen, batch, textBytes: 1e6 };
}

describe('workerCount', () => {
  it('auto uses every core but one, within the cap, and at least one', () => {
    expect(workerCount('auto', 2)).toBe(1);
    expect(workerCount('auto', 4)).toBe(3);
    expect(workerCount('auto', 64)).toBe(MAX_WORKERS);
    expect(workerCount('auto', 1)).toBe(1);
    expect(workerCount('auto', undefined)).toBe(1);
    expect(workerCount('auto', Number.NaN)).toBe(1);
  });

  it('auto backs off while the compare view trains its own models', () => {
    expect(workerCount('auto', 8, 1)).toBe(6);
    expect(workerCount('auto', 2, 1)).toBe(1);
  });

  it('auto takes fewer workers when their copies of a big model would pass the memory budget', () => {
    const small = lstm(512, 2, 64, 32);
    expect(workerCount('auto', 16, 0, small)).toBe(MAX_WORKERS);  // ~0.2 GiB a worker: all eight fit
    // H 1024 × 4 layers: 30M parameters, six copies of them and the activations on every worker.
    const big = lstm(1024, 4, 64, 32);
    const n = workerCount('auto', 16, 0, big);
    expect(n).toBe(1);
    expect(totalBytes(big, 1)).toBeLessThanOrEqual(WORKERS_MEMORY_BUDGET);
    expect(totalBytes(big, 2)).toBeGreaterThan(WORKERS_MEMORY_BUDGET);
    // In between, as many as fit: every extra worker's copy counts.
    const middle = lstm(1024, 2, 64, 32);
    const m = workerCount('auto', 16, 0, middle);
    expect(m).toBeGreaterThan(1);
    expect(m).toBeLessThan(MAX_WORKERS);
    expect(totalBytes(middle, m)).toBeLessThanOrEqual(WORKERS_MEMORY_BUDGET);
    expect(totalBytes(middle, m + 1)).toBeGreaterThan(WORKERS_MEMORY_BUDGET);
    // A count the learner chose is taken as given; and a model that fits nowhere still trains on one.
    expect(workerCount('4', 16, 0, big)).toBe(4);
    expect(workersWithinBudget(8, big, 1)).toBe(1);
  });

  it('a share of the batch holds fewer activations, never fewer copies of the model', () => {
    const s = lstm(256, 2, 64, 32);
    expect(workerBytes(s, 2)).toBeLessThan(workerBytes(s, 1));
    expect(totalBytes(s, 2)).toBeGreaterThan(totalBytes(s, 1));
  });

  it('a count is what it says, whatever the machine', () => {
    expect(workerCount('2', 2)).toBe(2);
    expect(workerCount('1', 16, 1)).toBe(1);
  });
});

describe('the workers setting', () => {
  it('defaults to auto and accepts auto or 1 to the cap', () => {
    expect(defaultState().workers).toBe('auto');
    const f = field('workers');
    expect(parseField(f, '3')).toEqual({ ok: true, value: '3' });
    expect(parseField(f, 'auto')).toEqual({ ok: true, value: 'auto' });
    expect(parseField(f, '0').ok).toBe(false);
    expect(parseField(f, String(MAX_WORKERS + 1)).ok).toBe(false);
  });

  it('travels in links and can be locked by a lesson', () => {
    const s = { ...defaultState(), workers: '2' };
    expect(stateToHash(s)).toContain('workers=2');
    expect(stateFromHash('#workers=2', []).workers).toBe('2');
    expect(lockedKeys(parseLesson('#lock=workers')).has('workers')).toBe(true);
  });
});
