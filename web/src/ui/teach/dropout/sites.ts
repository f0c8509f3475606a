// Where dropout acts in the unrolled network, as the core applies it (PyTorch semantics): on the
// connections between layers and on the last layer's output before the decoder — never on the
// recurrent connections from one step to the next, and never on the one-hot input.

export type NodeKind = 'input' | 'layer' | 'output';

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  step: number;    // column
  level: number;   // row: 0 input, 1..L layers, L+1 output
  label: string;
}

export interface DiagramEdge {
  from: string;
  to: string;
  recurrent: boolean;
  dropout: boolean;
}

export function unrolledNetwork(layers: number, steps: number): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const id = (level: number, t: number) => `n${level}_${t}`;
  for (let t = 0; t < steps; t++) {
    nodes.push({ id: id(0, t), kind: 'input', step: t, level: 0, label: 'x' });
    for (let l = 1; l <= layers; l++) nodes.push({ id: id(l, t), kind: 'layer', step: t, level: l, label: layers > 1 ? `h${l}` : 'h' });
    nodes.push({ id: id(layers + 1, t), kind: 'output', step: t, level: layers + 1, label: 'y' });
    for (let l = 0; l <= layers; l++) {
      // Upward: input → layer 1 is not dropped; layer k → k+1 and top layer → decoder are.
      edges.push({ from: id(l, t), to: id(l + 1, t), recurrent: false, dropout: l >= 1 });
    }
    if (t > 0) for (let l = 1; l <= layers; l++) edges.push({ from: id(l, t - 1), to: id(l, t), recurrent: true, dropout: false });
  }
  return { nodes, edges };
}
