// The equations of each cell as the core computes them (PyTorch's form, ARCHITECTURE.md), written so a
// browser shows them readably without a math library: `_x` or `_{…}` marks a subscript.

// The notes (and the one right-hand side in words) are catalogue keys, said in the page's language.
import type { MessageKey } from '../../../i18n';

export interface Equation {
  lhs: string;
  rhs: string;
  rhsSaid?: MessageKey;  // a right-hand side in words rather than symbols
  note: MessageKey;
}

const INPUT: Equation = { lhs: 'x_t', rhs: 'one-hot(character t)', rhsSaid: 'eq.oneHotOf', note: 'eq.x' };
const OUTPUT: Equation[] = [
  { lhs: 'y_t', rhs: 'W_{dec} h_t + b_{dec}', note: 'eq.y' },
  { lhs: 'p_t', rhs: 'softmax(y_t / τ)', note: 'eq.p' },
  { lhs: 'ℓ_t', rhs: '−log p_t[x_{t+1}]', note: 'eq.loss' },
];

export const EQUATIONS: Record<string, Equation[]> = {
  rnn: [
    INPUT,
    { lhs: 'h_t', rhs: 'tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t−1} + b_{hh})', note: 'eq.rnn.h' },
    ...OUTPUT,
  ],
  lstm: [
    INPUT,
    { lhs: 'i_t', rhs: 'σ(W_{ii} x_t + b_{ii} + W_{hi} h_{t−1} + b_{hi})', note: 'eq.lstm.i' },
    { lhs: 'f_t', rhs: 'σ(W_{if} x_t + b_{if} + W_{hf} h_{t−1} + b_{hf})', note: 'eq.lstm.f' },
    { lhs: 'g_t', rhs: 'tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t−1} + b_{hg})', note: 'eq.lstm.g' },
    { lhs: 'o_t', rhs: 'σ(W_{io} x_t + b_{io} + W_{ho} h_{t−1} + b_{ho})', note: 'eq.lstm.o' },
    { lhs: 'c_t', rhs: 'f_t ⊙ c_{t−1} + i_t ⊙ g_t', note: 'eq.lstm.c' },
    { lhs: 'h_t', rhs: 'o_t ⊙ tanh(c_t)', note: 'eq.lstm.h' },
    ...OUTPUT,
  ],
  gru: [
    INPUT,
    { lhs: 'r_t', rhs: 'σ(W_{ir} x_t + b_{ir} + W_{hr} h_{t−1} + b_{hr})', note: 'eq.gru.r' },
    { lhs: 'z_t', rhs: 'σ(W_{iz} x_t + b_{iz} + W_{hz} h_{t−1} + b_{hz})', note: 'eq.gru.z' },
    { lhs: 'n_t', rhs: 'tanh(W_{in} x_t + b_{in} + r_t ⊙ (W_{hn} h_{t−1} + b_{hn}))', note: 'eq.gru.n' },
    { lhs: 'h_t', rhs: '(1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}', note: 'eq.gru.h' },
    ...OUTPUT,
  ],
};

// The plain RNN with nonlinearity='relu' (PyTorch's nn.RNN(nonlinearity='relu')).
export const RNN_RELU: Equation[] = [
  INPUT,
  { lhs: 'h_t', rhs: 'relu(W_{ih} x_t + b_{ih} + W_{hh} h_{t−1} + b_{hh})', note: 'eq.rnn.hRelu' },
  ...OUTPUT,
];

// The symbols under the equations: each symbol, and what it means (a catalogue key).
export const SYMBOLS: readonly [string, MessageKey][] = [
  ['σ', 'eq.sym.sigma'], ['⊙', 'eq.sym.odot'], ['W, b', 'eq.sym.wb'], ['h_{t−1}', 'eq.sym.hprev'],
];

export interface Piece {
  text: string;
  sub: boolean;
}

// "W_{hh} h_t" → W, (hh), " h", (t): pieces to render, subscripts as <sub>.
export function subscriptPieces(s: string): Piece[] {
  const out: Piece[] = [];
  let plain = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '_' && i + 1 < s.length) {
      if (plain) out.push({ text: plain, sub: false });
      plain = '';
      if (s[i + 1] === '{') {
        const end = s.indexOf('}', i + 2);
        const stop = end < 0 ? s.length : end;
        out.push({ text: s.slice(i + 2, stop), sub: true });
        i = stop;
      } else {
        out.push({ text: s[i + 1], sub: true });
        i += 1;
      }
    } else {
      plain += s[i];
    }
  }
  if (plain) out.push({ text: plain, sub: false });
  return out;
}
