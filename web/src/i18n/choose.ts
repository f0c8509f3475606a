// Which language the page opens in: the link's `lang=` (ko or en), else the first Korean or English
// entry of the browser's preferred languages (navigator.languages, in the reader's order), else English.
import type { Language } from './index';

// ko, ko-KR, ko_KR.UTF-8 → 'ko'; en, en-GB → 'en'; anything else → null.
export function languageOfTag(tag: string | null | undefined): Language | null {
  if (typeof tag !== 'string') return null;
  const primary = tag.trim().toLowerCase().split(/[-_.@]/)[0];
  return primary === 'ko' ? 'ko' : primary === 'en' ? 'en' : null;
}

export function preferredLanguage(tags: readonly string[]): Language | null {
  for (const tag of tags) {
    const lang = languageOfTag(tag);
    if (lang) return lang;
  }
  return null;
}

export function chooseLanguage(fromLink: string | null | undefined, preferred: readonly string[]): Language {
  if (fromLink === 'ko' || fromLink === 'en') return fromLink;
  return preferredLanguage(preferred) ?? 'en';
}

// The browser's preferred languages, most wanted first (navigator.language when the list is missing).
export function browserLanguages(): string[] {
  if (typeof navigator === 'undefined') return [];
  const list = navigator.languages && navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return list.filter((x): x is string => typeof x === 'string');
}
