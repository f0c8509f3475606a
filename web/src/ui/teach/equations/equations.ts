// The equations of each cell as the core computes them (PyTorch's form, ARCHITECTURE.md), written so a
// browser shows them readably without a math library: `_x` or `_{…}` marks a subscript.

export interface Equation {
  lhs: string;
  rhs: string;
  note: string;
}

const INPUT = { lhs: 'x_t', rhs: 'one-hot(character t)', note: 'a vector of zeros with a single 1 at the character’s index in the vocabulary' };
const OUTPUT: Equation[] = [
  { lhs: 'y_t', rhs: 'W_{dec} h_t + b_{dec}', note: 'scores (logits), one per character of the vocabulary' },
  { lhs: 'p_t', rhs: 'softmax(y_t / τ)', note: 'next-character probabilities; τ is the sampling temperature (1 in training)' },
  { lhs: 'ℓ_t', rhs: '−log p_t[x_{t+1}]', note: 'the loss: surprise at the character that really came next' },
];

export const EQUATIONS: Record<string, Equation[]> = {
  rnn: [
    INPUT,
    { lhs: 'h_t', rhs: 'tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t−1} + b_{hh})', note: 'the whole memory: the new state mixes the input and the old state, squashed to (−1, 1)' },
    ...OUTPUT,
  ],
  lstm: [
    INPUT,
    { lhs: 'i_t', rhs: 'σ(W_{ii} x_t + b_{ii} + W_{hi} h_{t−1} + b_{hi})', note: 'input gate: how much to write (0…1)' },
    { lhs: 'f_t', rhs: 'σ(W_{if} x_t + b_{if} + W_{hf} h_{t−1} + b_{hf})', note: 'forget gate: how much of the old cell to keep (0…1)' },
    { lhs: 'g_t', rhs: 'tanh(W_{ig} x_t + b_{ig} + W_{hg} h_{t−1} + b_{hg})', note: 'candidate: what would be written (−1…1)' },
    { lhs: 'o_t', rhs: 'σ(W_{io} x_t + b_{io} + W_{ho} h_{t−1} + b_{ho})', note: 'output gate: how much of the cell to show (0…1)' },
    { lhs: 'c_t', rhs: 'f_t ⊙ c_{t−1} + i_t ⊙ g_t', note: 'cell state: kept memory plus new writing; the additive path lets gradients travel far' },
    { lhs: 'h_t', rhs: 'o_t ⊙ tanh(c_t)', note: 'hidden state: what the layer passes on' },
    ...OUTPUT,
  ],
  gru: [
    INPUT,
    { lhs: 'r_t', rhs: 'σ(W_{ir} x_t + b_{ir} + W_{hr} h_{t−1} + b_{hr})', note: 'reset gate: how much of the past the candidate may see' },
    { lhs: 'z_t', rhs: 'σ(W_{iz} x_t + b_{iz} + W_{hz} h_{t−1} + b_{hz})', note: 'update gate: how much of the old state to keep' },
    { lhs: 'n_t', rhs: 'tanh(W_{in} x_t + b_{in} + r_t ⊙ (W_{hn} h_{t−1} + b_{hn}))', note: 'candidate state' },
    { lhs: 'h_t', rhs: '(1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}', note: 'new state: a blend of candidate and old state' },
    ...OUTPUT,
  ],
};

export const SYMBOLS = 'σ: logistic sigmoid 1/(1+e⁻ˣ) · ⊙: element-wise product · W, b: learned weights and biases · h_{t−1}: the state after the previous character';

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
