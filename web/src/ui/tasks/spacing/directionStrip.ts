// Which side decided each gap: under every character, the probability of a space from the forward
// direction's half of the output layer alone and from the backward direction's, as bars with their
// numbers in the title, and an arrow for the side that decided where the two disagree.
import { t } from '../../../i18n';
import { h } from '../../dom';
import { decidingSide, type SpacedCharacter } from './spacedText';

export interface DirectionSummary {
  disagreed: number;   // gaps where the two directions alone would decide differently
  byForward: number;
  byBackward: number;
  decided: number;
}

export function directionSummary(chars: readonly SpacedCharacter[]): DirectionSummary {
  const s = { disagreed: 0, byForward: 0, byBackward: 0, decided: 0 };
  for (const c of chars) {
    if (c.gap === 'unscored') continue;
    s.decided++;
    const side = decidingSide(c);
    if (side === 'forward') s.byForward++;
    if (side === 'backward') s.byBackward++;
  }
  s.disagreed = s.byForward + s.byBackward;
  return s;
}

const bar = (p: number, cls: string) => {
  const el = h('span', { class: `dir-bar ${cls}` });
  el.style.height = `${Math.round(Math.max(0, Math.min(1, p)) * 100)}%`;
  return el;
};

// One column per character (the first `limit`), scrolled sideways on a narrow screen.
export function directionStrip(chars: readonly SpacedCharacter[], limit: number): HTMLElement {
  const columns = chars.slice(0, limit).map((c) => {
    const side = decidingSide(c);
    const two = side !== 'one-way';
    const title = c.gap === 'unscored'
      ? t('spacing.stripUnscored', { char: c.char })
      : two
        ? t('spacing.stripTitle', { char: c.char, p: c.probability.toFixed(2), forward: c.forward.toFixed(2), backward: c.backward.toFixed(2) })
        : t('spacing.stripTitleForward', { char: c.char, p: c.probability.toFixed(2), forward: c.forward.toFixed(2) });
    const arrow = side === 'forward' ? '→' : side === 'backward' ? '←' : '';
    return h('div', { class: `dir-col${c.gap === 'unscored' ? ' is-unscored' : ''}`, title, attrs: { role: 'listitem', 'aria-label': title } }, [
      h('span', { class: 'dir-char', text: c.char === '\n' ? '↵' : c.char }),
      h('span', { class: 'dir-cell' }, [bar(c.forward, 'is-forward')]),
      two ? h('span', { class: 'dir-cell' }, [bar(c.backward, 'is-backward')]) : null,
      h('span', { class: 'dir-side', text: arrow }),
    ]);
  });
  return h('div', { class: 'dir-strip', attrs: { role: 'list' } }, columns);
}
