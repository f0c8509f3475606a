// The shapes of recurrent networks: where inputs and outputs are, step by step, and which shapes a
// running task highlights (a task maps to its shapes in one line; unknown tasks highlight nothing).
import { describe, expect, it } from 'vitest';
import { roleOf, SHAPES, shapeLayout, shapesOfTask, type ShapeId } from '../../../../../web/src/ui/teach/shapes/shapes';

const count = (shape: ShapeId, kind: string) => shapeLayout(shape).nodes.filter((n) => n.kind === kind).length;
const edges = (shape: ShapeId, kind: string) => shapeLayout(shape).edges.filter((e) => e.kind === kind);

describe('shapes of recurrent networks', () => {
  it('one-to-many: one input, an output every step, each output read back as the next input', () => {
    expect(count('one-to-many', 'x')).toBe(1);
    expect(count('one-to-many', 'y')).toBe(4);
    expect(edges('one-to-many', 'feedback').map((e) => `${e.from}→${e.to}`)).toEqual(['y0→h1', 'y1→h2', 'y2→h3']);
  });

  it('many-to-one: an input every step and one output, after the last', () => {
    expect(count('many-to-one', 'x')).toBe(4);
    expect(shapeLayout('many-to-one').nodes.filter((n) => n.kind === 'y').map((n) => n.step)).toEqual([3]);
    expect(edges('many-to-one', 'feedback')).toEqual([]);
  });

  it('many-to-many (aligned): an input and an output at every step', () => {
    const l = shapeLayout('many-to-many', 6);
    expect(l.steps).toBe(6);
    for (let t = 0; t < 6; t++) expect(l.nodes.filter((n) => n.step === t).map((n) => n.kind).sort()).toEqual(['h', 'x', 'y']);
    expect(edges('many-to-many', 'recurrent')).toHaveLength(3);
  });

  it('encoder–decoder: inputs only in the encoder, outputs only in the decoder, one context edge between', () => {
    const l = shapeLayout('encoder-decoder');
    const encoder = l.nodes.filter((n) => !n.decoder);
    const decoder = l.nodes.filter((n) => n.decoder);
    expect(encoder.some((n) => n.kind === 'y')).toBe(false);
    expect(decoder.some((n) => n.kind === 'x')).toBe(false);
    expect(encoder.filter((n) => n.kind === 'x')).toHaveLength(3);
    expect(decoder.filter((n) => n.kind === 'y')).toHaveLength(2);  // another length than the input's
    expect(edges('encoder-decoder', 'context')).toEqual([{ from: 'h2', to: 'h3', kind: 'context' }]);
    expect(edges('encoder-decoder', 'feedback')).toEqual([{ from: 'y3', to: 'h4', kind: 'feedback' }]);
  });

  it('every edge joins two nodes of its layout', () => {
    for (const shape of SHAPES) {
      const l = shapeLayout(shape);
      const ids = new Set(l.nodes.map((n) => n.id));
      for (const e of l.edges) expect(ids.has(e.from) && ids.has(e.to), `${shape} ${e.from}→${e.to}`).toBe(true);
    }
  });
});

describe('the running task picks the highlighted shapes', () => {
  it('the language model trains many-to-many and samples one-to-many', () => {
    expect(shapesOfTask('lm')).toEqual([{ shape: 'many-to-many', role: 'training' }, { shape: 'one-to-many', role: 'sampling' }]);
    expect(roleOf('lm', 'many-to-one')).toBeNull();
  });

  it('spacing tags many-to-many; classification is many-to-one; nothing trains encoder–decoder', () => {
    expect(roleOf('spacing', 'many-to-many')).toBe('training');
    expect(roleOf('classify', 'many-to-one')).toBe('training');
    expect(roleOf('classify', 'many-to-many')).toBeNull();
    for (const task of ['lm', 'spacing', 'classify']) expect(roleOf(task, 'encoder-decoder')).toBeNull();
  });

  it('an unknown task (or a prototype key) highlights nothing', () => {
    expect(shapesOfTask('translate')).toEqual([]);
    expect(shapesOfTask('constructor')).toEqual([]);
  });
});
