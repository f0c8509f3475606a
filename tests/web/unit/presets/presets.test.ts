// The bundled texts: the diagnostic corpus is balanced and reproducible, and every preset trains with
// the default settings in the real core.
import { describe, expect, it } from 'vitest';
import { defaultHeatText, defaultProbeText } from '../../../../web/src/state/panelTexts';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { bracketCorpus, seededRandom } from '../../../../web/src/presets/brackets';
import { PRESETS } from '../../../../web/src/presets';
import { loadCore } from '../../support/core';
import { presetText } from '../../support/presets';

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

function balanced(line: string): boolean {
  const stack: string[] = [];
  let inQuote = false;
  for (const c of line) {
    if (c === '"') {
      inQuote = !inQuote;
      stack.push('"');
      if (!inQuote) {
        stack.pop();
        if (stack.pop() !== '"') return false;
      }
    } else if (c in CLOSER) stack.push(c);
    else if (Object.values(CLOSER).includes(c)) {
      const open = stack.pop();
      if (!open || CLOSER[open] !== c) return false;
    }
  }
  return stack.length === 0 && !inQuote;
}

describe('diagnostic bracket corpus', () => {
  it('is the same text every time and different for another seed', async () => {
    const BRACKETS = await presetText('brackets');
    const first = bracketCorpus({ seed: 7, characters: 12_000, maxDepth: 7 });
    expect(bracketCorpus({ seed: 7, characters: 12_000, maxDepth: 7 })).toBe(first);
    expect(BRACKETS.startsWith(first)).toBe(true);
    expect(bracketCorpus({ seed: 8, characters: 12_000, maxDepth: 7 })).not.toBe(first);
  });

  it('has only balanced lines, with real nesting', async () => {
    const BRACKETS = await presetText('brackets');
    const lines = BRACKETS.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(balanced(line), line).toBe(true);
    let deepest = 0;
    for (const line of lines) {
      let depth = 0;
      for (const c of line) {
        if (c in CLOSER) deepest = Math.max(deepest, ++depth);
        else if (Object.values(CLOSER).includes(c)) depth--;
      }
    }
    expect(deepest).toBeGreaterThanOrEqual(5);
    expect(BRACKETS.length).toBeGreaterThanOrEqual(100_000);
  });

  it('draws uniform-looking numbers from its generator', () => {
    const r = seededRandom(1);
    const xs = Array.from({ length: 10_000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('presets', () => {
  it('are four distinct texts: English, code, Korean, diagnostic', async () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['story', 'code', 'korean', 'brackets', 'voices', 'voices-ko', 'copy', 'nesting', 'parity']);
    const korean = await presetText('korean');
    expect(korean).toMatch(/[가-힣]{50}|[가-힣]/);
    expect([...korean].filter((c) => /[가-힣]/.test(c)).length).toBeGreaterThan(1000);
  });

  it('each trains with the default settings in the real core, and its default probe and heatmap texts are in its vocabulary', async () => {
    const m = await loadCore();
    const session = new m.Session();
    for (const p of PRESETS) {
      const text = await presetText(p.id);
      if (!p.tasks.includes('lm')) continue;  // labelled lines: the next test
      const r = session.create(text, coreSettings(defaultState()));
      if (!r.ok) throw new Error(`${p.id}: ${r.error}`);
      const slice = session.trainSlice(1, 1e9);
      expect(slice.ok && Number.isFinite(slice.losses[0]), p.id).toBe(true);
      const vocab = new Set(r.vocab);
      for (const c of defaultProbeText(text) + defaultHeatText(text)) expect(vocab.has(c)).toBe(true);
      expect(session.inspect(defaultHeatText(text), 3).ok).toBe(true);
    }
    session.delete();
  });

  it('"who wrote this line?": two voices with enough lines each, and a classifier trains on them in the real core', async () => {
    const m = await loadCore();
    const session = new m.Session();
    for (const id of ['voices', 'voices-ko']) {
      const text = await presetText(id);
      const labels = text.trimEnd().split('\n').map((line) => line.split('\t')[0]);
      const counts = [...new Set(labels)].map((l) => labels.filter((x) => x === l).length);
      expect(counts.length, id).toBe(2);
      for (const n of counts) expect(n, id).toBeGreaterThanOrEqual(80);
      const r = session.create(text, coreSettings({ ...defaultState(), task: 'classify' }));
      if (!r.ok) throw new Error(`${id}: ${r.error}`);
      expect(r.labels.length, id).toBe(2);
      expect(session.trainSlice(1, 1e9).ok).toBe(true);
    }
    session.delete();
  });

  it('are big enough to learn from, and say how big they are', async () => {
    const least: Record<string, number> = { story: 100_000, code: 100_000, korean: 50_000, brackets: 100_000, voices: 10_000, 'voices-ko': 4_000, copy: 100_000, nesting: 100_000, parity: 100_000 };
    for (const p of PRESETS) {
      const length = [...(await presetText(p.id))].length;
      expect(length, p.id).toBeGreaterThanOrEqual(least[p.id]);
      expect(Math.abs(length - p.characters) / length, p.id).toBeLessThan(0.05);
    }
  });

  it('start the heatmaps on a line of prose, not a title', async () => {
    const story = await presetText('story');
    expect(defaultHeatText(story).startsWith('Every evening')).toBe(true);
    expect([...defaultHeatText(story)].length).toBe(64);
    expect(defaultProbeText('The Lamplighter of Harrow Street')).toBe('The Lamplighter of ');
    expect(defaultHeatText('short\nlines')).toBe('short\nlines');
  });
});
