// The page's checks of "who wrote this line?" texts, against the real core (wasm): texts the page lets
// through are labelled by labelLines and train a classifier; texts it refuses for too few lines are
// refused by the core too, with the same minimum; what only the page can see (one text, the same
// lines twice, one name twice) is said before the core is asked.
import { beforeAll, describe, expect, it } from 'vitest';
import { sayNow, setLanguage, t } from '../../../../web/src/i18n';
import { labelName, ownTextsProblem, textLines, type OwnText } from '../../../../web/src/state/ownTexts';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';
import type { CoreModule } from '../../../../web/generated/core.mjs';

const lines = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word} line ${i}`).join('\n');
const names = (texts: OwnText[]) => texts.map((x, i) => labelName(x.name, i, (n) => t('ownTexts.defaultName', { n })));
const problem = (texts: OwnText[]) => {
  const p = ownTextsProblem(texts, names(texts));
  return p ? sayNow(p) : null;
};

describe('own texts for "who wrote this line?"', () => {
  let core: CoreModule;
  beforeAll(async () => {
    core = await loadCore();
    setLanguage('en');
  });

  const trains = (texts: OwnText[]) => {
    const labelled = core.labelLines(names(texts), texts.map((x) => x.text));
    if (!labelled.ok) return labelled.error;
    const session = new core.Session();
    const r = session.create(labelled.text, { ...coreSettings({ ...defaultState(), task: 'classify' }), hiddenSize: 8 });
    const labels = r.ok ? r.labels : [];
    session.delete();
    return r.ok ? labels : r.error;
  };

  it('names: typed, cleaned of tabs and breaks, or the default', () => {
    expect(labelName('  Sea\tside ', 0, (n) => `Text ${n}`)).toBe('Sea side');
    expect(labelName(' \n', 1, (n) => `Text ${n}`)).toBe('Text 2');
  });

  it('two good texts pass, and the core labels them by name and trains', () => {
    const texts = [{ name: 'Sea', text: lines('tide', 5) }, { name: '', text: `\n${lines('flour', 6)}\r\n\n` }];
    expect(problem(texts)).toBeNull();
    expect(textLines(texts[1].text)).toHaveLength(6);
    expect(trains(texts)).toEqual(['Sea', 'Text 2']);
  });

  it('one text: refused before the core, which refuses it as well', () => {
    const texts = [{ name: 'Sea', text: lines('tide', 6) }];
    expect(problem(texts)).toMatch(/^Give at least 2 texts/);
    expect(String(trains(texts))).toMatch(/at least 2 texts/);
  });

  it('too few lines: the same minimum as the core', () => {
    const texts = [{ name: 'Sea', text: lines('tide', 6) }, { name: 'Kitchen', text: lines('flour', 4) }];
    expect(problem(texts)).toBe('The text “Kitchen” has only 4 lines; each text needs at least 5 (some to learn from, one held out to measure).');
    expect(String(trains(texts))).toMatch(/'Kitchen' has only 4 lines; every label needs at least 5/);
  });

  it('the same lines twice (in any order) and the same name twice are refused', () => {
    const same = [{ name: 'A', text: lines('tide', 5) }, { name: 'B', text: lines('tide', 5).split('\n').reverse().join('\n') }];
    expect(problem(same)).toBe('The texts “A” and “B” have the same lines: a classifier cannot tell them apart. Use texts that differ.');
    const named = [{ name: 'A', text: lines('tide', 5) }, { name: ' A ', text: lines('flour', 5) }];
    expect(problem(named)).toMatch(/^Texts 1 and 2 have the same name “A”/);
  });

  it('a line longer than the core reads is named by its number in the text', () => {
    const texts = [{ name: 'A', text: `${lines('tide', 5)}\n\n${'x'.repeat(1025)}` }, { name: 'B', text: lines('flour', 5) }];
    expect(problem(texts)).toBe('Line 7 of “A” has 1025 characters; a line may have at most 1024 (split long lines).');
  });
});
