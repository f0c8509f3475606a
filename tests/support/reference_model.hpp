// An independent, deliberately plain implementation of the model's forward pass in double precision,
// written from PyTorch's documented equations (nn.RNN tanh|relu, nn.LSTM, nn.GRU, nn.Linear, CrossEntropyLoss),
// sharing nothing with core/ but the flat parameter layout. The tests check the core against it and
// take finite differences through it (double precision makes them accurate to ~1e-9). One direction and
// a state carried in: the language model's window (tests/support/reference_sequences.hpp has the rest).
// B batch, T steps, H hidden, V vocab, L layers; inputs/targets (T, B) time-major.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "nn/parameters.hpp"

namespace charrnn::testing {

struct ReferenceState {
  std::vector<double> h, c;  // (L, B, H)
};

inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// Mean cross-entropy over the window. dropout_masks (optional): per site l = 1..L, (T*B*H) multipliers
// applied to the input of layer l (l < L) or to the decoder input (l = L); index 0 unused.
inline double reference_loss(const ParameterLayout& layout, const std::vector<double>& p, int T, int B,
                             const std::vector<std::int32_t>& inputs, const std::vector<std::int32_t>& targets,
                             ReferenceState state, const std::vector<std::vector<float>>* dropout_masks = nullptr) {
  const ModelShape& s = layout.shape();
  const int H = s.hidden_size, V = s.vocab_size, L = s.num_layers;
  // x[t][b] : the current layer's input vectors
  std::vector<std::vector<std::vector<double>>> x(T, std::vector<std::vector<double>>(B));
  for (int t = 0; t < T; ++t)
    for (int b = 0; b < B; ++b) {
      x[t][b].assign(V, 0.0);
      x[t][b][inputs[t * B + b]] = 1.0;  // one-hot, multiplied densely: the slow, obvious way
    }
  for (int l = 0; l < L; ++l) {
    const LayerOffsets& o = layout.layer(l);
    const int in = layout.input_size(l);
    auto W_ih = [&](int row, int col) { return p[o.W_ih + row * in + col]; };
    auto W_hh = [&](int row, int col) { return p[o.W_hh + row * H + col]; };
    auto b_ih = [&](int row) { return p[o.b_ih + row]; };
    auto b_hh = [&](int row) { return p[o.b_hh + row]; };
    for (int b = 0; b < B; ++b) {
      std::vector<double> h(state.h.begin() + (l * B + b) * H, state.h.begin() + (l * B + b + 1) * H);
      std::vector<double> c;
      if (s.cell == CellKind::lstm) c.assign(state.c.begin() + (l * B + b) * H, state.c.begin() + (l * B + b + 1) * H);
      for (int t = 0; t < T; ++t) {
        const std::vector<double>& xt = x[t][b];
        // gi[k] = (W_ih x + b_ih)[k], gh[k] = (W_hh h + b_hh)[k]
        const int G = s.gates();
        std::vector<double> gi(G * H), gh(G * H);
        for (int k = 0; k < G * H; ++k) {
          double a = b_ih(k), d = b_hh(k);
          for (int j = 0; j < in; ++j) a += W_ih(k, j) * xt[j];
          for (int j = 0; j < H; ++j) d += W_hh(k, j) * h[j];
          gi[k] = a, gh[k] = d;
        }
        std::vector<double> hn(H);
        for (int j = 0; j < H; ++j) {
          if (s.cell == CellKind::rnn) {
            const double a = gi[j] + gh[j];
            hn[j] = s.nonlinearity == Nonlinearity::relu ? (a > 0 ? a : 0.0) : std::tanh(a);
          } else if (s.cell == CellKind::lstm) {
            const double i = sigmoid(gi[j] + gh[j]), f = sigmoid(gi[H + j] + gh[H + j]);
            const double g = std::tanh(gi[2 * H + j] + gh[2 * H + j]), og = sigmoid(gi[3 * H + j] + gh[3 * H + j]);
            c[j] = f * c[j] + i * g;
            hn[j] = og * std::tanh(c[j]);
          } else {
            const double r = sigmoid(gi[j] + gh[j]), z = sigmoid(gi[H + j] + gh[H + j]);
            const double n = std::tanh(gi[2 * H + j] + r * gh[2 * H + j]);
            hn[j] = (1 - z) * n + z * h[j];
          }
        }
        h = hn;
        x[t][b] = h;  // becomes the next layer's input (overwrites this layer's input, no longer needed)
        if (dropout_masks)
          for (int j = 0; j < H; ++j) x[t][b][j] *= (*dropout_masks)[l + 1][(t * B + b) * H + j];
      }
    }
  }
  double loss = 0;
  for (int t = 0; t < T; ++t)
    for (int b = 0; b < B; ++b) {
      std::vector<double> logits(V);
      double m = -1e300;
      for (int v = 0; v < V; ++v) {
        double a = p[layout.decoder_bias() + v];
        for (int j = 0; j < H; ++j) a += p[layout.decoder_weight() + v * H + j] * x[t][b][j];
        logits[v] = a;
        m = std::max(m, a);
      }
      double sum = 0;
      for (double a : logits) sum += std::exp(a - m);
      loss += std::log(sum) + m - logits[targets[t * B + b]];
    }
  return loss / (T * B);
}

}  // namespace charrnn::testing
