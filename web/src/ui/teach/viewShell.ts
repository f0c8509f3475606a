// The frame every teaching view shares: a title with a link a course can use, the live figure on the
// left, the explanation on the right (below it on a phone).
import { h } from '../dom';
import { formula } from './equations/formula';
import type { TeachViewId } from './views';

export interface ViewShell {
  root: HTMLElement;
  main: HTMLElement;    // figures and controls
  aside: HTMLElement;   // the explanation
  status: HTMLElement;  // one line: what the figure shows now
}

export function viewShell(id: TeachViewId, title: string, explanation: readonly string[]): ViewShell {
  const status = h('p', { class: 'teach-status', id: `${id}-status` });
  const main = h('div', { class: 'teach-main' });
  const aside = h('aside', { class: 'teach-aside' }, explanation.map((p) => h('p', {}, [formula(p, 'prose')])));
  const link = h('a', { class: 'teach-link', text: 'Link to this view', attrs: { href: `#view=${id}`, title: 'A link that opens this view, e.g. for a course' } });
  const root = h('div', { class: 'teach-view', id: `view-${id}`, attrs: { role: 'tabpanel', 'aria-labelledby': `tab-${id}`, 'data-view': id } }, [
    h('header', { class: 'teach-view-head' }, [h('h3', { class: 'teach-view-title', text: title }), link]),
    status,
    h('div', { class: 'teach-body' }, [main, aside]),
  ]);
  return { root, main, aside, status };
}

// A labelled control row for the views' own inputs.
export function controlRow(children: (Node | string)[]): HTMLElement {
  return h('div', { class: 'teach-controls' }, children);
}
