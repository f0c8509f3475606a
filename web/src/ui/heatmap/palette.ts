// Colour scales as precomputed lookup tables, so painting a grid is one table read per cell. 257
// entries: an odd count has an exact middle, so zero is exactly white on the diverging scale. Gates that are probabilities (sigmoid, 0…1) get a sequential white→blue scale; values
// around zero (tanh, −1…1, and the unbounded LSTM cell) a diverging blue←white→red one, white at 0.

export interface Palette {
  readonly lut: Uint8ClampedArray;  // size × 4 (RGBA)
  readonly size: number;
}

type Stop = readonly [number, readonly [number, number, number]];

// ColorBrewer "Blues".
const SEQUENTIAL: Stop[] = [
  [0, [247, 251, 255]], [0.25, [198, 219, 239]], [0.5, [107, 174, 214]], [0.75, [33, 113, 181]], [1, [8, 48, 107]],
];
// ColorBrewer "RdBu", reversed: negative blue, positive red.
const DIVERGING: Stop[] = [
  [0, [5, 48, 97]], [0.25, [67, 147, 195]], [0.5, [247, 247, 247]], [0.75, [214, 96, 77]], [1, [103, 0, 31]],
];

export function makePalette(stops: readonly Stop[], size = 257): Palette {
  const lut = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const t = size === 1 ? 0 : i / (size - 1);
    let k = 0;
    while (k < stops.length - 2 && t > stops[k + 1][0]) k++;
    const [t0, c0] = stops[k];
    const [t1, c1] = stops[k + 1];
    const f = t1 === t0 ? 0 : Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
    for (let ch = 0; ch < 3; ch++) lut[i * 4 + ch] = Math.round(c0[ch] + (c1[ch] - c0[ch]) * f);
    lut[i * 4 + 3] = 255;
  }
  return { lut, size };
}

export const sequential = makePalette(SEQUENTIAL);
export const diverging = makePalette(DIVERGING);

// Where `value` falls between lo and hi, as a table index; outside values clamp to the ends and NaN
// maps to the middle (no information, drawn neutral).
export function paletteIndex(p: Palette, value: number, lo: number, hi: number): number {
  if (!Number.isFinite(value)) return value === Infinity ? p.size - 1 : value === -Infinity ? 0 : (p.size - 1) >> 1;
  const t = hi === lo ? 0.5 : (value - lo) / (hi - lo);
  return Math.round(Math.min(1, Math.max(0, t)) * (p.size - 1));
}

export function rgbAt(p: Palette, index: number): [number, number, number] {
  const i = Math.min(p.size - 1, Math.max(0, index)) * 4;
  return [p.lut[i], p.lut[i + 1], p.lut[i + 2]];
}

export function cssColor(p: Palette, value: number, lo: number, hi: number): string {
  const [r, g, b] = rgbAt(p, paletteIndex(p, value, lo, hi));
  return `rgb(${r}, ${g}, ${b})`;
}

// Dark or light ink for text drawn on a colour, by its relative luminance (WCAG).
export function inkOn(rgb: readonly [number, number, number]): '#10131a' | '#ffffff' {
  const lin = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return luminance > 0.25 ? '#10131a' : '#ffffff';
}
