// An independent, deliberately plain double-precision model of a batch of separate sequences, written
// from PyTorch's documented equations for nn.RNN (tanh or relu), nn.LSTM and nn.GRU with
// bidirectional=True, nn.Linear and CrossEntropyLoss(ignore_index=-1). It shares nothing with core/ but
// the flat parameter layout: every sequence is run on its own, at its own length (no batch layout, no
// padding, no packing), and the backward direction literally walks the sequence from its end. The
// tests check the core's packed, permuted, vectorized float code against it and take finite
// differences through it.
// T steps of one sequence, H hidden, D directions, V vocab, C outputs, L layers.
#pragma once

#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "nn/parameters.hpp"

namespace charrnn::testing {

struct ReferenceSequence {
  std::vector<std::int32_t> ids;      // (T) vocabulary indices
  std::vector<std::int32_t> targets;  // every-step tasks: (T), -1 = not scored; classify: (1) the label
};

// Multiplier of dropout site `site` (1..L: the input of layer site, or the head's input at site L) for
// sequence s, step t, column j of the [forward | backward] output.
using ReferenceMask = std::function<double(int site, int s, int t, int j)>;

namespace detail {

inline double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// One direction of one layer over x (T, In), in the given step order, from a zero state; returns h (T, H)
// indexed by position in the sequence.
inline std::vector<std::vector<double>> run_direction(const ModelShape& s, const LayerOffsets& o, int in,
                                                      const std::vector<double>& p,
                                                      const std::vector<std::vector<double>>& x, bool reverse) {
  const int T = static_cast<int>(x.size()), H = s.hidden_size, G = s.gates();
  std::vector<std::vector<double>> out(T);
  std::vector<double> h(H, 0.0), c(H, 0.0);
  for (int k = 0; k < T; ++k) {
    const int t = reverse ? T - 1 - k : k;
    std::vector<double> gi(G * H), gh(G * H);
    for (int r = 0; r < G * H; ++r) {
      double a = p[o.b_ih + r], b = p[o.b_hh + r];
      for (int j = 0; j < in; ++j) a += p[o.W_ih + r * in + j] * x[t][j];
      for (int j = 0; j < H; ++j) b += p[o.W_hh + r * H + j] * h[j];
      gi[r] = a, gh[r] = b;
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
    out[t] = h;
  }
  return out;
}

}  // namespace detail

// Per sequence: the summed cross-entropy of its scored targets and how many there are.
struct ReferenceLoss {
  double sum = 0;
  long long scored = 0;
  double mean() const { return scored ? sum / static_cast<double>(scored) : 0.0; }
};

inline ReferenceLoss reference_sequence_loss(const ParameterLayout& layout, const std::vector<double>& p,
                                             const ReferenceSequence& seq, int s = 0,
                                             const ReferenceMask* mask = nullptr) {
  const ModelShape& shape = layout.shape();
  const int T = static_cast<int>(seq.ids.size()), H = shape.hidden_size, D = shape.directions();
  const int V = shape.vocab_size, C = shape.classes(), L = shape.num_layers;
  std::vector<std::vector<double>> x(T, std::vector<double>(V, 0.0));
  for (int t = 0; t < T; ++t) x[t][seq.ids[t]] = 1.0;  // one-hot, multiplied densely: the slow, obvious way
  for (int l = 0; l < L; ++l) {
    std::vector<std::vector<double>> y(T, std::vector<double>(D * H));
    for (int d = 0; d < D; ++d) {
      const auto h = detail::run_direction(shape, layout.layer(l, d), layout.input_size(l), p, x, d == 1);
      for (int t = 0; t < T; ++t)
        for (int j = 0; j < H; ++j) y[t][d * H + j] = h[t][j];
    }
    if (mask)
      for (int t = 0; t < T; ++t)
        for (int j = 0; j < D * H; ++j) y[t][j] *= (*mask)(l + 1, s, t, j);
    x = y;
  }
  auto cross_entropy = [&](const std::vector<double>& z, int target) {
    std::vector<double> logits(C);
    double m = -1e300;
    for (int c = 0; c < C; ++c) {
      double a = p[layout.decoder_bias() + c];
      for (int j = 0; j < D * H; ++j) a += p[layout.decoder_weight() + c * D * H + j] * z[j];
      logits[c] = a;
      m = std::max(m, a);
    }
    double sum = 0;
    for (double a : logits) sum += std::exp(a - m);
    return std::log(sum) + m - logits[target];
  };
  ReferenceLoss out;
  if (shape.task == TaskKind::classify) {
    std::vector<double> z(D * H);  // h_n of the top layer: forward at the end, backward at the start
    for (int j = 0; j < H; ++j) z[j] = x[T - 1][j];
    for (int j = H; j < D * H; ++j) z[j] = x[0][j];
    out.sum = cross_entropy(z, seq.targets[0]);
    out.scored = 1;
    return out;
  }
  for (int t = 0; t < T; ++t)
    if (seq.targets[t] >= 0) {
      out.sum += cross_entropy(x[t], seq.targets[t]);
      ++out.scored;
    }
  return out;
}

// The mean over every scored target of the batch, as the core's loss.
inline double reference_batch_loss(const ParameterLayout& layout, const std::vector<double>& p,
                                   const std::vector<ReferenceSequence>& batch, const ReferenceMask* mask = nullptr) {
  ReferenceLoss all;
  for (std::size_t s = 0; s < batch.size(); ++s) {
    const ReferenceLoss one = reference_sequence_loss(layout, p, batch[s], static_cast<int>(s), mask);
    all.sum += one.sum;
    all.scored += one.scored;
  }
  return all.mean();
}

}  // namespace charrnn::testing
