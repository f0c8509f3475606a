// A kept message (Said) as page content. The engine's own English words (a core error without a
// translation) are shown as they are on the English page; on a page in another language they stay
// available but folded away under a sentence in that language, marked lang="en" for screen readers.
import { language, sayNow, t, type Said } from '../i18n';
import { namesIn, splitNames } from '../i18n/names';
import { h } from './dom';

export function saidNodes(parts: readonly Said[]): Node[] {
  const nodes: Node[] = [];
  parts.forEach((s, i) => {
    if (i > 0) nodes.push(document.createTextNode(' '));
    nodes.push(saidNode(s));
  });
  return nodes;
}

export function saidNode(s: Said): Node {
  const names = namesIn(s);
  if (names.length > 0) return withNames(sayNow(s), names);
  if (!('raw' in s) || !s.english || language() === 'en') return document.createTextNode(sayNow(s));
  return h('details', { class: 'said-english' }, [
    h('summary', { text: t('notice.engineDetail') }),
    h('span', { text: s.raw, attrs: { lang: 'en' } }),
  ]);
}

// A sentence whose identifiers (i18n/names.ts) are set as code; the page's language checks leave them alone.
function withNames(text: string, names: readonly string[]): Node {
  const frag = document.createDocumentFragment();
  for (const piece of splitNames(text, names)) {
    frag.append(piece.name ? h('code', { class: 'said-name', text: piece.text, attrs: { translate: 'no' } }) : document.createTextNode(piece.text));
  }
  return frag;
}

// Fills `el` with the message(s), replacing what it held.
export function showSaid(el: Element, parts: readonly Said[]): void {
  el.replaceChildren(...saidNodes(parts));
}

// A key that changes when what is shown would: the messages and the language.
export function saidKey(parts: readonly Said[]): string {
  return `${language()}|${JSON.stringify(parts)}`;
}
