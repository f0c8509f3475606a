// The page says why a text cannot be trained on from its own counts, in the page's language; in
// English its words are the core's own, checked here against the real core for texts that are empty,
// of one character, too short, too short after holding out validation text, and long enough.
import { afterEach, describe, expect, it } from 'vitest';
import { sayNow, setLanguage } from '../../../../web/src/i18n';
import { coreSettings, defaultState } from '../../../../web/src/state/settings';
import { textProblem } from '../../../../web/src/state/textProblem';
import { textStats } from '../../../../web/src/state/textStats';
import { loadCore } from '../../support/core';

afterEach(() => setLanguage('en'));

describe('text problems said by the page', () => {
  it('say what the core says, word for word, in English', async () => {
    const m = await loadCore();
    const session = new m.Session();
    const cases: [string, number, number, number][] = [
      ['hello world', 16, 64, 0.1], ['aaaa', 16, 64, 0.1], ['ab'.repeat(40), 4, 32, 0.25], ['ab'.repeat(40), 4, 32, 0],
      ['가나다라마바사'.repeat(3), 2, 16, 0.1], ['x\ny\n'.repeat(5), 16, 64, 0],
    ];
    for (const [text, batch, seqLen, valFrac] of cases) {
      const settings = { ...coreSettings(defaultState()), hiddenSize: 8, batch, seqLen, valFrac };
      const r = session.create(text, settings);
      const said = textProblem(textStats(text, valFrac), batch, seqLen);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      const core = r.error.charAt(0).toUpperCase() + r.error.slice(1);
      expect(said && sayNow(said), text).toBe(core);
    }
    const fine = 'the quick brown fox '.repeat(100);
    expect(session.create(fine, { ...coreSettings(defaultState()), hiddenSize: 8 }).ok).toBe(true);
    expect(textProblem(textStats(fine, 0.1), 16, 64)).toBeNull();
    session.delete();
  });

  it('say it in Korean on a Korean page', () => {
    setLanguage('ko');
    const said = textProblem(textStats('hello world', 0.1), 16, 64)!;
    expect(sayNow(said)).toBe('학습하기에는 텍스트가 너무 짧습니다: 학습용 글자는 11개인데, 배치 16 × (시퀀스 길이 64 + 1)에는 1040개가 필요합니다. '
      + '텍스트를 늘리거나 시퀀스 길이나 배치를 줄이세요');
  });
});
