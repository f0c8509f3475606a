// How the connectivity view turns dependence values into shades. The values span many orders of
// magnitude (an RNN's fall by a factor of ten every character or two), so the scale is logarithmic and
// relative to the largest value of the position shown: shade 1 is that largest value, shade 0 is
// DECADES powers of ten below it (or less). The colours are the heatmaps' sequential scale (white →
// blue), and the ink on each cell is whichever of black and white reads better on it (always ≥ 4.5:1).
import { paletteIndex, rgbAt, sequential } from '../../heatmap/palette';

export const DECADES = 4;

// One shade per value: log10(v / max) mapped from [-DECADES, 0] to [0, 1]; zero, negative or
// non-finite values (and all of them when the largest is 0) get 0.
export function shades(norms: ArrayLike<number>, decades = DECADES): number[] {
  let max = 0;
  for (let i = 0; i < norms.length; i++) if (Number.isFinite(norms[i]) && norms[i] > max) max = norms[i];
  const out: number[] = [];
  for (let i = 0; i < norms.length; i++) {
    const v = norms[i];
    if (!(max > 0) || !Number.isFinite(v) || v <= 0) {
      out.push(0);
      continue;
    }
    out.push(Math.min(1, Math.max(0, 1 + Math.log10(v / max) / decades)));
  }
  return out;
}

// The farthest distance back (position - s) whose value is at least `fraction` of the largest: how far
// the prediction still listens. 0 when only the character itself counts (or nothing was given).
export function reach(norms: ArrayLike<number>, fraction = 0.01): number {
  const t = norms.length - 1;
  let max = 0;
  for (let i = 0; i < norms.length; i++) if (Number.isFinite(norms[i])) max = Math.max(max, norms[i]);
  if (!(max > 0)) return 0;
  for (let s = 0; s < t; s++) if (norms[s] >= fraction * max) return t - s;
  return 0;
}

// The earlier character (s < position) the prediction depends on most; -1 at position 0.
export function strongestEarlier(norms: ArrayLike<number>): number {
  let best = -1;
  for (let s = 0; s < norms.length - 1; s++) if (best < 0 || norms[s] > norms[best]) best = s;
  return best;
}

export interface ShadeColours {
  background: string;
  ink: string;
}

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

export function shadeRgb(shade: number): number[] {
  return rgbAt(sequential, paletteIndex(sequential, shade, 0, 1));
}

export function shadeColours(shade: number): ShadeColours {
  const rgb = shadeRgb(shade);
  const white = contrast(rgb, [255, 255, 255]) >= contrast(rgb, [0, 0, 0]);
  return { background: `rgb(${rgb.join(', ')})`, ink: white ? '#ffffff' : '#000000' };
}

// The legend: its gradient (CSS), faintest to strongest, and the tick labels under it, 10⁻⁴ … 1.
export function legendGradient(): string {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((s) => `${shadeColours(s).background} ${s * 100}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

export function legendTicks(decades = DECADES): string[] {
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return Array.from({ length: decades + 1 }, (_, k) => (k === decades ? '1' : `10${[...String(k - decades)].map((c) => sup[c]).join('')}`));
}
