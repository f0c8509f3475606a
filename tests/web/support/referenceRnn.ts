// A plain double-precision char-RNN written from PyTorch's documented equations for nn.RNN (tanh),
// nn.LSTM and nn.GRU, plus nn.Linear and a softmax — the same state_dict a PyTorch user would load.
// It is deliberately naive (loops, no packing, no SIMD) so that it shares nothing with the core but
// the equations.
import { type ModelFile, tensor } from './safetensors';

const GATES = { rnn: 1, lstm: 4, gru: 3 } as const;
type Cell = keyof typeof GATES;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

// y[r] = W[r,:]·x + b1[r] + b2[r], W row-major (rows × x.length).
function affine(w: Float32Array, x: ArrayLike<number>, rows: number, bias?: Float32Array): Float64Array {
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; ++r) {
    let s = bias ? bias[r] : 0;
    for (let c = 0; c < x.length; ++c) s += w[r * x.length + c] * x[c];
    y[r] = s;
  }
  return y;
}

// Softmax of the decoder's output after each character of `ids`, from a zero state.
export function referenceProbabilities(file: ModelFile, ids: number[]): Float64Array[] {
  const cell = file.metadata.cell as Cell;
  const hidden = Number(file.metadata.hidden_size);
  const layers = Number(file.metadata.num_layers);
  const vocab = (JSON.parse(file.metadata.vocab) as string[]).length;
  const g = GATES[cell];
  const w = Array.from({ length: layers }, (_, k) => {
    const inputs = k === 0 ? vocab : hidden;
    return {
      ih: tensor(file, `rnn.weight_ih_l${k}`, [g * hidden, inputs]),
      hh: tensor(file, `rnn.weight_hh_l${k}`, [g * hidden, hidden]),
      bih: tensor(file, `rnn.bias_ih_l${k}`, [g * hidden]),
      bhh: tensor(file, `rnn.bias_hh_l${k}`, [g * hidden]),
    };
  });
  const decW = tensor(file, 'decoder.weight', [vocab, hidden]);
  const decB = tensor(file, 'decoder.bias', [vocab]);

  const h = Array.from({ length: layers }, () => new Float64Array(hidden));
  const c = Array.from({ length: layers }, () => new Float64Array(hidden));
  const out: Float64Array[] = [];
  for (const id of ids) {
    let x: Float64Array = new Float64Array(vocab);
    x[id] = 1;  // one-hot
    for (let k = 0; k < layers; ++k) {
      const a = affine(w[k].ih, x, g * hidden, w[k].bih);  // W_i* x + b_i*
      const b = affine(w[k].hh, h[k], g * hidden, w[k].bhh);  // W_h* h + b_h*
      const next = new Float64Array(hidden);
      for (let j = 0; j < hidden; ++j) {
        if (cell === 'rnn') {
          next[j] = Math.tanh(a[j] + b[j]);
        } else if (cell === 'lstm') {  // gates i, f, g, o
          const i = sigmoid(a[j] + b[j]);
          const f = sigmoid(a[hidden + j] + b[hidden + j]);
          const gg = Math.tanh(a[2 * hidden + j] + b[2 * hidden + j]);
          const o = sigmoid(a[3 * hidden + j] + b[3 * hidden + j]);
          c[k][j] = f * c[k][j] + i * gg;
          next[j] = o * Math.tanh(c[k][j]);
        } else {  // gates r, z, n; n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
          const r = sigmoid(a[j] + b[j]);
          const z = sigmoid(a[hidden + j] + b[hidden + j]);
          const n = Math.tanh(a[2 * hidden + j] + r * b[2 * hidden + j]);
          next[j] = (1 - z) * n + z * h[k][j];
        }
      }
      h[k] = next;
      x = next;
    }
    const logits = affine(decW, x, vocab, decB);
    const max = Math.max(...logits);
    let sum = 0;
    for (let v = 0; v < vocab; ++v) sum += (logits[v] = Math.exp(logits[v] - max));
    for (let v = 0; v < vocab; ++v) logits[v] /= sum;
    out.push(logits);
  }
  return out;
}
