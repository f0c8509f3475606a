// The shapes of recurrent networks, as the course draws them: which steps take an input and which give
// an output. Pure data: the diagram (shapeDiagram.ts) draws it, and the running task picks which shape
// is highlighted (a new task is one line in TASK_SHAPES).
// N steps of the unrolled network.

export const SHAPES = ['one-to-many', 'many-to-one', 'many-to-many', 'encoder-decoder'] as const;
export type ShapeId = (typeof SHAPES)[number];

// How a running task uses a shape: trained in it, or (the language model) sampled in it.
export type ShapeRole = 'training' | 'sampling';

// One line per task: the shapes it runs, the trained one first. Encoder–decoder (translation) is drawn
// for the course but no task trains it.
const TASK_SHAPES: Record<string, readonly { shape: ShapeId; role: ShapeRole }[]> = {
  lm: [{ shape: 'many-to-many', role: 'training' }, { shape: 'one-to-many', role: 'sampling' }],
  spacing: [{ shape: 'many-to-many', role: 'training' }],
  classify: [{ shape: 'many-to-one', role: 'training' }],
};

// The shapes a task runs ([] for a task this table does not know).
export function shapesOfTask(task: string): readonly { shape: ShapeId; role: ShapeRole }[] {
  return Object.hasOwn(TASK_SHAPES, task) ? TASK_SHAPES[task] : [];
}

export function roleOf(task: string, shape: ShapeId): ShapeRole | null {
  return shapesOfTask(task).find((s) => s.shape === shape)?.role ?? null;
}

export type NodeKind = 'x' | 'h' | 'y';
export type EdgeKind = 'input' | 'recurrent' | 'output' | 'feedback' | 'context';

export interface ShapeNode {
  id: string;
  kind: NodeKind;
  step: number;      // column, 0-based
  decoder: boolean;  // encoder–decoder: the decoder's half
}

export interface ShapeEdge {
  from: string;
  to: string;
  kind: EdgeKind;
}

export interface ShapeLayout {
  steps: number;
  nodes: ShapeNode[];
  edges: ShapeEdge[];
}

// Where the inputs and outputs are, step by step:
// one-to-many   one input, then each output is read back as the next input (generation)
// many-to-one   an input every step, one output after the last (classification)
// many-to-many  an input and an output every step (tagging; the language model's training)
// encoder–decoder  the encoder reads the whole input, its last state starts the decoder, which writes
//                  its own output sequence, each output read back as the next input (translation)
export function shapeLayout(shape: ShapeId, steps = 4): ShapeLayout {
  const n = shape === 'encoder-decoder' ? Math.max(2, steps) + 1 : steps;
  const encoderSteps = shape === 'encoder-decoder' ? Math.ceil(n / 2) : 0;
  const nodes: ShapeNode[] = [];
  const edges: ShapeEdge[] = [];
  for (let t = 0; t < n; t++) {
    const decoder = shape === 'encoder-decoder' && t >= encoderSteps;
    const hasInput = shape === 'one-to-many' ? t === 0 : shape === 'encoder-decoder' ? !decoder : true;
    const hasOutput = shape === 'many-to-one' ? t === n - 1 : shape === 'encoder-decoder' ? decoder : true;
    nodes.push({ id: `h${t}`, kind: 'h', step: t, decoder });
    if (hasInput) {
      nodes.push({ id: `x${t}`, kind: 'x', step: t, decoder });
      edges.push({ from: `x${t}`, to: `h${t}`, kind: 'input' });
    }
    if (hasOutput) {
      nodes.push({ id: `y${t}`, kind: 'y', step: t, decoder });
      edges.push({ from: `h${t}`, to: `y${t}`, kind: 'output' });
    }
    if (t > 0) {
      const context = shape === 'encoder-decoder' && t === encoderSteps;
      edges.push({ from: `h${t - 1}`, to: `h${t}`, kind: context ? 'context' : 'recurrent' });
      const generates = shape === 'one-to-many' || (shape === 'encoder-decoder' && decoder && t > encoderSteps);
      if (generates) edges.push({ from: `y${t - 1}`, to: `h${t}`, kind: 'feedback' });
    }
  }
  return { steps: n, nodes, edges };
}
