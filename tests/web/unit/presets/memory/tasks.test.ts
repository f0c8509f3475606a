// The memory tasks: deterministic, as long as asked, and every scored position really depends on the
// character `distance` back (and on nothing a model could guess better than chance without it).
import { describe, expect, it } from 'vitest';
import { accuracyByDistance, MAX_DISTANCE, MIN_DISTANCE } from '../../../../../web/src/presets/memory/memoryTask';
import { bracketTask, copyTask, MEMORY_TASKS, parityTask } from '../../../../../web/src/presets/memory/tasks';

const OPTIONS = { seed: 3, characters: 20_000, maxDistance: 60 };
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

describe('memory tasks', () => {
  for (const [id, make] of Object.entries(MEMORY_TASKS)) {
    it(`${id}: the same text for a seed, another for another seed, as long as asked, distances in range`, () => {
      const a = make(OPTIONS);
      expect(make(OPTIONS)).toEqual(a);
      expect(make({ ...OPTIONS, seed: 4 }).text).not.toBe(a.text);
      expect(a.text.length).toBeGreaterThanOrEqual(OPTIONS.characters);
      expect(a.probes.length).toBeGreaterThan(50);
      const distances = a.probes.map((p) => p.distance);
      expect(Math.min(...distances)).toBeGreaterThanOrEqual(MIN_DISTANCE - 1);
      expect(Math.max(...distances)).toBeLessThanOrEqual(OPTIONS.maxDistance + 8);
      expect(Math.max(...distances)).toBeGreaterThan(OPTIONS.maxDistance * 0.7);  // long ones occur
    });
  }

  it('copy: the second copy repeats the first, `distance` back', () => {
    const { text, probes, chance } = copyTask(OPTIONS);
    for (const p of probes) expect(text[p.position]).toBe(text[p.position - p.distance]);
    expect(chance).toBe(1 / 8);
  });

  it('brackets: each scored closing closes the opening `distance` back', () => {
    const { text, probes } = bracketTask(OPTIONS);
    for (const p of probes) expect(text[p.position]).toBe(CLOSER[text[p.position - p.distance]]);
  });

  it('parity: the scored character says whether the span had an odd number of 1s', () => {
    const { text, probes } = parityTask(OPTIONS);
    for (const p of probes) {
      const span = text.slice(p.position - p.distance, p.position - 1);
      expect(span).toMatch(/^[01]+$/);
      expect(text[p.position]).toBe([...span].filter((c) => c === '1').length % 2 ? 'o' : 'e');
    }
  });

  it('scores accuracy per distance', () => {
    const probes = [{ position: 0, distance: 5 }, { position: 1, distance: 6 }, { position: 2, distance: 150 }, { position: 3, distance: 190 }];
    const rows = accuracyByDistance(probes, [1, 1, 0, 1], 4, MAX_DISTANCE);
    expect(rows.map((r) => r.count)).toEqual([2, 2]);
    expect(rows.map((r) => r.accuracy)).toEqual([1, 0.5]);
    expect(rows[0].distance).toBeLessThan(rows[1].distance);
  });
});
