// A plain double-precision tagger and classifier written from PyTorch's documented equations for
// nn.RNN (tanh or relu), nn.LSTM and nn.GRU with bidirectional=True, nn.Linear and a softmax: the
// backward direction literally walks the sequence from its end, layer k+1 reads [forward, backward].
// Naive on purpose (loops, one sequence, no packing, no SIMD): it shares nothing with the core but the
// equations and the file format.
import { type ModelFile, tensor } from './safetensors';

const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;
type Cell = keyof typeof GATES;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function affine(w: Float32Array, x: ArrayLike<number>, rows: number, bias: Float32Array): Float64Array {
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; ++r) {
    let s = bias[r];
    for (let c = 0; c < x.length; ++c) s += w[r * x.length + c] * x[c];
    y[r] = s;
  }
  return y;
}

interface Shape { cell: Cell; hidden: number; layers: number; directions: number; vocab: number; relu: boolean }

function shapeOf(file: ModelFile): Shape {
  return {
    cell: file.metadata.cell as Cell, hidden: Number(file.metadata.hidden_size), layers: Number(file.metadata.num_layers),
    directions: file.metadata.bidirectional === 'true' ? 2 : 1, vocab: (JSON.parse(file.metadata.vocab) as string[]).length,
    relu: file.metadata.nonlinearity === 'relu',
  };
}

// One direction of layer k over xs (in text order), from a zero state; h per position, in text order.
function direction(file: ModelFile, s: Shape, k: number, reverse: boolean, xs: Float64Array[]): Float64Array[] {
  const H = s.hidden, G = GATES[s.cell] * H, suffix = `l${k}${reverse ? '_reverse' : ''}`;
  const inputs = xs[0].length;
  const ih = tensor(file, `rnn.weight_ih_${suffix}`, [G, inputs]), hh = tensor(file, `rnn.weight_hh_${suffix}`, [G, H]);
  const bih = tensor(file, `rnn.bias_ih_${suffix}`, [G]), bhh = tensor(file, `rnn.bias_hh_${suffix}`, [G]);
  let h = new Float64Array(H);
  const c = new Float64Array(H);
  const out: Float64Array[] = new Array(xs.length);
  for (let step = 0; step < xs.length; ++step) {
    const t = reverse ? xs.length - 1 - step : step;
    const a = affine(ih, xs[t], G, bih), b = affine(hh, h, G, bhh);
    const next = new Float64Array(H);
    for (let j = 0; j < H; ++j) {
      if (s.cell === 'rnn') {
        next[j] = s.relu ? Math.max(0, a[j] + b[j]) : Math.tanh(a[j] + b[j]);
      } else if (s.cell === 'lstm') {
        const i = sigmoid(a[j] + b[j]), f = sigmoid(a[H + j] + b[H + j]);
        const g = Math.tanh(a[2 * H + j] + b[2 * H + j]), o = sigmoid(a[3 * H + j] + b[3 * H + j]);
        c[j] = f * c[j] + i * g;
        next[j] = o * Math.tanh(c[j]);
      } else {
        const r = sigmoid(a[j] + b[j]), z = sigmoid(a[H + j] + b[H + j]);
        const n = Math.tanh(a[2 * H + j] + r * b[2 * H + j]);
        next[j] = (1 - z) * n + z * h[j];
      }
    }
    h = next;
    out[t] = next;
  }
  return out;
}

// The top layer's [forward, backward] output at every position of `ids`.
function run(file: ModelFile, s: Shape, ids: number[]): Float64Array[] {
  let xs = ids.map((id) => {
    const x = new Float64Array(s.vocab);
    x[id] = 1;
    return x;
  });
  for (let k = 0; k < s.layers; ++k) {
    const dirs = Array.from({ length: s.directions }, (_, d) => direction(file, s, k, d === 1, xs));
    xs = xs.map((_, t) => {
      const y = new Float64Array(s.directions * s.hidden);
      dirs.forEach((h, d) => y.set(h[t], d * s.hidden));
      return y;
    });
  }
  return xs;
}

function softmax(file: ModelFile, z: Float64Array): Float64Array {
  const C = tensor(file, 'decoder.bias', [file.tensors.get('decoder.bias')!.shape[0]]).length;
  const logits = affine(tensor(file, 'decoder.weight', [C, z.length]), z, C, tensor(file, 'decoder.bias', [C]));
  const max = Math.max(...logits);
  let sum = 0;
  for (let c = 0; c < C; ++c) sum += (logits[c] = Math.exp(logits[c] - max));
  return logits.map((x) => x / sum);
}

// Spacing: P(a space follows) at every character of ids (one sequence, from zero states).
export function referenceSpaceProbabilities(file: ModelFile, ids: number[]): number[] {
  return run(file, shapeOf(file), ids).map((z) => softmax(file, z)[1]);
}

// Classification: the label probabilities of one line, from h_n of the last layer (forward at the end,
// backward at the start).
export function referenceLabelProbabilities(file: ModelFile, ids: number[]): number[] {
  const s = shapeOf(file), out = run(file, s, ids), H = s.hidden;
  const z = new Float64Array(s.directions * H);
  z.set(out[ids.length - 1].subarray(0, H), 0);
  if (s.directions === 2) z.set(out[0].subarray(H, 2 * H), H);
  return Array.from(softmax(file, z));
}
