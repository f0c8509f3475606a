// The panel texts follow the training text unless a person (or a link) chose them.
import { describe, expect, it } from 'vitest';
import { defaultHeatText, defaultProbeText, followText, primeSuggestions, suggestedTexts } from '../../../../web/src/state/panelTexts';

const ENGLISH = 'The Lamplighter of Harrow Street\n\nEvery evening at a quarter past six, when the sky over the river turned the colour of weak tea.';
const KOREAN = '바닷가 마을의 작은 책방\n\n바닷가 끝에 작은 책방이 하나 있었다. 간판은 바람에 색이 바래서 글자를 읽기 어려웠지만, 마을 사람들은 모두 그곳을 불렀다.';
const NO_SPACES = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';

describe('panel texts', () => {
  it('follow a new text when they still show the old text’s piece', () => {
    const before = suggestedTexts({ probeText: '', heatText: '' }, ENGLISH);
    const after = followText(before, ENGLISH, KOREAN);
    expect(after.probeText).toBe(defaultProbeText(KOREAN));
    expect(after.heatText).toBe(defaultHeatText(KOREAN));
    expect(after.probeText.startsWith('바닷가')).toBe(true);
    expect(after.heatText.startsWith('바닷가 끝에')).toBe(true);
    for (const c of after.probeText + after.heatText) expect(KOREAN.includes(c)).toBe(true);
  });

  it('keep what a person typed (or a link set), and follow the rest', () => {
    const typed = { probeText: 'Harrow', heatText: defaultHeatText(ENGLISH) };
    const after = followText(typed, ENGLISH, KOREAN);
    expect(after.probeText).toBe('Harrow');
    expect(after.heatText).toBe(defaultHeatText(KOREAN));
  });

  it('empty texts take the new text’s piece', () => {
    expect(followText({ probeText: '', heatText: '' }, ENGLISH, KOREAN)).toEqual(suggestedTexts({ probeText: 'x', heatText: 'y' }, KOREAN));
  });

  it('cut scripts without spaces at a character boundary', () => {
    const probe = defaultProbeText(NO_SPACES);
    expect([...probe].length).toBe(24);
    expect(NO_SPACES.startsWith(probe)).toBe(true);
    const emoji = '😀'.repeat(40);
    expect([...defaultProbeText(emoji)].every((c) => c === '😀')).toBe(true);
    expect([...defaultHeatText(emoji)].every((c) => c === '😀')).toBe(true);
  });

  it('suggest ways to begin a sample from the text’s own lines', () => {
    expect(primeSuggestions(ENGLISH)).toEqual(['The Lamplighter ', 'Every evening ']);
    expect(primeSuggestions(KOREAN)[0]).toBe('바닷가 마을의 ');
    expect(primeSuggestions('a\na\na\n')).toEqual(['a']);
  });
});
