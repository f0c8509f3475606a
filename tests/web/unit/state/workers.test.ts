// The workers setting: auto keeps a core for the page and one for each model the compare view trains,
// within the cap; a count is taken as given; the link carries it and a lesson can lock it.
import { describe, expect, it } from 'vitest';
import { defaultState, field, parseField } from '../../../../web/src/state/settings';
import { stateFromHash, stateToHash } from '../../../../web/src/state/url';
import { lockedKeys, parseLesson } from '../../../../web/src/state/lesson';
import { MAX_WORKERS, workerCount } from '../../../../web/src/state/workers';

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
