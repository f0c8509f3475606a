// Scoring a model on a memory text: which position's prediction is compared with which character, and
// that it is the one the core makes after reading everything before the position (the real module).
import { describe, expect, it } from 'vitest';
import { HELD_OUT_CHARACTERS, HELD_OUT_SEED, memoryScore, memoryText, probeHits, probeTargets, TRAIN_SEED } from '../../../../../web/src/presets/memory/memoryScore';
import { isMemoryPreset, MEMORY_PRESET_IDS, memoryTaskOf } from '../../../../../web/src/presets/memory/memoryPresets';
import { loadPresetText, presetById } from '../../../../../web/src/presets';
import { loadCore, smallSettings } from '../../../support/core';

describe('memory scoring', () => {
  it('looks up the character due at each probe, and -1 for one the model does not know', () => {
    const { positions, targets } = probeTargets('ab:ba', [{ position: 3, distance: 3 }, { position: 4, distance: 1 }, { position: 2, distance: 2 }], ['a', 'b']);
    expect([...positions]).toEqual([3, 4, 2]);
    expect([...targets]).toEqual([1, 0, -1]);
  });

  it('takes the prediction made after the character before the probe, and never counts an unknown one as right', () => {
    // topIds (steps × topK = 2): the ranked guesses after each step
    const topIds = Int32Array.from([5, 1, 2, 3, 7, 0, 4, 4]);
    const hits = probeHits(Int32Array.from([1, 2, 3, 0, 3]), Int32Array.from([5, 2, 7, 5, -1]), topIds, 2);
    expect([...hits]).toEqual([1, 1, 1, 0, 0]);
    expect([...probeHits(Int32Array.from([2]), Int32Array.from([3]), topIds, 2)]).toEqual([0]);  // second best does not count
  });

  it('sums the hits into an overall accuracy and buckets by distance, with the task\'s chance', () => {
    const held = memoryText('copy', 60, HELD_OUT_SEED, 3000);
    const hits = Uint8Array.from(held.probes, (p) => (p.distance < 20 ? 1 : 0));
    const s = memoryScore(9, held, hits, 60);
    expect(s.step).toBe(9);
    expect(s.chance).toBe(1 / 8);
    expect(s.overall).toBeCloseTo(hits.reduce((a, b) => a + b, 0) / hits.length, 12);
    expect(s.buckets.reduce((a, b) => a + b.count, 0)).toBe(held.probes.length);
    expect(s.buckets[0].accuracy).toBe(1);
    expect(s.buckets[s.buckets.length - 1].accuracy).toBe(0);
  });

  it('scores on a held-out text that is not a piece of the training text', () => {
    const train = memoryText('copy', 40, TRAIN_SEED, 200_000).text;
    const held = memoryText('copy', 40, HELD_OUT_SEED, HELD_OUT_CHARACTERS);
    expect(held.text.length).toBeLessThanOrEqual(4096);  // the core inspects at most 4096 characters
    expect(train.includes(held.text.slice(0, 200))).toBe(false);
  });

  it('matches the core: the top guess after reading text[0…p−1] is what the probe API says comes next', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const train = memoryText('copy', 30, TRAIN_SEED, 20_000).text;
    const created = session.create(train, smallSettings);
    if (!created.ok) throw new Error(created.error);
    expect(session.trainSlice(20, 1e9).ok).toBe(true);
    const held = memoryText('copy', 30, HELD_OUT_SEED, 600);
    const inspection = session.inspect(held.text, 1);
    if (!inspection.ok) throw new Error(inspection.error);
    const { positions, targets } = probeTargets(held.text, held.probes, created.vocab);
    const hits = probeHits(positions, targets, inspection.topIds, 1);
    for (const [i, p] of [...positions].entries()) {
      expect(session.probeReset().ok).toBe(true);
      expect(session.probeFeed(held.text.slice(0, p)).ok).toBe(true);
      const r = session.probeProbabilities(1);
      if (!r.ok) throw new Error(r.error);
      const best = r.probabilities.indexOf(Math.max(...r.probabilities));
      expect(hits[i], `probe at ${p}`).toBe(best === targets[i] ? 1 : 0);
    }
    session.delete();
  });
});

describe('memory presets', () => {
  it('are copy, nesting and parity, each generated for the distance asked', async () => {
    expect(MEMORY_PRESET_IDS).toEqual(['copy', 'nesting', 'parity']);
    expect(isMemoryPreset('brackets')).toBe(false);  // the older diagnostic corpus keeps its id
    expect(memoryTaskOf('nesting')).toBe('brackets');
    for (const id of MEMORY_PRESET_IDS) {
      expect(presetById(id)?.tasks).toEqual(['lm']);
      const near = await loadPresetText(id, 10);
      const far = await loadPresetText(id, 150);
      expect(near).not.toBe(far);
      expect(near).toBe(memoryText(memoryTaskOf(id), 10, TRAIN_SEED, near.length).text.slice(0, near.length));
      expect(await loadPresetText(id, 10)).toBe(near);
    }
  });
});
