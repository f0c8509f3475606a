// The core's rule for characters a model has not seen (README "Model files"), as the page meets it
// through the real wasm module: a model file opened on another text, the probe, the gate views' text and
// the spacing view read them as all-zero inputs instead of refusing, and the summary names them.
import { describe, expect, it } from 'vitest';
import { openedNotice } from '../../../../web/src/app/notices/notices';
import { sayAll } from '../../../../web/src/i18n';
import { loadCore, smallSettings } from '../../support/core';

const TEXT = 'hello world, hello there. '.repeat(40);

describe('characters outside the vocabulary', () => {
  it('a model opened on a text with new characters trains on it, validates it and names them', async () => {
    const m = await loadCore();
    const built = new m.Session();
    expect(built.create(TEXT, smallSettings).ok).toBe(true);
    expect(built.trainSlice(5, 1e9).ok).toBe(true);
    const saved = built.save(true);
    if (!saved.ok) throw new Error(saved.error);
    const own = built.load(saved.bytes, TEXT, smallSettings, true);
    if (!own.ok) throw new Error(own.error);
    expect(own.unknown).toEqual({ count: 0, characters: [] });

    const opened = new m.Session();
    const other = 'hello 컥 world, zebra there. '.repeat(40);  // 컥, z, b and a are new
    const summary = opened.load(saved.bytes, other, smallSettings, true);
    if (!summary.ok) throw new Error(summary.error);
    expect(summary.unknown).toEqual({ count: 160, characters: ['a', 'b', 'z', '컥'] });  // by code point
    const slice = opened.trainSlice(3, 1e9);
    expect(slice.ok && Array.from(slice.losses).every(Number.isFinite)).toBe(true);
    const v = opened.validate(20000);
    expect(v.ok && v.predictions > 0 && Number.isFinite(v.loss)).toBe(true);

    // The probe and the gate views read the text as typed.
    expect(opened.probeReset().ok).toBe(true);
    expect(opened.probeFeed('hello 컥').ok).toBe(true);
    const p = opened.probeProbabilities(1);
    expect(p.ok && p.probabilities.length === summary.vocab.length).toBe(true);
    const ins = opened.inspect('컥 hello', 2);
    expect(ins.ok && ins.steps).toBe(7);

    // What the page says when it opens such a file.
    expect(sayAll(openedNotice('m.safetensors', summary).body)).toContain(
      '160 characters of the text here are not in its vocabulary (a b z 컥): each is read as an all-zero input, and predicting one is not scored.');
    expect(sayAll(openedNotice('m.safetensors', own).body)).not.toContain('not in its vocabulary');
    for (const s of [built, opened]) s.delete();
  });

  it('a spacing model breaks down a text with characters it has not seen', async () => {
    const m = await loadCore();
    const s = new m.Session();
    expect(s.create('the cat sat on the mat. '.repeat(40), { ...smallSettings, task: 'spacing', bidirectional: true }).ok).toBe(true);
    const b = s.spacingBreakdown('the 컥 cat');
    expect(b.ok && b.probability.length).toBe(7);
    s.delete();
  });
});
