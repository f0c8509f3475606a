// A small, read-only row of shaded characters: the connectivity view's picture for one model, for the
// compare view's columns (RNN, LSTM and GRU on the same text and position, side by side). Only the last
// MAX_SHOWN characters up to the position are drawn; the summary (how far back it still listens) is the
// row's accessible name.
import { displayChar } from '../../../format';
import { h } from '../../dom';
import { shadeColours, shades } from './shading';

const MAX_SHOWN = 48;

export interface Dependence {
  chars: readonly string[];  // the text up to and including the position
  norms: ArrayLike<number>;  // one per character of chars
}

export function paintDependence(row: HTMLElement, d: Dependence | null): void {
  if (!d) {
    row.replaceChildren();
    return;
  }
  const from = Math.max(0, d.chars.length - MAX_SHOWN);
  const shade = shades(d.norms);
  row.replaceChildren(...d.chars.slice(from).map((c, k) => {
    const colours = shadeColours(shade[from + k] ?? 0);
    const cell = h('span', { class: 'conn-mini', text: displayChar(c), attrs: { 'data-shade': (shade[from + k] ?? 0).toFixed(3) } });
    cell.style.background = colours.background;
    cell.style.color = colours.ink;
    return cell;
  }));
  row.lastElementChild?.classList.add('is-picked');
}
