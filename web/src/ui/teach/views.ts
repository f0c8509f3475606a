// The teaching views, in the order a course on RNNs meets the ideas. The id is what a link names
// (#view=gradients): keep ids stable once published, a course may link to them.
// Each view's title and one-line blurb (the tab's tooltip) are in the catalogue: `view.<id>`,
// `view.<id>.blurb` (viewTitle, viewBlurb).
import type { MessageKey } from '../../i18n';

export interface TeachViewInfo {
  id: string;
}

export const TEACH_VIEWS = [
  { id: 'shapes' }, { id: 'equations' }, { id: 'softmax' }, { id: 'anatomy' }, { id: 'activations' },
  { id: 'gradients' }, { id: 'clipping' }, { id: 'forget-bias' }, { id: 'dropout' }, { id: 'compare' }, { id: 'gradient-check' },
] as const satisfies readonly TeachViewInfo[];

export type TeachViewId = (typeof TEACH_VIEWS)[number]['id'];

export function viewTitle(id: TeachViewId): MessageKey {
  return `view.${id}`;
}

export function viewBlurb(id: TeachViewId): MessageKey {
  return `view.${id}.blurb`;
}

export function isTeachView(id: string): id is TeachViewId {
  return TEACH_VIEWS.some((v) => v.id === id);
}
