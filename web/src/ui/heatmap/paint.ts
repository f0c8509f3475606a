// Paints one gate grid: each (character, unit) cell coloured through the gate's palette, written
// into an ImageData at one pixel per cell and scaled up without smoothing — one table read per cell,
// however many cells.
import { displayChar } from '../../format';
import { axisTicks, type GridGeometry } from './geometry';
import type { Scale } from './gates';

// values: (steps × hidden), row-major by step, as the core traces them.
export interface GridPaint {
  values: Float32Array;
  hidden: number;
  firstUnit: number;
  scale: Scale;
  chars: readonly string[];
  pickedRow: number | null;
}

const INK = '#5b6475';
const PICK = '#f59e0b';
let scratch: HTMLCanvasElement | undefined;

export function paintGrid(canvas: HTMLCanvasElement, g: GridGeometry, p: GridPaint): void {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.round(g.width * dpr);
  const hgt = Math.round(g.height * dpr);
  if (canvas.width !== w || canvas.height !== hgt) {
    canvas.width = w;
    canvas.height = hgt;
    canvas.style.width = `${g.width}px`;
    canvas.style.height = `${g.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, g.width, g.height);

  const image = new ImageData(Math.max(1, g.steps), Math.max(1, g.units));
  const { lut, size } = p.scale.palette;
  const { lo, hi } = p.scale;
  const span = hi - lo || 1;
  for (let t = 0; t < g.steps; t++) {
    const rowBase = t * p.hidden + p.firstUnit;
    for (let u = 0; u < g.units; u++) {
      const v = p.values[rowBase + u];
      const x = Number.isFinite(v) ? Math.min(1, Math.max(0, (v - lo) / span)) : 0.5;
      const li = Math.round(x * (size - 1)) * 4;
      const o = (u * g.steps + t) * 4;
      image.data[o] = lut[li];
      image.data[o + 1] = lut[li + 1];
      image.data[o + 2] = lut[li + 2];
      image.data[o + 3] = 255;
    }
  }
  scratch ??= document.createElement('canvas');
  scratch.width = image.width;
  scratch.height = image.height;
  scratch.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  const gridH = g.units * g.rowHeight;
  ctx.drawImage(scratch, 0, 0, image.width, image.height, g.axisWidth, g.top, g.steps * g.cellWidth, gridH);

  ctx.fillStyle = INK;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const u of axisTicks(g.units, g.rowHeight, p.firstUnit)) {
    ctx.fillText(String(p.firstUnit + u), g.axisWidth - 5, g.top + u * g.rowHeight + g.rowHeight / 2);
  }

  ctx.font = `${Math.min(12, g.cellWidth + 2)}px ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#1b2230';
  for (let t = 0; t < g.steps; t++) {
    const shown = displayChar(p.chars[t] ?? '');
    const label = shown.length > 2 ? '·' : shown;
    ctx.fillStyle = shown === p.chars[t] ? '#1b2230' : '#8a93a6';
    ctx.fillText(label, g.axisWidth + (t + 0.5) * g.cellWidth, g.top + gridH + g.labelHeight - 5);
  }

  if (p.pickedRow !== null && p.pickedRow >= 0 && p.pickedRow < g.units) {
    ctx.strokeStyle = PICK;
    ctx.lineWidth = 2;
    ctx.strokeRect(g.axisWidth - 1, g.top + p.pickedRow * g.rowHeight - 1, g.steps * g.cellWidth + 2, g.rowHeight + 2);
  }
}
