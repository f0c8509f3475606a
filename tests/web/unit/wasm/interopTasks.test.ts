// Taggers and classifiers, bidirectional, against an independent float64 model written from PyTorch's
// equations (tests/web/support/referenceBidirectional.ts), through files the real core writes and a
// separate safetensors reader: the spacing probabilities and the label probabilities must be the core's,
// and a reference that swaps the directions' halves must not be.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreModule, Session, SessionSettings } from '../../../../web/generated/core.mjs';
import { referenceLabelProbabilities, referenceSpaceProbabilities } from '../../support/referenceBidirectional';
import { loadCore, smallSettings } from '../../support/core';
import { type ModelFile, readModelFile } from '../../support/safetensors';

const SPACED = '아버지가 방에 들어가신다. the cat sat on the mat.\n'.repeat(30);
const PROBE = '아버지가 방에 들어가신다 the cat';  // 19 characters without spaces: one window of 64

let m: CoreModule;
beforeAll(async () => {
  m = await loadCore();
});

function trained(text: string, settings: Partial<SessionSettings>): { session: Session; file: ModelFile } {
  const session = new m.Session();
  const created = session.create(text, { ...smallSettings, hiddenSize: 10, numLayers: 2, seqLen: 64, batch: 4, learningRate: 0.02, ...settings });
  if (!created.ok) throw new Error(created.error);
  const slice = session.trainSlice(10, 1e9);
  if (!slice.ok) throw new Error(slice.error);
  const saved = session.save(false);
  if (!saved.ok) throw new Error(saved.error);
  return { session, file: readModelFile(saved.bytes) };
}

function ids(file: ModelFile, text: string): number[] {
  const vocab = JSON.parse(file.metadata.vocab) as string[];
  return [...text].map((ch) => vocab.indexOf(ch));
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  return Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
};

// The same file with the backward direction's weights in the forward slot and back: a loader that
// confused the directions.
function directionsSwapped(file: ModelFile): ModelFile {
  const tensors = new Map(file.tensors);
  for (const [name, t] of file.tensors)
    if (name.endsWith('_reverse')) {
      const forward = name.slice(0, -'_reverse'.length);
      tensors.set(forward, t);
      tensors.set(name, file.tensors.get(forward)!);
    }
  return { metadata: file.metadata, tensors };
}

describe('bidirectional tagger (task spacing)', () => {
  for (const [cell, nonlinearity] of [['lstm', 'tanh'], ['gru', 'tanh'], ['rnn', 'relu']] as const) {
    it(`${cell} (${nonlinearity}): the reference's P(space) after every character is the core's`, () => {
      const { session, file } = trained(SPACED, { task: 'spacing', bidirectional: true, cell, nonlinearity });
      expect(file.metadata).toMatchObject({ task: 'spacing', bidirectional: 'true' });
      const core = session.spacingBreakdown(PROBE);
      if (!core.ok) throw new Error(core.error);
      const chars = [...PROBE].filter((ch) => ch !== ' ').join('');
      expect(core.characters.join('')).toBe(chars);
      expect(maxDifference(core.probability, referenceSpaceProbabilities(file, ids(file, chars)))).toBeLessThan(2e-5);
      expect(maxDifference(core.probability, referenceSpaceProbabilities(directionsSwapped(file), ids(file, chars)))).toBeGreaterThan(1e-3);
      session.delete();
    });
  }
});

describe('classifier (task classify)', () => {
  const lines = labelledTexts();
  for (const bidirectional of [true, false]) {
    it(`${bidirectional ? 'bidirectional' : 'forward-only'} GRU: the reference's label probabilities are the core's`, () => {
      const labelled = m.labelLines(['cat', 'dog'], lines);
      if (!labelled.ok) throw new Error(labelled.error);
      const { session, file } = trained(labelled.text, { task: 'classify', bidirectional, cell: 'gru', valFrac: 0 });
      expect(JSON.parse(file.metadata.labels)).toEqual(['cat', 'dog']);
      for (const line of ['the cat sat', 'a dog dug a hole']) {
        const trace = session.classTrace(line);
        if (!trace.ok) throw new Error(trace.error);
        const last = trace.probabilities.slice((trace.steps - 1) * 2);
        expect(maxDifference(last, referenceLabelProbabilities(file, ids(file, line)))).toBeLessThan(2e-5);
        if (bidirectional)
          expect(maxDifference(last, referenceLabelProbabilities(directionsSwapped(file), ids(file, line)))).toBeGreaterThan(1e-4);
      }
      session.delete();
    });
  }
});

function labelledTexts(): string[] {
  const cats = ['the cat sat', 'a cat ran off', 'my cat sleeps', 'cats purr', 'the old cat', 'one cat sat on a mat'];
  const dogs = ['the dog barked', 'dogs run far', 'a dog dug a hole', 'good dog', 'the old dog', 'one dog sat on a log'];
  return [cats.join('\n'), dogs.join('\n')];
}
