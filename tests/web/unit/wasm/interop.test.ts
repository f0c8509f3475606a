// The model file against independent implementations (issue 6): files the real core writes are read by
// a separate safetensors reader, then run by (a) TensorFlow.js's LSTM layer with the weights converted the
// documented way — kernel = weight_ihᵀ, recurrent kernel = weight_hhᵀ, bias = bias_ih + bias_hh, gate
// order i, f, g(c), o shared by both — and (b) a plain double-precision model written from PyTorch's
// equations for RNN, LSTM and GRU. Each must predict what the core predicts after every character.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreModule, Session, SessionSettings } from '../../../../web/generated/core.mjs';
import { loadCore, smallSettings } from '../../support/core';
import { referenceProbabilities } from '../../support/referenceRnn';
import { type ModelFile, readModelFile, tensor } from '../../support/safetensors';

const TEXT = 'Über allen Gipfeln ist Ruh, in allen Wipfeln spürest du kaum einen Hauch. 🌲 '.repeat(12);
const PROBE = 'allen Wipfeln spürest du 🌲 Ruh';

let m: CoreModule;
beforeAll(async () => {
  m = await loadCore();
  await tf.setBackend('cpu');
});

// A model trained a little (so no weight is at its initial value), its file and the core that wrote it.
function trained(cell: SessionSettings['cell'], numLayers: number): { session: Session; file: ModelFile } {
  const session = new m.Session();
  const settings = { ...smallSettings, cell, numLayers, hiddenSize: 12, forgetBiasOne: cell === 'lstm', learningRate: 0.02 };
  const created = session.create(TEXT, settings);
  if (!created.ok) throw new Error(created.error);
  const slice = session.trainSlice(15, 1e9);
  if (!slice.ok) throw new Error(slice.error);
  const saved = session.save(false);
  if (!saved.ok) throw new Error(saved.error);
  return { session, file: readModelFile(saved.bytes) };
}

function ids(file: ModelFile, text: string): number[] {
  const vocab = JSON.parse(file.metadata.vocab) as string[];
  return [...text].map((ch) => {
    const id = vocab.indexOf(ch);
    if (id < 0) throw new Error(`${ch} is not in the vocabulary`);
    return id;
  });
}

// The core's next-character distribution after each character of `text`, fed one at a time.
function coreProbabilities(session: Session, text: string): Float32Array[] {
  expect(session.probeReset().ok).toBe(true);
  return [...text].map((ch) => {
    expect(session.probeFeed(ch).ok).toBe(true);
    const r = session.probeProbabilities(1);
    if (!r.ok) throw new Error(r.error);
    return r.probabilities.slice();
  });
}

function maxAbsDifference(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((row, t) => {
    expect(row.length).toBe(b[t].length);
    for (let v = 0; v < row.length; ++v) worst = Math.max(worst, Math.abs(row[v] - b[t][v]));
  });
  return worst;
}

describe('model file layout', () => {
  it('holds exactly the tensors of a PyTorch state_dict, with the documented metadata', () => {
    const { session, file } = trained('gru', 2);
    const V = JSON.parse(file.metadata.vocab).length;
    expect(V).toBe(new Set(TEXT).size);
    expect(file.metadata).toMatchObject({ format: 'charrnn', cell: 'gru', hidden_size: '12', num_layers: '2' });
    const expected = ['decoder.bias', 'decoder.weight'];
    for (let k = 0; k < 2; ++k) expected.push(`rnn.bias_hh_l${k}`, `rnn.bias_ih_l${k}`, `rnn.weight_hh_l${k}`, `rnn.weight_ih_l${k}`);
    expect([...file.tensors.keys()].sort()).toEqual(expected.sort());
    expect(tensor(file, 'rnn.weight_ih_l0', [36, V]).length).toBe(36 * V);
    expect(tensor(file, 'rnn.weight_ih_l1', [36, 12]).length).toBe(36 * 12);
    expect(tensor(file, 'decoder.weight', [V, 12]).length).toBe(V * 12);
    session.delete();
  });
});

describe('PyTorch equations, written out plainly', () => {
  for (const cell of ['rnn', 'lstm', 'gru'] as const) {
    it(`${cell}: the reference model predicts what the core predicts after every character`, () => {
      const { session, file } = trained(cell, 2);
      const expected = referenceProbabilities(file, ids(file, PROBE));
      const difference = maxAbsDifference(coreProbabilities(session, PROBE), expected);
      expect(difference).toBeLessThan(2e-5);  // float32 core vs float64 reference
      session.delete();
    });
  }

  it('fails when the gate order is wrong (LSTM i and f swapped)', () => {
    const { session, file } = trained('lstm', 1);
    const H = 12;
    for (const name of ['rnn.weight_ih_l0', 'rnn.weight_hh_l0', 'rnn.bias_ih_l0', 'rnn.bias_hh_l0']) {
      const t = file.tensors.get(name)!;
      const row = t.data.length / (4 * H);
      const i = t.data.slice(0, H * row);
      t.data.copyWithin(0, H * row, 2 * H * row);
      t.data.set(i, H * row);
    }
    const swapped = referenceProbabilities(file, ids(file, PROBE));
    expect(maxAbsDifference(coreProbabilities(session, PROBE), swapped)).toBeGreaterThan(1e-3);
    session.delete();
  });
});

describe('TensorFlow.js LSTM layer with converted weights', () => {
  // Keras/TF.js: kernel (inputs × 4H) and recurrent kernel (H × 4H) multiply from the right, so they are
  // PyTorch's matrices transposed; TF.js has one bias, the sum of PyTorch's two.
  function transpose(data: Float32Array, rows: number, cols: number): tf.Tensor2D {
    return tf.transpose(tf.tensor2d(data, [rows, cols]));
  }

  it('gives the same next-character probabilities as the core, for a 2-layer LSTM', () => {
    const { session, file } = trained('lstm', 2);
    const H = 12;
    const V = JSON.parse(file.metadata.vocab).length;
    const model = tfl.sequential();
    for (let k = 0; k < 2; ++k) {
      const inputs = k === 0 ? V : H;
      const layer = tfl.layers.lstm({
        units: H, returnSequences: true, recurrentActivation: 'sigmoid', activation: 'tanh',
        kernelInitializer: 'zeros', recurrentInitializer: 'zeros',  // overwritten below; orthogonal needs chained ops
        ...(k === 0 ? { inputShape: [null, V] } : {}),
      });
      model.add(layer);
      const bih = tensor(file, `rnn.bias_ih_l${k}`, [4 * H]);
      const bhh = tensor(file, `rnn.bias_hh_l${k}`, [4 * H]);
      layer.setWeights([
        transpose(tensor(file, `rnn.weight_ih_l${k}`, [4 * H, inputs]), 4 * H, inputs),
        transpose(tensor(file, `rnn.weight_hh_l${k}`, [4 * H, H]), 4 * H, H),
        tf.tensor1d(bih.map((b, j) => b + bhh[j])),
      ]);
    }
    const dense = tfl.layers.dense({ units: V, activation: 'softmax' });
    model.add(tfl.layers.timeDistributed({ layer: dense }));
    dense.setWeights([transpose(tensor(file, 'decoder.weight', [V, H]), V, H), tf.tensor1d(tensor(file, 'decoder.bias', [V]))]);

    const sequence = ids(file, PROBE);
    const oneHot = tf.cast(tf.expandDims(tf.oneHot(tf.tensor1d(sequence, 'int32'), V), 0), 'float32');
    const out = tf.squeeze(model.predict(oneHot) as tf.Tensor, [0]).arraySync() as number[][];
    expect(maxAbsDifference(coreProbabilities(session, PROBE), out)).toBeLessThan(2e-5);
    session.delete();
  });
});
