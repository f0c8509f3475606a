// The held-out text as the model spaces it: a space where it put one rightly, and marks for its
// mistakes that do not rely on colour — a caret where it missed a space, a struck-out space where it
// put one that does not belong — with a legend saying so.
import { h } from '../../dom';
import type { SpacedCharacter } from './spacedText';

export const MISSED_MARK = '‸';
export const EXTRA_MARK = '␣';

export function spacedTextNodes(chars: readonly SpacedCharacter[]): Node[] {
  const out: Node[] = [];
  let run = '';
  const flush = () => {
    if (run) out.push(document.createTextNode(run));
    run = '';
  };
  for (const c of chars) {
    run += c.char;
    if (c.gap === 'space') run += ' ';
    else if (c.gap === 'missed' || c.gap === 'extra') {
      flush();
      const missed = c.gap === 'missed';
      out.push(h('span', {
        class: missed ? 'gap gap-missed' : 'gap gap-extra',
        sayAttrs: { title: missed ? 'spacing.missedTitle' : 'spacing.extraTitle' },
        text: missed ? MISSED_MARK : EXTRA_MARK,
      }));
    }
  }
  flush();
  return out;
}

export function spacingLegend(): HTMLElement {
  const item = (cls: string, mark: string, say: 'spacing.legendMissed' | 'spacing.legendExtra') =>
    h('li', {}, [h('span', { class: `gap ${cls}`, text: mark, attrs: { 'aria-hidden': 'true' } }), ' ', h('span', { say })]);
  return h('ul', { class: 'spacing-legend' }, [
    h('li', {}, [h('span', { class: 'gap-right', text: 'a b', attrs: { 'aria-hidden': 'true' } }), ' ', h('span', { say: 'spacing.legendRight' })]),
    item('gap-missed', MISSED_MARK, 'spacing.legendMissed'),
    item('gap-extra', EXTRA_MARK, 'spacing.legendExtra'),
  ]);
}
