#include "nn/network.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernels/gemm.hpp"
#include "nn/heads.hpp"
#include "nn/softmax.hpp"
#include "util/error.hpp"

namespace charrnn {

void RecurrentState::reset(const ModelShape& shape, int batch_) {
  layers = shape.num_layers * shape.directions(), batch = batch_, hidden = shape.hidden_size;
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
  const std::size_t DH = s.output_width(), D = s.directions();
  const std::size_t per_layer = D * (N * GH * (s.cell == CellKind::gru ? 2 : 1) + (N + B) * H * 2);
  const std::size_t shared = N * s.classes() + N * DH * 3 + N * H;  // logits, gradients flowing down, reversed input
  const std::size_t dropout = (s.num_layers + 1) * N * DH * 2;     // masks and masked outputs, when training with dropout
  return per_layer * s.num_layers + shared + dropout;
}

Network::Network(const ModelShape& shape, int max_steps, int batch)
    : shape_(shape), max_T_(max_steps), B_(batch), cell_(make_cell(shape)),
      caches_(static_cast<std::size_t>(shape.num_layers) * shape.directions()),
      cell_grads_(caches_.size()), outputs_(shape.num_layers + 1), masks_(shape.num_layers + 1) {
  shape.validate();
}

double Network::forward(const Model& model, int T, const std::int32_t* inputs, const std::int32_t* targets,
                        RecurrentState& state, float dropout, Rng* rng) {
  const int steps = std::min(T, max_T_);
  if (!(layout_.is_uniform() && layout_.steps() == steps && layout_.batch() == B_))
    layout_ = SequenceLayout::uniform(steps, B_);  // kept: a window after window costs no allocation
  return forward(model, layout_, inputs, targets, &state, dropout, rng);
}

double Network::forward(const Model& model, const SequenceLayout& layout, const std::int32_t* inputs,
                        const std::int32_t* targets, RecurrentState* state, float dropout, Rng* rng) {
  require(layout.steps() <= max_T_ && layout.batch() <= B_, "the batch is larger than this network was made for");
  if (&layout != &layout_) layout_ = layout;
  const int N = layout_.rows(), L = shape_.num_layers;
  inputs_.assign(inputs, inputs + N);
  dropout_active_ = dropout > 0.f && rng != nullptr;
  for (int l = 0; l < L; ++l) {
    run_layer(model, l, state);
    combine_output(l, dropout, rng);
  }
  const int M = head_rows(), C = shape_.classes();
  if (shape_.task == TaskKind::classify) {
    head_in_.resize(static_cast<std::size_t>(M) * shape_.output_width());
    gather_last_states(layout_, site_output(L), shape_.hidden_size, shape_.directions(), head_in_.data());
  }
  logits_.resize(static_cast<std::size_t>(M) * C);
  decode(model, head_input(), M, logits_.data());
  if (!targets) {
    targets_.clear();
    return 0.0;
  }
  targets_.assign(targets, targets + M);
  scored_ = std::count_if(targets_.begin(), targets_.end(), [](std::int32_t y) { return y >= 0; });
  loss_sum_ = softmax_cross_entropy(logits_.data(), targets_.data(), M, C);
  return scored_ > 0 ? loss_sum_ / static_cast<double>(scored_) : 0.0;
}

int Network::head_rows() const { return shape_.task == TaskKind::classify ? layout_.batch() : layout_.rows(); }

const float* Network::head_input() const {
  return shape_.task == TaskKind::classify ? head_in_.data() : site_output(shape_.num_layers);
}

const float* Network::site_output(int site) const {
  const auto& out = outputs_[static_cast<std::size_t>(site)];
  return out.empty() ? caches_[slot(site - 1, 0)].output() : out.data();
}

const float* Network::direction_input(int l, int d) {
  const float* x = site_output(l);
  if (d == 0) return x;
  const int N = layout_.rows(), In = shape_.output_width();
  reversed_.resize(static_cast<std::size_t>(N) * In);
  for (int n = 0; n < N; ++n)
    std::memcpy(reversed_.data() + static_cast<std::size_t>(n) * In, x + static_cast<std::size_t>(layout_.reversed_row(n)) * In,
                In * sizeof(float));
  return reversed_.data();
}

void Network::run_layer(const Model& model, int l, RecurrentState* state) {
  const int B = layout_.batch(), N = layout_.rows(), H = shape_.hidden_size, GH = shape_.gates() * H;
  const int In = model.layout().input_size(l);
  const PackedWeights& packed = model.packed();
  for (int d = 0; d < shape_.directions(); ++d) {
    const std::size_t s = slot(l, d);
    LayerCache& cache = caches_[s];
    cache.resize(shape_.cell, layout_, H, keep_pre_);
    const LayerOffsets& o = model.layout().layer(l, d);
    const float* b_ih = model.at(o.b_ih);
    if (l == 0) {
      // One-hot input: W_ih x is the column of W_ih at the character's index, i.e. a row of W_ihᵀ. An
      // unknown character (kUnknown) is an all-zero column: W_ih x = 0, only the bias.
      for (int n = 0; n < N; ++n) {
        const std::int32_t id = inputs_[static_cast<std::size_t>(d == 0 ? n : layout_.reversed_row(n))];
        float* dst = cache.gates.data() + static_cast<std::size_t>(n) * GH;
        if (id < 0) {
          std::memcpy(dst, b_ih, GH * sizeof(float));
          continue;
        }
        const float* col = packed.W_ih_t[s].data() + static_cast<std::size_t>(id) * GH;
        for (int j = 0; j < GH; ++j) dst[j] = col[j] + b_ih[j];
      }
    } else {
      for (int n = 0; n < N; ++n) std::memcpy(cache.gates.data() + static_cast<std::size_t>(n) * GH, b_ih, GH * sizeof(float));
      // Hoisted out of the time loop: the input projection of all steps is one product.
      gemm_nn(N, GH, In, direction_input(l, d), In, packed.W_ih_t[s].data(), GH, cache.gates.data(), GH);
    }
    const std::size_t BH = static_cast<std::size_t>(B) * H;
    const bool lstm = shape_.cell == CellKind::lstm;
    if (state) {
      std::memcpy(cache.h_at(0), state->h_of(static_cast<int>(s)), BH * sizeof(float));
      if (lstm) std::memcpy(cache.c_at(0), state->c_of(static_cast<int>(s)), BH * sizeof(float));
    } else {
      std::fill_n(cache.h_at(0), BH, 0.f);
      if (lstm) std::fill_n(cache.c_at(0), BH, 0.f);
    }
    cell_->forward(cache, packed.W_hh_t[s], model.at(o.b_hh));
    if (!state) continue;
    for (int b = 0; b < B; ++b) {  // each sequence's state after its own last step
      const std::size_t row = static_cast<std::size_t>(B) + layout_.row(layout_.length(b) - 1, b);
      std::memcpy(state->h_of(static_cast<int>(s)) + static_cast<std::size_t>(b) * H, cache.h.data() + row * H, H * sizeof(float));
      if (lstm) std::memcpy(state->c_of(static_cast<int>(s)) + static_cast<std::size_t>(b) * H, cache.c.data() + row * H, H * sizeof(float));
    }
  }
}

void Network::combine_output(int l, float p, Rng* rng) {
  const int site = l + 1, N = layout_.rows(), H = shape_.hidden_size, DH = shape_.output_width();
  auto& out = outputs_[static_cast<std::size_t>(site)];
  if (shape_.directions() == 1 && !dropout_active_) {
    out.clear();  // the cache's own output serves as it is
    return;
  }
  const std::size_t n_all = static_cast<std::size_t>(N) * DH;
  out.resize(n_all);
  const float* forward_h = caches_[slot(l, 0)].output();
  if (shape_.directions() == 1) {
    std::memcpy(out.data(), forward_h, n_all * sizeof(float));
  } else {
    const float* backward_h = caches_[slot(l, 1)].output();  // rows in the backward direction's order
    for (int n = 0; n < N; ++n) {
      float* row = out.data() + static_cast<std::size_t>(n) * DH;
      std::memcpy(row, forward_h + static_cast<std::size_t>(n) * H, H * sizeof(float));
      std::memcpy(row + H, backward_h + static_cast<std::size_t>(layout_.reversed_row(n)) * H, H * sizeof(float));
    }
  }
  if (!dropout_active_) return;
  auto& mask = masks_[static_cast<std::size_t>(site)];
  if (!masks_frozen_ || mask.size() != n_all) {
    mask.resize(n_all);
    const float keep_scale = 1.f / (1.f - p);  // inverted dropout: no rescaling at inference
    for (auto& m : mask) m = rng->uniform() < p ? 0.f : keep_scale;
  }
  for (std::size_t k = 0; k < n_all; ++k) out[k] *= mask[k];
}

void Network::backward(const Model& model, std::vector<float>& grads, bool only_last_step, long long denominator) {
  const int L = shape_.num_layers, N = layout_.rows(), C = shape_.classes(), DH = shape_.output_width();
  const int M = head_rows();
  const bool per_sequence = shape_.task == TaskKind::classify;
  require(!(only_last_step && per_sequence), "a per-sequence head has no last step of its own");
  require(static_cast<int>(targets_.size()) == M, "backward needs a forward with targets");

  // ∂(mean CE)/∂logits = (softmax - onehot) / scored, in place over the probabilities; unscored rows 0.
  const int first_counted = only_last_step ? M - layout_.rows_at(layout_.steps() - 1) : 0;
  long long counted = 0;
  for (int m = 0; m < M; ++m) {
    float* row = logits_.data() + static_cast<std::size_t>(m) * C;
    if (m < first_counted || targets_[m] < 0) {
      std::fill_n(row, C, 0.f);
    } else {
      row[targets_[m]] -= 1.f;
      ++counted;
    }
  }
  if (denominator > 0) counted = denominator;
  const float scale = counted > 0 ? 1.f / static_cast<float>(counted) : 0.f;
  for (auto& x : logits_) x *= scale;

  d_out_.assign(static_cast<std::size_t>(N) * DH, 0.f);
  float* g = grads.data();
  if (per_sequence) {
    d_in_.assign(static_cast<std::size_t>(M) * DH, 0.f);  // ∂L/∂(the states the head read)
    decode_backward(model, head_in_.data(), M, logits_.data(), g, d_in_.data());
    scatter_last_states(layout_, d_in_.data(), shape_.hidden_size, shape_.directions(), d_out_.data());
  } else {
    decode_backward(model, site_output(L), M, logits_.data(), g, d_out_.data());
  }
  if (dropout_active_)
    for (std::size_t k = 0; k < d_out_.size(); ++k) d_out_[k] *= masks_[L][k];
  for (int l = L - 1; l >= 0; --l) {
    backward_layer(model, l, d_out_.data(), grads);
    if (l == 0) break;
    if (dropout_active_)
      for (std::size_t k = 0; k < d_in_.size(); ++k) d_in_[k] *= masks_[l][k];
    d_out_.swap(d_in_);  // ∂L/∂(layer l's input) is ∂L/∂(layer l - 1's output)
  }
}

namespace {

// sums[j] += Σ_n rows[n][j] for an (N, n) block: bias gradients.
void add_column_sums(float* sums, const float* rows, int N, int n) {
  for (int r = 0; r < N; ++r)
    for (int j = 0; j < n; ++j) sums[j] += rows[static_cast<std::size_t>(r) * n + j];
}

}  // namespace

void Network::backward_layer(const Model& model, int l, const float* d_out, std::vector<float>& grads) {
  const int T = layout_.steps(), B = layout_.batch(), N = layout_.rows(), H = shape_.hidden_size;
  const int GH = shape_.gates() * H, D = shape_.directions(), DH = shape_.output_width(), V = shape_.vocab_size;
  const int In = model.layout().input_size(l);
  float* g = grads.data();
  if (l > 0) d_in_.assign(static_cast<std::size_t>(N) * In, 0.f);
  for (int d = 0; d < D; ++d) {
    const std::size_t s = slot(l, d);
    LayerCache& cache = caches_[s];
    CellGradients& cg = cell_grads_[s];
    const LayerOffsets& o = model.layout().layer(l, d);
    cg.resize(shape_.cell, T, B, H);
    const float* dh_above = d_out;  // ∂L/∂h of this direction, in its own row order
    if (D == 2) {
      d_dir_.resize(static_cast<std::size_t>(N) * H);
      for (int n = 0; n < N; ++n) {
        const int from = d == 0 ? n : layout_.reversed_row(n);
        std::memcpy(d_dir_.data() + static_cast<std::size_t>(n) * H, d_out + static_cast<std::size_t>(from) * DH + d * H, H * sizeof(float));
      }
      dh_above = d_dir_.data();
    }
    cell_->backward(cg, dh_above, cache, model.packed().W_hh[s]);

    // Weight gradients summed over all steps in one product each (hoisted out of the time loop). A packed
    // batch's previous states are not row-aligned with its steps: there, one product per step.
    const float* d_x = cache.gates.data();  // ∂L/∂(W_ih x + b_ih) now (see LayerCache)
    const float* d_hp = cache.hidden_projection_grad();
    if (layout_.is_uniform()) {
      gemm_tn(GH, H, N, d_hp, GH, cache.h_at(0), H, g + o.W_hh, H);
    } else {
      for (int t = 0; t < T; ++t)
        gemm_tn(GH, H, cache.rows(t), d_hp + cache.first(t) * GH, GH, cache.h_at(t), H, g + o.W_hh, H);
    }
    add_column_sums(g + o.b_hh, d_hp, N, GH);
    add_column_sums(g + o.b_ih, d_x, N, GH);
    if (l == 0) {
      // One-hot input: only the input character's column of W_ih gets a gradient (none for an unknown one).
      float* dW = g + o.W_ih;
      for (int n = 0; n < N; ++n) {
        const std::int32_t id = inputs_[static_cast<std::size_t>(d == 0 ? n : layout_.reversed_row(n))];
        if (id < 0) continue;
        const float* dn = d_x + static_cast<std::size_t>(n) * GH;
        float* col = dW + id;
        for (int j = 0; j < GH; ++j) col[static_cast<std::size_t>(j) * V] += dn[j];
      }
      continue;
    }
    gemm_tn(GH, In, N, d_x, GH, direction_input(l, d), In, g + o.W_ih, In);
    // ∂L/∂(layer input) in time order; the backward direction's rows come back through the permutation.
    if (d == 0) {
      gemm_nn(N, In, GH, d_x, GH, model.at(o.W_ih), In, d_in_.data(), In);
    } else {
      std::fill(reversed_.begin(), reversed_.end(), 0.f);
      gemm_nn(N, In, GH, d_x, GH, model.at(o.W_ih), In, reversed_.data(), In);
      for (int n = 0; n < N; ++n) {
        const float* src = reversed_.data() + static_cast<std::size_t>(n) * In;
        float* dst = d_in_.data() + static_cast<std::size_t>(layout_.reversed_row(n)) * In;
        for (int j = 0; j < In; ++j) dst[j] += src[j];
      }
    }
  }
}

}  // namespace charrnn
