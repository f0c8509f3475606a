// The one place that picks language tags for Intl: what browsers and POSIX locales hand out, read as
// a person means them, and nothing Intl rejects ever reaches it. (The shield for libraries that read
// navigator.language is proven in a real browser: tests/web/e2e/startup.spec.ts.)
import { afterEach, describe, expect, it } from 'vitest';
import { acceptedTag, dateTimeFormat, numberFormat, pageLanguage, pluralRules, setPageLanguage, usableLocale } from '../../../web/src/locale';
import { formatCount } from '../../../web/src/format';

describe('language tags', () => {
  afterEach(() => setPageLanguage('en'));

  it('refuses what Intl refuses or has no data for, and reads POSIX names as tags', () => {
    for (const bad of ['C', '', '  ', 'C.UTF-8', 'POSIX', 'c.utf8', 'xx', 'not a tag', '12']) expect(acceptedTag(bad), bad).toBeNull();
    expect(acceptedTag(null)).toBeNull();
    expect(acceptedTag(undefined)).toBeNull();
    expect(acceptedTag('en_US')).toBe('en-US');
    expect(acceptedTag('en_US.UTF-8')).toBe('en-US');
    expect(acceptedTag('ko_KR.UTF-8@euro')).toBe('ko-KR');
    expect(acceptedTag('en-us')).toBe('en-US');
    expect(acceptedTag('ko')).toBe('ko');
    // Every refused tag really is one that breaks Intl or means nothing to it.
    expect(() => new Intl.NumberFormat('C')).toThrow(RangeError);
    expect(() => new Intl.NumberFormat('en_US')).toThrow(RangeError);
  });

  it('falls back from the requested tag to the page language, then English', () => {
    expect(pageLanguage()).toBe('en');
    expect(usableLocale('C')).toBe('en');
    expect(usableLocale('de-DE')).toBe('de-DE');
    setPageLanguage('ko');
    expect(pageLanguage()).toBe('ko');
    expect(usableLocale('C.UTF-8')).toBe('ko');
    expect(usableLocale('')).toBe('ko');
    setPageLanguage('C');  // a bad page language is English, not an error
    expect(pageLanguage()).toBe('en');
  });

  it('formats numbers in the page language and dates in a tag Intl takes', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(numberFormat().resolvedOptions().locale).toBe('en');
    setPageLanguage('de');
    expect(formatCount(1234567)).toBe('1.234.567');  // cached formatters follow the switch
    setPageLanguage('en');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(pluralRules().select(1)).toBe('one');
    expect(pluralRules().select(2)).toBe('other');
    setPageLanguage('ko');
    expect(pluralRules().select(1)).toBe('other');  // Korean nouns do not inflect for number
    setPageLanguage('en');
    expect(() => dateTimeFormat({ dateStyle: 'medium' }).format(0)).not.toThrow();
  });
});
