// Accuracy against distance as a small SVG: one point per distance bucket (log scale, like the
// distances are drawn), joined by a line, over a dashed chance line. Plain arrays in, no library.
import { t } from '../../../i18n';
import type { MemoryScore } from '../../../presets/memory/memoryScore';

const NS = 'http://www.w3.org/2000/svg';
const W = 360;
const H = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 36 };  // left: room for "100%" in a phone's larger labels

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// x position of a distance on a log axis from `lo` to `hi`.
export function logX(distance: number, lo: number, hi: number): number {
  const span = Math.log(hi) - Math.log(lo);
  const f = span > 0 ? (Math.log(distance) - Math.log(lo)) / span : 0.5;
  return PAD.left + Math.min(1, Math.max(0, f)) * (W - PAD.left - PAD.right);
}

const y = (accuracy: number) => PAD.top + (1 - accuracy) * (H - PAD.top - PAD.bottom);

export function drawMemoryChart(svg: SVGSVGElement, score: MemoryScore, maxDistance: number): void {
  const lo = 5;
  const hi = Math.max(10, maxDistance);
  const parts: SVGElement[] = [];
  for (const a of [0, 0.5, 1]) {
    parts.push(el('line', { class: 'mem-grid', x1: PAD.left, x2: W - PAD.right, y1: y(a), y2: y(a) }));
    parts.push(el('text', { class: 'mem-tick', x: PAD.left - 6, y: y(a) + 4, 'text-anchor': 'end' }, `${Math.round(a * 100)}%`));
  }
  for (const d of [5, 10, 20, 50, 100, 200].filter((d) => d <= hi)) {
    parts.push(el('text', { class: 'mem-tick', x: logX(d, lo, hi), y: H - PAD.bottom + 16, 'text-anchor': 'middle' }, String(d)));
  }
  parts.push(el('text', { class: 'mem-axis', x: (PAD.left + W - PAD.right) / 2, y: H - 4, 'text-anchor': 'middle' }, t('memory.axisDistance')));
  parts.push(el('line', { class: 'mem-chance', x1: PAD.left, x2: W - PAD.right, y1: y(score.chance), y2: y(score.chance) }));
  parts.push(el('text', { class: 'mem-chance-label', x: W - PAD.right, y: y(score.chance) - 4, 'text-anchor': 'end' }, t('memory.chance')));
  const points = score.buckets.map((b) => [logX(b.distance, lo, hi), y(b.accuracy)] as const);
  if (points.length > 1) parts.push(el('polyline', { class: 'mem-line', points: points.map((p) => p.join(',')).join(' ') }));
  for (const [px, py] of points) parts.push(el('circle', { class: 'mem-point', cx: px, cy: py, r: 4 }));
  svg.replaceChildren(...parts);
}

export function memoryChartElement(): SVGSVGElement {
  return el('svg', { class: 'mem-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': t('memory.chartLabel'), 'aria-describedby': 'memory-headline' });
}
