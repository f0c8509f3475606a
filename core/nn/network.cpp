#include "nn/network.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernels/gemm.hpp"
#include "nn/softmax.hpp"

namespace charrnn {

void RecurrentState::reset(const ModelShape& shape, int batch_) {
  layers = shape.num_layers, batch = batch_, hidden = shape.hidden_size;
  const std::size_t n = static_cast<std::size_t>(layers) * batch * hidden;
  h.assign(n, 0.f);
  c.assign(shape.cell == CellKind::lstm ? n : 0, 0.f);
}

bool RecurrentState::finite() const {
  for (float x : h)
    if (!std::isfinite(x)) return false;
  for (float x : c)
    if (!std::isfinite(x)) return false;
  return true;
}

std::size_t network_working_floats(const ModelShape& s, int T, int B) {
  const std::size_t N = static_cast<std::size_t>(T) * B, H = s.hidden_size, GH = s.gates() * H;
  const std::size_t per_layer = N * GH * (s.cell == CellKind::gru ? 2 : 1) + N * H * 2;
  const std::size_t shared = N * s.vocab_size + N * H;
  const std::size_t dropout = (s.num_layers + 1) * N * H * 2;  // masks and masked copies, when training with dropout
  return per_layer * s.num_layers + shared + dropout;
}

Network::Network(const ModelShape& shape, int max_steps, int batch)
    : shape_(shape), max_T_(max_steps), B_(batch), cell_(make_cell(shape.cell)),
      caches_(shape.num_layers), cell_grads_(shape.num_layers),
      masks_(shape.num_layers + 1), dropped_(shape.num_layers + 1) {
  shape.validate();
}

void Network::apply_dropout(int site, const float* h, float p, Rng* rng) {
  const std::size_t n = static_cast<std::size_t>(T_) * B_ * shape_.hidden_size;
  auto& mask = masks_[site];
  auto& out = dropped_[site];
  if (!masks_frozen_ || mask.size() != n) {
    mask.resize(n);
    const float keep_scale = 1.f / (1.f - p);  // inverted dropout: no rescaling at inference
    for (auto& m : mask) m = rng->uniform() < p ? 0.f : keep_scale;
  }
  out.resize(n);
  for (std::size_t k = 0; k < n; ++k) out[k] = h[k] * mask[k];
}

const float* Network::layer_input(int l) const {
  return dropout_active_ ? dropped_[l].data() : caches_[l - 1].h_at(1);
}

const float* Network::decoder_input() const {
  const int L = shape_.num_layers;
  return dropout_active_ ? dropped_[L].data() : caches_[L - 1].h_at(1);
}

double Network::forward(const Model& model, int T, const std::int32_t* inputs, const std::int32_t* targets,
                        RecurrentState& state, float dropout, Rng* rng) {
  T_ = std::min(T, max_T_);
  const int B = B_, H = shape_.hidden_size, GH = shape_.gates() * H, V = shape_.vocab_size;
  const int L = shape_.num_layers, N = T_ * B;
  const ParameterLayout& layout = model.layout();
  const PackedWeights& packed = model.packed();
  inputs_.assign(inputs, inputs + N);
  if (targets) targets_.assign(targets, targets + N);
  dropout_active_ = dropout > 0.f && rng != nullptr;

  for (int l = 0; l < L; ++l) {
    LayerCache& cache = caches_[l];
    cache.resize(shape_.cell, T_, B, H);
    const LayerOffsets& o = layout.layer(l);
    const float* b_ih = model.at(o.b_ih);
    if (l == 0) {
      // One-hot input: W_ih x is the column of W_ih at the character's index, i.e. a row of W_ihᵀ.
      for (int n = 0; n < N; ++n) {
        const float* col = packed.W_ih_t[0].data() + static_cast<std::size_t>(inputs[n]) * GH;
        float* dst = cache.gates.data() + static_cast<std::size_t>(n) * GH;
        for (int j = 0; j < GH; ++j) dst[j] = col[j] + b_ih[j];
      }
    } else {
      for (int n = 0; n < N; ++n) std::memcpy(cache.gates.data() + static_cast<std::size_t>(n) * GH, b_ih, GH * sizeof(float));
      // Hoisted out of the time loop: the input projection of all T steps is one product.
      gemm_nn(N, GH, H, layer_input(l), H, packed.W_ih_t[l].data(), GH, cache.gates.data(), GH);
    }
    std::memcpy(cache.h_at(0), state.h_of(l), sizeof(float) * B * H);
    if (shape_.cell == CellKind::lstm) std::memcpy(cache.c_at(0), state.c_of(l), sizeof(float) * B * H);
    cell_->forward(cache, packed.W_hh_t[l].data(), model.at(o.b_hh));
    std::memcpy(state.h_of(l), cache.h_at(T_), sizeof(float) * B * H);
    if (shape_.cell == CellKind::lstm) std::memcpy(state.c_of(l), cache.c_at(T_), sizeof(float) * B * H);
    if (dropout_active_) apply_dropout(l + 1, cache.h_at(1), dropout, rng);
  }

  logits_.resize(static_cast<std::size_t>(N) * V);
  const float* b_dec = model.at(layout.decoder_bias());
  for (int n = 0; n < N; ++n) std::memcpy(logits_.data() + static_cast<std::size_t>(n) * V, b_dec, V * sizeof(float));
  gemm_nn(N, V, H, decoder_input(), H, packed.decoder_t.data(), V, logits_.data(), V);
  if (!targets) return 0.0;
  return softmax_cross_entropy(logits_.data(), targets, N, V) / N;
}

namespace {

// sums[j] += Σ_n rows[n][j] for an (N, n) block: bias gradients.
void add_column_sums(float* sums, const float* rows, int N, int n) {
  for (int r = 0; r < N; ++r)
    for (int j = 0; j < n; ++j) sums[j] += rows[static_cast<std::size_t>(r) * n + j];
}

}  // namespace

void Network::backward(const Model& model, std::vector<float>& grads, bool only_last_step) {
  const int B = B_, H = shape_.hidden_size, GH = shape_.gates() * H, V = shape_.vocab_size;
  const int L = shape_.num_layers, N = T_ * B;
  const ParameterLayout& layout = model.layout();
  float* g = grads.data();

  // ∂(mean CE)/∂logits = (softmax - onehot) / N, in place over the probabilities.
  float* dlogits = logits_.data();
  for (int n = 0; n < N; ++n) dlogits[static_cast<std::size_t>(n) * V + targets_[n]] -= 1.f;
  const float inv_n = 1.f / (only_last_step ? B : N);
  for (auto& x : logits_) x *= inv_n;
  if (only_last_step) std::fill(logits_.begin(), logits_.end() - static_cast<std::ptrdiff_t>(B) * V, 0.f);

  gemm_tn(V, H, N, dlogits, V, decoder_input(), H, g + layout.decoder_weight(), H);
  add_column_sums(g + layout.decoder_bias(), dlogits, N, V);
  d_above_.assign(static_cast<std::size_t>(N) * H, 0.f);
  gemm_nn(N, H, V, dlogits, V, model.at(layout.decoder_weight()), H, d_above_.data(), H);
  if (dropout_active_)
    for (std::size_t k = 0; k < d_above_.size(); ++k) d_above_[k] *= masks_[L][k];

  for (int l = L - 1; l >= 0; --l) {
    LayerCache& cache = caches_[l];
    CellGradients& cg = cell_grads_[l];
    const LayerOffsets& o = layout.layer(l);
    cg.resize(shape_.cell, T_, B, H);
    cell_->backward(cg, d_above_.data(), cache, model.at(o.W_hh));

    // Weight gradients summed over all T steps in one product each (hoisted out of the time loop).
    const float* d_x = cache.gates.data();  // ∂L/∂(W_ih x + b_ih) now (see LayerCache)
    gemm_tn(GH, H, N, cache.hidden_projection_grad(), GH, cache.h_at(0), H, g + o.W_hh, H);
    add_column_sums(g + o.b_hh, cache.hidden_projection_grad(), N, GH);
    add_column_sums(g + o.b_ih, d_x, N, GH);
    if (l == 0) {
      // One-hot input: only the input character's column of W_ih gets a gradient.
      float* dW = g + o.W_ih;
      for (int n = 0; n < N; ++n) {
        const float* d = d_x + static_cast<std::size_t>(n) * GH;
        float* col = dW + inputs_[n];
        for (int j = 0; j < GH; ++j) col[static_cast<std::size_t>(j) * V] += d[j];
      }
    } else {
      gemm_tn(GH, H, N, d_x, GH, layer_input(l), H, g + o.W_ih, H);
      // The cell has consumed ∂L/∂h from above: its buffer now receives ∂L/∂x for the layer below.
      std::fill(d_above_.begin(), d_above_.end(), 0.f);
      gemm_nn(N, H, GH, d_x, GH, model.at(o.W_ih), H, d_above_.data(), H);
      if (dropout_active_)
        for (std::size_t k = 0; k < d_above_.size(); ++k) d_above_[k] *= masks_[l][k];
    }
  }
}

}  // namespace charrnn
