// The unrolled network as an SVG: steps across, layers up; dropout sites drawn as dashed edges with a
// mask badge, recurrent edges solid and marked "no dropout". Built with DOM calls (no markup strings).
import { t } from '../../../i18n';
import { unrolledNetwork } from './sites';

const NS = 'http://www.w3.org/2000/svg';
const COL = 150;
const ROW = 62;
const PAD = 36;

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function dropoutDiagram(layers: number, dropout: number): SVGSVGElement {
  const steps = 3;
  const { nodes, edges } = unrolledNetwork(layers, steps);
  const levels = layers + 2;
  const width = PAD * 2 + COL * (steps - 1) + 60;
  const height = PAD * 2 + ROW * (levels - 1);
  const on = dropout > 0;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'dropout-diagram', role: 'img', 'aria-label': t('dropout.diagram') });
  const pos = new Map(nodes.map((n) => [n.id, { x: PAD + 30 + n.step * COL, y: height - PAD - n.level * ROW }]));
  const defs = el('defs', {});
  const marker = el('marker', { id: 'dd-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0 0 L10 5 L0 10 z', fill: '#5b6475' }));
  defs.append(marker);
  svg.append(defs);
  for (const e of edges) {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const r = 17;
    const [x1, y1, x2, y2] = e.recurrent ? [a.x + r, a.y, b.x - r, b.y] : [a.x, a.y - r, b.x, b.y + r];
    const dropped = e.dropout && on;
    svg.append(el('line', {
      x1, y1, x2, y2, stroke: dropped ? '#dc2626' : e.recurrent ? '#4f46e5' : '#5b6475', 'stroke-width': e.recurrent ? 2.5 : 1.8,
      'stroke-dasharray': e.dropout ? '5 4' : 'none', 'marker-end': 'url(#dd-arrow)', 'data-edge': e.recurrent ? 'recurrent' : e.dropout ? 'dropout' : 'input',
    }));
    if (e.dropout) {
      const mx = (x1 + x2) / 2;
      const my = (y1 + y2) / 2;
      svg.append(el('rect', { x: mx + 6, y: my - 9, width: 46, height: 18, rx: 9, fill: dropped ? '#fee2e2' : '#f3f4f7', stroke: dropped ? '#dc2626' : '#cfd4dc' }));
      svg.append(el('text', { x: mx + 29, y: my + 4, 'text-anchor': 'middle', 'font-size': 11, fill: dropped ? '#991b1b' : '#8a93a6' }, on ? `p=${dropout}` : t('dropout.diagramOff')));
    }
  }
  // One "no dropout" label on the first recurrent edge of the top layer.
  const a = pos.get(`n${layers}_0`)!;
  svg.append(el('text', { x: a.x + COL / 2, y: a.y + 20, 'text-anchor': 'middle', 'font-size': 11, fill: '#4f46e5' }, t('dropout.recurrent')));
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const fill = n.kind === 'input' ? '#eef0ff' : n.kind === 'output' ? '#fff7ed' : '#ffffff';
    svg.append(el('circle', { cx: p.x, cy: p.y, r: 17, fill, stroke: n.kind === 'layer' ? '#4f46e5' : '#8a93a6', 'stroke-width': 1.5 }));
    svg.append(el('text', { x: p.x, y: p.y + 4, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 600, fill: '#1b2230' }, n.label));
  }
  for (let t = 0; t < steps; t++) {
    svg.append(el('text', { x: PAD + 30 + t * COL, y: height - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#8a93a6' }, ['t−1', 't', 't+1'][t]));
  }
  return svg;
}
