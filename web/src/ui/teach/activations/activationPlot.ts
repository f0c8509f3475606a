// One activation function as an SVG: its curve over x in [−6, 6], the saturated stretches (slope below
// 0.1) shaded, and the model's own pre-activations on it: a histogram along the bottom and a sample of
// them as points on the curve, red where saturated. Built with DOM calls (no markup strings).
import { FUNCTIONS, histogram, saturated, spreadSample, type ActivationId } from './activationMath';

const NS = 'http://www.w3.org/2000/svg';
const W = 260;
const H = 180;
const M = { left: 28, right: 8, top: 10, bottom: 22 };
const X_RANGE = 6;
const BINS = 48;
const POINTS = 160;
const Y_RANGE: Record<ActivationId, [number, number]> = { step: [-0.15, 1.15], sigmoid: [-0.15, 1.15], tanh: [-1.15, 1.15], relu: [-0.6, 6.2] };
const Y_TICKS: Record<ActivationId, number[]> = { step: [0, 1], sigmoid: [0, 0.5, 1], tanh: [-1, 0, 1], relu: [0, 3, 6] };

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const px = (x: number) => M.left + ((Math.max(-X_RANGE, Math.min(X_RANGE, x)) + X_RANGE) / (2 * X_RANGE)) * (W - M.left - M.right);

export function activationPlot(id: ActivationId, values: Float32Array, label: string): SVGSVGElement {
  const [lo, hi] = Y_RANGE[id];
  const py = (y: number) => M.top + ((hi - Math.max(lo, Math.min(hi, y))) / (hi - lo)) * (H - M.top - M.bottom);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'activation-plot', role: 'img', 'aria-label': label, 'aria-describedby': 'activations-status', 'data-activation': id });
  const bottom = H - M.bottom;
  // Saturated stretches, as runs of columns where the slope is below the line.
  const columns = 240;
  let runStart: number | null = null;
  for (let c = 0; c <= columns; c++) {
    const x = -X_RANGE + (2 * X_RANGE * c) / columns;
    const sat = c < columns && saturated(id, x);
    if (sat && runStart === null) runStart = x;
    if (!sat && runStart !== null) {
      svg.append(el('rect', { x: px(runStart), y: M.top, width: px(x) - px(runStart), height: bottom - M.top, fill: '#fdecec', 'data-saturated': '1' }));
      runStart = null;
    }
  }
  // Axes through 0, and the ticks.
  svg.append(el('line', { x1: M.left, x2: W - M.right, y1: py(0), y2: py(0), stroke: '#9aa3b2', 'stroke-width': 1 }));
  svg.append(el('line', { x1: px(0), x2: px(0), y1: M.top, y2: bottom, stroke: '#9aa3b2', 'stroke-width': 1 }));
  for (const x of [-6, -3, 0, 3, 6]) svg.append(el('text', { x: px(x), y: H - 6, 'text-anchor': 'middle', class: 'plot-tick' }, String(x).replace('-', '−')));
  for (const y of Y_TICKS[id]) svg.append(el('text', { x: M.left - 5, y: py(y) + 4, 'text-anchor': 'end', class: 'plot-tick' }, String(y).replace('-', '−')));
  // The model's pre-activations: how many fall where (bars, at most a third of the height).
  if (values.length > 0) {
    const counts = histogram(values, -X_RANGE, X_RANGE, BINS);
    const most = Math.max(...counts);
    const bw = (W - M.left - M.right) / BINS;
    counts.forEach((n, b) => {
      if (n === 0) return;
      const height = ((bottom - M.top) / 3) * (n / most);
      svg.append(el('rect', { x: M.left + b * bw + 0.5, y: bottom - height, width: bw - 1, height, fill: '#a5b4fc', opacity: 0.75, 'data-bin': b }));
    });
  }
  // The curve.
  const f = FUNCTIONS[id].f;
  const path: string[] = [];
  for (let c = 0; c <= 240; c++) {
    const x = -X_RANGE + (2 * X_RANGE * c) / 240;
    path.push(`${c === 0 ? 'M' : 'L'}${px(x).toFixed(1)} ${py(f(x)).toFixed(1)}`);
  }
  svg.append(el('path', { d: path.join(' '), fill: 'none', stroke: '#1b2230', 'stroke-width': 2 }));
  // A sample of them on the curve.
  for (const x of spreadSample(values, POINTS)) {
    const sat = saturated(id, x);
    svg.append(el('circle', { cx: px(x).toFixed(1), cy: py(f(x)).toFixed(1), r: 2.6, fill: sat ? '#dc2626' : '#4f46e5', opacity: 0.55, 'data-point': sat ? 'saturated' : 'live' }));
  }
  return svg;
}
