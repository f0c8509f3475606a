#include "nn/cells/cell.hpp"

#include <cmath>

#include "nn/cells/gru.hpp"
#include "nn/cells/lstm.hpp"
#include "nn/cells/rnn.hpp"

namespace charrnn {

void LayerCache::resize(CellKind cell, const SequenceLayout& batch_layout, int hidden, bool keep_pre_activations) {
  layout = &batch_layout;
  T = batch_layout.steps(), B = batch_layout.batch(), H = hidden, G = gate_count(cell);
  const std::size_t N = static_cast<std::size_t>(batch_layout.rows()), GH = static_cast<std::size_t>(G) * H;
  gates.resize(N * GH);
  h.resize((N + B) * H);
  h_proj.resize(cell == CellKind::gru ? N * GH : 0);
  c.resize(cell == CellKind::lstm ? (N + B) * H : 0);
  pre.resize(keep_pre_activations ? N * GH : 0);
}

void CellGradients::resize(CellKind cell, int T, int B, int H) {
  dh.assign(static_cast<std::size_t>(B) * H, 0.f);
  dc.assign(cell == CellKind::lstm ? static_cast<std::size_t>(B) * H : 0, 0.f);
  dh_norm.assign(T, 0.f);
  dc_norm.assign(cell == CellKind::lstm ? T : 0, 0.f);
  scratch.resize(cell == CellKind::lstm ? static_cast<std::size_t>(B) * H : 0);
}

std::unique_ptr<Cell> make_cell(const ModelShape& shape) {
  switch (shape.cell) {
    case CellKind::rnn: return std::make_unique<RnnCell>(shape.nonlinearity);
    case CellKind::lstm: return std::make_unique<LstmCell>();
    case CellKind::gru: return std::make_unique<GruCell>();
  }
  return nullptr;
}

void add_bias_rows(float* rows, const float* bias, int count, int n) {
  for (int r = 0; r < count; ++r)
    for (int j = 0; j < n; ++j) rows[static_cast<std::size_t>(r) * n + j] += bias[j];
}

float l2_norm(const float* x, std::size_t n) {
  double s = 0;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<double>(x[i]) * x[i];
  return static_cast<float>(std::sqrt(s));
}

}  // namespace charrnn
