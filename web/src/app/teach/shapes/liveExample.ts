// What the shapes view labels the trained shape with: the characters the model read of the gate views'
// text and, after each, the output its head finds likeliest (the inspection's top-1), compared with the
// text where the text can tell.
import type { InspectionResult } from '../../../../generated/core.mjs';
import type { ShapesLive } from '../../../ui/teach/shapes/shapesView';

export function liveExample(task: string, text: string, vocab: readonly string[], step: number, r: InspectionResult): ShapesLive {
  const inputs = [...text].slice(0, r.steps);
  const K = r.topK;
  if (K === 0) return { step, inputs, outputs: [], hits: null };  // a classifier: one label per line, no output per step
  const top = (t: number) => r.topIds[t * K];
  if (task === 'lm') {
    const outputs = inputs.map((_, t) => vocab[top(t)] ?? '?');
    // The prediction after the last character has nothing in the text to compare with.
    const hits = outputs.slice(0, -1).map((c, t) => c === inputs[t + 1]);
    return { step, inputs, outputs, hits };
  }
  // Tagging: per character, a space after it (1) or none (0); the text the model reads has no spaces.
  return { step, inputs, outputs: inputs.map((_, t) => (top(t) === 1 ? ' ' : '·')), hits: null };
}
