// Paints one value per vocabulary entry as vertical bars on a canvas, the largest few labelled with
// their character; a highlighted index is drawn in the accent colour.
import { displayChar } from '../../../format';

export interface BarOptions {
  color: string;
  highlight: number;       // index drawn in the highlight colour (-1: none)
  highlightColor: string;
  labels: readonly string[];
  labelTop: number;        // how many of the largest bars get a character label
  max?: number;            // top of the scale (default: 1)
}

export function paintBars(canvas: HTMLCanvasElement, values: ArrayLike<number>, o: BarOptions): void {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(200, canvas.clientWidth);
  const height = Math.max(60, canvas.clientHeight);
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const n = values.length;
  if (n === 0) return;
  const top = 16;
  const bottom = height - 4;
  const max = o.max ?? 1;
  const slot = width / n;
  const bar = Math.max(1, slot * 0.8);
  ctx.fillStyle = '#e2e5eb';
  ctx.fillRect(0, bottom, width, 1);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a]).slice(0, o.labelTop);
  for (let i = 0; i < n; i++) {
    const v = Math.max(0, Math.min(1, values[i] / max));
    const hgt = v * (bottom - top);
    ctx.fillStyle = i === o.highlight ? o.highlightColor : o.color;
    ctx.fillRect(i * slot + (slot - bar) / 2, bottom - hgt, bar, Math.max(hgt, values[i] > 0 ? 1 : 0));
  }
  ctx.font = '11px ui-monospace, Menlo, Consolas, monospace';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = '#1b2230';
  for (const i of order) {
    if (values[i] <= 0) continue;
    const v = Math.max(0, Math.min(1, values[i] / max));
    const x = Math.min(width - 8, Math.max(8, i * slot + slot / 2));
    ctx.fillText(displayChar(o.labels[i] ?? '?'), x, bottom - v * (bottom - top) - 2);
  }
}
