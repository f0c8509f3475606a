// The activation and shapes views read real inspections: every pre-activation the core reports, sent
// through the function the view files it under, gives back the gate value the core computed (so the
// points fall on the right curve); and the shapes view's live labels are the model's top-1 outputs.
import { describe, expect, it } from 'vitest';
import type { InspectionResult, SessionSettings } from '../../../../../web/generated/core.mjs';
import { liveExample } from '../../../../../web/src/app/teach/shapes/liveExample';
import { FUNCTIONS, gateFunctions, inputsByFunction } from '../../../../../web/src/ui/teach/activations/activationMath';
import { loadCore, smallSettings } from '../../../support/core';

const text = 'the cat sat on the mat, and the rat ran at the cat. '.repeat(30);
const probe = 'the cat sat on the mat';

async function inspected(settings: SessionSettings, steps: number): Promise<{ r: InspectionResult; vocab: string[] }> {
  const m = await loadCore();
  const session = new m.Session();
  const created = session.create(text, settings);
  if (!created.ok) throw new Error(created.error);
  expect(session.trainSlice(steps, 1e9).ok).toBe(true);
  const r = session.inspect(probe, 1);
  session.delete();
  if (!r.ok) throw new Error(r.error);
  return { r, vocab: created.vocab };
}

describe('pre-activations on their curves', () => {
  const cases: [string, Partial<SessionSettings>][] = [
    ['rnn relu', { cell: 'rnn', nonlinearity: 'relu', numLayers: 2 }],
    ['rnn tanh', { cell: 'rnn', nonlinearity: 'tanh' }],
    ['lstm', { cell: 'lstm' }],
    ['gru', { cell: 'gru' }],
  ];
  for (const [name, s] of cases) {
    it(`${name}: f(pre-activation) is the core's gate value, for every gate the view files`, async () => {
      const settings = { ...smallSettings, hiddenSize: 16, ...s } as SessionSettings;
      const { r } = await inspected(settings, 20);
      const use = gateFunctions(settings.cell, settings.nonlinearity);
      expect(Object.keys(use).sort()).toEqual([...r.preActivationNames].sort());
      for (let l = 0; l < r.layers.length; l++) {
        for (const [gate, fn] of Object.entries(use)) {
          const pre = r.preActivations[l][gate];
          const post = r.layers[l][gate];
          expect(pre.length).toBe(r.steps * r.hidden);
          for (let k = 0; k < pre.length; k++) expect(FUNCTIONS[fn].f(pre[k])).toBeCloseTo(post[k], 5);
        }
      }
      const by = inputsByFunction(settings.cell, settings.nonlinearity, r.preActivations);
      const total = Object.values(by).reduce((n, x) => n + x.values.length, 0);
      expect(total).toBe(r.layers.length * Object.keys(use).length * r.steps * r.hidden);
      if (settings.nonlinearity === 'relu') {
        expect(by.relu.values.length).toBe(2 * r.steps * r.hidden);
        expect(by.tanh.values.length).toBe(0);
      }
    });
  }
});

describe('the shapes view’s live labels', () => {
  it('the language model: the characters read, the top-1 next character after each, hits against the text', async () => {
    const { r, vocab } = await inspected({ ...smallSettings, hiddenSize: 16 }, 60);
    const live = liveExample('lm', probe, vocab, 60, r);
    expect(live.inputs.join('')).toBe(probe);
    expect(live.outputs).toHaveLength(probe.length);
    for (let t = 0; t < probe.length; t++) expect(live.outputs[t]).toBe(vocab[r.topIds[t * r.topK]]);
    expect(live.hits).toHaveLength(probe.length - 1);
    live.hits!.forEach((hit, t) => expect(hit).toBe(live.outputs[t] === probe[t + 1]));
    expect(live.hits!.filter(Boolean).length).toBeGreaterThan(3);  // after 60 steps it knows "the", "at" …
  });
});
