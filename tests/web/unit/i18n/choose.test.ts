// Which language the page opens in: the link's lang=, else the first Korean or English entry of the
// browser's preferred languages, else English; and lang= kept in the link.
import { describe, expect, it } from 'vitest';
import { chooseLanguage, languageOfTag, preferredLanguage } from '../../../../web/src/i18n/choose';
import { defaultState } from '../../../../web/src/state/settings';
import { stateFromHash, stateToHash } from '../../../../web/src/state/url';
import { parseLesson } from '../../../../web/src/state/lesson';

describe('choosing the language', () => {
  it('takes the link first', () => {
    expect(chooseLanguage('ko', ['en-US'])).toBe('ko');
    expect(chooseLanguage('en', ['ko-KR', 'ko'])).toBe('en');
  });

  it('then the first Korean or English of the preferred languages, in the reader’s order', () => {
    expect(chooseLanguage(null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(chooseLanguage('', ['fr-FR', 'ko', 'en'])).toBe('ko');
    expect(chooseLanguage(null, ['de', 'en-GB', 'ko'])).toBe('en');
    expect(chooseLanguage('xx', ['ko_KR.UTF-8'])).toBe('ko');  // a POSIX name, and a link value that is no language
  });

  it('else English', () => {
    expect(chooseLanguage(null, [])).toBe('en');
    expect(chooseLanguage(null, ['ja-JP', 'zh-CN', 'C'])).toBe('en');
    expect(preferredLanguage(['', 'C.UTF-8'])).toBeNull();
  });

  it('reads a tag by its language, not its region', () => {
    expect(languageOfTag('ko-KP')).toBe('ko');
    expect(languageOfTag('EN-au')).toBe('en');
    expect(languageOfTag('kok')).toBeNull();  // Konkani, not Korean
    expect(languageOfTag(undefined)).toBeNull();
  });

  it('keeps lang= in the link, ignores anything else there, and lets a lesson lock it', () => {
    expect(stateToHash({ ...defaultState(), lang: 'ko' })).toBe('#lang=ko');
    expect(stateToHash(defaultState())).toBe('');
    expect(stateFromHash('#lang=ko', ['story']).lang).toBe('ko');
    expect(stateFromHash('#lang=fr', ['story']).lang).toBe('');
    expect(stateFromHash('#lang=<b>', ['story']).lang).toBe('');
    expect(parseLesson('#lang=ko&lock=lang,cell').lock).toEqual(['lang', 'cell']);
    expect(parseLesson('#hide=lang').hide).toEqual(['lang']);
  });
});
