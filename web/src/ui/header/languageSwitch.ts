// The header's language switch: 한국어 | English, two toggle buttons (aria-pressed), usable with the
// keyboard like any button. Choosing one changes the page at once; what else follows (the link, the
// panels) is the caller's.
import { language, LANGUAGES, onLanguageChange, type Language } from '../../i18n';
import { h } from '../dom';

export function languageSwitch(root: HTMLElement, onChoose: (lang: Language) => void): void {
  const buttons = LANGUAGES.map((lang) => {
    // Each name in its own language, so a reader finds theirs whatever the page speaks.
    const b = h('button', { class: 'lang-option', say: `lang.${lang}`, attrs: { type: 'button', lang, 'data-lang': lang } });
    b.addEventListener('click', () => {
      if (lang !== language()) onChoose(lang);
    });
    return b;
  });
  const mark = () => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === language()));
  };
  mark();
  onLanguageChange(mark);
  root.replaceChildren(...buttons);
}
