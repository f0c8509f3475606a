// Quick fixes for a text the core cannot train on, checked against the core itself: every fix offered
// makes the text trainable.
import { describe, expect, it } from 'vitest';
import { fixesFor as fixesSaid, parseFix } from '../../../../../web/src/app/playground/fixes';
import { sayNow } from '../../../../../web/src/i18n';

// The fixes with their labels as a person reads them (English, the default language).
const fixesFor = (...args: Parameters<typeof fixesSaid>) => fixesSaid(...args).map((f) => ({ id: f.id, label: sayNow(f.label) }));
import { coreSettings, defaultState } from '../../../../../web/src/state/settings';
import { textStats } from '../../../../../web/src/state/textStats';
import { loadCore } from '../../../support/core';

const story = { id: 'story', title: 'English story' };

describe('quick fixes', () => {
  it('offers nothing when the text is long enough', () => {
    expect(fixesFor(textStats('ab'.repeat(600), 0.1), 16, 64, story)).toEqual([]);
  });

  it('offers a preset for a text with nothing to learn', () => {
    expect(fixesFor(textStats('aaaa', 0.1), 16, 64, story)).toEqual([{ id: 'preset=story', label: 'Use the english story' }]);
    expect(fixesFor(textStats('', 0.1), 16, 64, story)[0].id).toBe('preset=story');
  });

  it('offers a shorter window, a smaller batch, or both, and each one works in the core', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const base = { ...coreSettings(defaultState()), hiddenSize: 8 };
    for (const text of ['hello world', 'the quick brown fox '.repeat(10), 'xy'.repeat(300)]) {
      const stats = textStats(text, base.valFrac);
      expect(session.create(text, base).ok).toBe(false);
      const fixes = fixesFor(stats, base.batch, base.seqLen, story);
      expect(fixes.length, text).toBeGreaterThan(0);
      for (const f of fixes) {
        const parsed = parseFix(f.id);
        if (!('settings' in parsed)) throw new Error('expected settings');
        const settings = { ...base, ...Object.fromEntries(parsed.settings.map(([k, v]) => [k, Number(v)])) };
        const r = session.create(text, settings);
        expect(r.ok, `${text.slice(0, 12)}: ${f.label}`).toBe(true);
      }
    }
    expect(fixesFor(textStats('hello world', 0.1), 16, 64, story)).toEqual([{ id: 'batch=1,seqLen=10', label: 'Use batch 1, sequence length 10' }]);
    session.delete();
  });
});
