// Text with `_x` / `_{…}` subscripts as a span with <sub> elements: equations and the explanations that
// quote them read like the formulas they are, without a math library.
import { h } from '../../dom';
import { subscriptPieces } from './equations';

export function formula(s: string, cls = 'formula'): HTMLElement {
  return h('span', { class: cls }, subscriptPieces(s).map((p) => (p.sub ? h('sub', { text: p.text }) : p.text)));
}
