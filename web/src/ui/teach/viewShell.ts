// The frame every teaching view shares: a title with a link a course can use, the live figure on the
// left, the explanation on the right (below it on a phone).
import { onLanguageChange, tDynamic, type MessageKey } from '../../i18n';
import { h } from '../dom';
import { formula } from './equations/formula';
import type { TeachViewId } from './views';

export interface ViewShell {
  root: HTMLElement;
  main: HTMLElement;    // figures and controls
  aside: HTMLElement;   // the explanation
  status: HTMLElement;  // one line: what the figure shows now
}

// `title` and the explanation's paragraphs are catalogue keys: the view says them in the page's language.
export function viewShell(id: TeachViewId, title: MessageKey, explanation: readonly MessageKey[]): ViewShell {
  const status = h('p', { class: 'teach-status', id: `${id}-status` });
  const main = h('div', { class: 'teach-main' });
  const aside = h('aside', { class: 'teach-aside' }, explanation.map((p) => h('p', {}, [sayFormula(p, 'prose')])));
  const link = h('a', { class: 'teach-link', say: 'teach.link', sayAttrs: { title: 'teach.linkHelp' }, attrs: { href: `#view=${id}` } });
  const root = h('div', { class: 'teach-view', id: `view-${id}`, attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${id}`, 'data-view': id } }, [
    h('header', { class: 'teach-view-head' }, [h('h3', { class: 'teach-view-title', say: title }), link]),
    status,
    h('div', { class: 'teach-body' }, [main, aside]),
  ]);
  return { root, main, aside, status };
}

// A sentence with formulas (subscripts as <sub>) from the catalogue, written again when the language changes.
export function sayFormula(key: MessageKey, cls = 'formula'): HTMLElement {
  const holder = h('span', { class: 'said-formula' });
  const write = () => holder.replaceChildren(formula(tDynamic(key), cls));
  write();
  onLanguageChange(write);
  return holder;
}

// A labelled control row for the views' own inputs.
export function controlRow(children: (Node | string)[]): HTMLElement {
  return h('div', { class: 'teach-controls' }, children);
}
