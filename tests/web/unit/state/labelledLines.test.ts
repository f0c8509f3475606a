// The page's own reading of labelled lines says the same problem as the core, line for line: each
// case is checked against the real core's message for the same text (wasm, as the page runs it).
import { beforeAll, describe, expect, it } from 'vitest';
import { sayNow, setLanguage } from '../../../../web/src/i18n';
import { labelledLinesProblem } from '../../../../web/src/state/labelledLines';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { loadCore } from '../../support/core';
import type { CoreModule } from '../../../../web/generated/core.mjs';

const five = (label: string) => Array.from({ length: 5 }, (_, i) => `${label}\tline ${i} of ${label}`).join('\n');

const CASES: [string, string][] = [
  ['no tab', `a\tone\nb\ttwo\nthis line has no tab\n`],
  ['empty label', `${five('a')}\n\tno label here\n`],
  ['no text', `${five('a')}\nb\t\n`],
  ['too long', `${five('a')}\nb\t${'x'.repeat(1025)}\n`],
  ['no lines', `\n  \n\t\n`],
  ['one label', five('a')],
  ['too many labels', Array.from({ length: 33 }, (_, i) => five(`L${i}`)).join('\n')],
  ['too few lines', `${five('a')}\nb\tonly\nb\ttwo\n`],
];

describe('labelled lines, as the page reads them', () => {
  let core: CoreModule;
  beforeAll(async () => {
    core = await loadCore();
    setLanguage('en');
  });

  it.each(CASES)('%s: the page says what the core says', (_name, text) => {
    const session = new core.Session();
    const r = session.create(text, coreSettings({ ...defaultState(), task: 'classify' }));
    session.delete();
    expect(r.ok).toBe(false);
    const page = labelledLinesProblem(text);
    expect(page).not.toBeNull();
    const core1 = !r.ok ? r.error : '';
    // The same sentence, but for the page's capital letter, curly quotes and final full stop.
    const plain = (s: string) => s.replace(/[“”]/g, "'").replace(/\.$/, '').toLowerCase();
    expect(plain(sayNow(page!))).toBe(plain(core1));
  });

  it('finds nothing wrong with a good text, and the core trains on it', () => {
    const text = `${five('b')}\n\n${five('a')}\r\n`;
    expect(labelledLinesProblem(text)).toBeNull();
    const session = new core.Session();
    expect(session.create(text, coreSettings({ ...defaultState(), task: 'classify' })).ok).toBe(true);
    session.delete();
  });

  it('says it in Korean on a Korean page', () => {
    setLanguage('ko');
    expect(sayNow(labelledLinesProblem('a\tx\nno tab')!)).toBe('2번째 줄에 탭이 없습니다. 줄마다 레이블, 탭, 문장 순서여야 합니다.');
    setLanguage('en');
  });
});
