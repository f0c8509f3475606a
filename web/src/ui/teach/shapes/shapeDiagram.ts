// One shape of recurrent network as an SVG: steps across; inputs x below, states h in the middle,
// outputs y above. Generated outputs read back as the next input are dashed; the encoder's last state
// handed to the decoder is the thick "context" edge. Built with DOM calls (no markup strings).
import { t } from '../../../i18n';
import { shapeLayout, type EdgeKind, type NodeKind, type ShapeId, type ShapeNode } from './shapes';

const NS = 'http://www.w3.org/2000/svg';
const COL = 62;
const PAD_X = 30;
const ROW_Y: Record<NodeKind, number> = { y: 30, h: 92, x: 154 };
const BOX = { w: 38, h: 28 };
const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

const FILL: Record<NodeKind, string> = { x: '#eef0ff', h: '#ffffff', y: '#fff7ed' };
const STROKE: Record<NodeKind, string> = { x: '#6b7280', h: '#4f46e5', y: '#c2410c' };
const EDGE: Record<EdgeKind, { stroke: string; width: number; dash: string }> = {
  input: { stroke: '#5b6475', width: 1.6, dash: 'none' },
  output: { stroke: '#5b6475', width: 1.6, dash: 'none' },
  recurrent: { stroke: '#4f46e5', width: 2.2, dash: 'none' },
  feedback: { stroke: '#c2410c', width: 1.4, dash: '4 3' },
  context: { stroke: '#0f766e', width: 3, dash: 'none' },
};

// Labels for the boxes of one step (a character the model read or wrote); absent: x₁, h₁, y₁.
export interface StepLabels {
  x?: readonly string[];
  y?: readonly string[];
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function subscript(n: number): string {
  return [...String(n)].map((d) => SUBSCRIPTS[Number(d)]).join('');
}

function labelOf(node: ShapeNode, labels: StepLabels): string {
  const live = node.kind === 'x' ? labels.x?.[node.step] : node.kind === 'y' ? labels.y?.[node.step] : undefined;
  return live ?? `${node.kind}${subscript(node.step + 1)}`;
}

export function shapeDiagram(shape: ShapeId, labels: StepLabels = {}): SVGSVGElement {
  const layout = shapeLayout(shape);
  const width = PAD_X * 2 + COL * (layout.steps - 1);
  const height = shape === 'encoder-decoder' ? 192 : 172;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'shape-diagram', role: 'img', 'aria-label': t(`shapes.diagram.${shape}`), 'aria-describedby': 'shapes-status', 'data-shape': shape });
  const at = new Map(layout.nodes.map((n) => [n.id, { x: PAD_X + n.step * COL, y: ROW_Y[n.kind], node: n }]));
  const defs = el('defs', {});
  const marker = el('marker', { id: `sd-arrow-${shape}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' });
  marker.append(el('path', { d: 'M0 0 L10 5 L0 10 z', fill: '#5b6475' }));
  defs.append(marker);
  svg.append(defs);
  for (const e of layout.edges) {
    const a = at.get(e.from)!;
    const b = at.get(e.to)!;
    const style = EDGE[e.kind];
    const common = { stroke: style.stroke, 'stroke-width': style.width, 'stroke-dasharray': style.dash, fill: 'none', 'marker-end': `url(#sd-arrow-${shape})`, 'data-edge': e.kind };
    if (e.kind === 'feedback') {
      // From the right of y_{t−1} down to the top-left corner of h_t.
      const [x1, y1, x2, y2] = [a.x + BOX.w / 2, a.y, b.x - BOX.w / 2 + 4, b.y - BOX.h / 2 - 1];
      svg.append(el('path', { ...common, d: `M${x1} ${y1} Q${x2} ${y1} ${x2} ${y2}` }));
    } else if (e.kind === 'recurrent' || e.kind === 'context') {
      svg.append(el('line', { ...common, x1: a.x + BOX.w / 2, y1: a.y, x2: b.x - BOX.w / 2 - 1, y2: b.y }));
    } else {
      svg.append(el('line', { ...common, x1: a.x, y1: a.y - BOX.h / 2, x2: b.x, y2: b.y + BOX.h / 2 + 1 }));
    }
  }
  for (const { x, y, node } of at.values()) {
    const decoderState = node.kind === 'h' && node.decoder;
    svg.append(el('rect', {
      x: x - BOX.w / 2, y: y - BOX.h / 2, width: BOX.w, height: BOX.h, rx: 7,
      fill: decoderState ? '#ecfdf5' : FILL[node.kind], stroke: decoderState ? '#0f766e' : STROKE[node.kind], 'stroke-width': 1.5, 'data-node': node.kind,
    }));
    svg.append(el('text', { x, y: y + 5, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 600, fill: '#1b2230', class: 'shape-label' }, labelOf(node, labels)));
  }
  if (shape === 'encoder-decoder') {
    const mid = layout.nodes.find((n) => n.decoder)!.step;
    const x = PAD_X + (mid - 0.5) * COL;
    svg.append(el('text', { x, y: ROW_Y.h - 20, 'text-anchor': 'middle', 'font-size': 11, fill: '#0f766e' }, t('shapes.context')));
    svg.append(el('text', { x: PAD_X + ((mid - 1) * COL) / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#5b6475' }, t('shapes.encoder')));
    svg.append(el('text', { x: PAD_X + ((mid + layout.steps - 1) * COL) / 2, y: height - 4, 'text-anchor': 'middle', 'font-size': 11, fill: '#0f766e' }, t('shapes.decoder')));
  }
  return svg;
}
