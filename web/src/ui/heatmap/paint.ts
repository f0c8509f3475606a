// Paints one gate grid in layers. The cells: one pixel per (character, unit), written through the
// palette's table into a canvas exactly steps × units pixels big, which CSS scales up without
// smoothing — a few kilobytes to hand to the compositor each time the weights change. The labels
// (unit numbers beside, characters under the columns): two narrow canvases, painted only when the
// text or the layout changes.
import { displayChar } from '../../format';
import { axisTicks, type GridGeometry } from './geometry';
import type { Scale } from './gates';
import type { Palette } from './palette';

// values: (steps × hidden), row-major by step, as the core traces them.
export interface CellPaint {
  values: Float32Array;
  hidden: number;
  firstUnit: number;
  scale: Scale;
}

const INK = '#5b6475';
const packedTables = new WeakMap<Palette, Uint32Array>();

// The palette as packed RGBA words (ImageData is little-endian bytes R, G, B, A).
function packed(palette: Palette): Uint32Array {
  let table = packedTables.get(palette);
  if (!table) {
    table = new Uint32Array(palette.size);
    new Uint8ClampedArray(table.buffer).set(palette.lut);
    packedTables.set(palette, table);
  }
  return table;
}

export function paintCells(canvas: HTMLCanvasElement, g: GridGeometry, p: CellPaint): void {
  const w = Math.max(1, g.steps);
  const h = Math.max(1, g.units);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.left = `${g.axisWidth}px`;
  canvas.style.top = `${g.top}px`;
  canvas.style.width = `${g.steps * g.cellWidth}px`;
  canvas.style.height = `${g.units * g.rowHeight}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(w, h);
  const pixels = new Uint32Array(image.data.buffer);
  const table = packed(p.scale.palette);
  const top = table.length - 1;
  const { lo, hi } = p.scale;
  const toIndex = top / (hi - lo || 1);
  const middle = top >> 1;
  for (let t = 0; t < g.steps; t++) {
    const rowBase = t * p.hidden + p.firstUnit;
    for (let u = 0; u < g.units; u++) {
      const v = p.values[rowBase + u];
      const i = v === v ? Math.round((v - lo) * toIndex) : middle;  // v !== v: NaN, drawn neutral
      pixels[u * w + t] = table[i < 0 ? 0 : i > top ? top : i];
    }
  }
  ctx.putImageData(image, 0, 0);
}

// The unit numbers, in a canvas as tall as the grid and as wide as the axis.
export function paintAxis(canvas: HTMLCanvasElement, g: GridGeometry, firstUnit: number): void {
  const ctx = sized(canvas, g.axisWidth, g.top + g.units * g.rowHeight);
  if (!ctx) return;
  ctx.fillStyle = INK;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const u of axisTicks(g.units, g.rowHeight, firstUnit)) {
    ctx.fillText(String(firstUnit + u), g.axisWidth - 5, g.top + u * g.rowHeight + g.rowHeight / 2);
  }
}

// The characters, in a strip under the grid, one per column.
export function paintCharacters(canvas: HTMLCanvasElement, g: GridGeometry, chars: readonly string[]): void {
  const ctx = sized(canvas, g.steps * g.cellWidth, g.labelHeight);
  if (!ctx) return;
  ctx.font = `${Math.min(12, g.cellWidth + 2)}px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  for (let t = 0; t < g.steps; t++) {
    const shown = displayChar(chars[t] ?? '');
    ctx.fillStyle = shown === chars[t] ? '#1b2230' : '#8a93a6';
    ctx.fillText(shown.length > 2 ? '·' : shown, (t + 0.5) * g.cellWidth, g.labelHeight - 5);
  }
}

// A canvas of a CSS size, sharp on high-density screens, cleared.
function sized(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
