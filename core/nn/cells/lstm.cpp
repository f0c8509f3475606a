// LSTM (PyTorch nn.LSTM), gates stacked i, f, g, o in W_ih, W_hh, b_ih, b_hh:
//   i = σ(W_ii x + b_ii + W_hi h + b_hi)     f = σ(W_if x + b_if + W_hf h + b_hf)
//   g = tanh(W_ig x + b_ig + W_hg h + b_hg)  o = σ(W_io x + b_io + W_ho h + b_ho)
//   c_t = f ⊙ c_{t-1} + i ⊙ g                h_t = o ⊙ tanh(c_t)
// B batch, T steps, H hidden, G = 4; at step t the first R = rows(t) sequences run.
#include "nn/cells/lstm.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "kernels/activations.hpp"
#include "kernels/gemm.hpp"

namespace charrnn {

void LstmCell::forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const {
  const int T = cache.T, H = cache.H, GH = 4 * H;
  for (int t = 0; t < T; ++t) {
    const int R = cache.rows(t);
    const std::size_t step = static_cast<std::size_t>(R) * H;
    float* a = cache.gates_at(t);  // (R, 4H) input projections → pre-activations → i,f,g,o
    add_bias_rows(a, b_hh, R, GH);
    gemm_nn(R, cache.h_at(t), H, W_hh_t, a, GH);
    if (float* pre = cache.pre_at(t)) std::memcpy(pre, a, step * 4 * sizeof(float));
    const float* c_prev = cache.c_at(t);
    float* c = cache.c_at(t + 1);
    float* h = cache.h_at(t + 1);
    for (int b = 0; b < R; ++b) {
      float* row = a + static_cast<std::size_t>(b) * GH;
      sigmoid_inplace(row, 2 * H);      // i, f
      tanh_inplace(row + 2 * H, H);     // g
      sigmoid_inplace(row + 3 * H, H);  // o
      const std::size_t o = static_cast<std::size_t>(b) * H;
      for (int j = 0; j < H; ++j) c[o + j] = row[H + j] * c_prev[o + j] + row[j] * row[2 * H + j];
    }
    std::memcpy(h, c, step * sizeof(float));
    tanh_inplace(h, static_cast<int>(step));
    for (int b = 0; b < R; ++b) {
      const float* og = a + static_cast<std::size_t>(b) * GH + 3 * H;
      float* hb = h + static_cast<std::size_t>(b) * H;
      for (int j = 0; j < H; ++j) hb[j] *= og[j];
    }
  }
}

void LstmCell::backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const {
  const int T = cache.T, H = cache.H, GH = 4 * H;
  float* dh = grads.dh.data();  // running ∂L/∂h_t, then ∂L/∂h_{t-1}
  float* dc = grads.dc.data();  // running ∂L/∂c_t (from the future through f), then ∂L/∂c_{t-1}
  std::fill(grads.dh.begin(), grads.dh.end(), 0.f);
  std::fill(grads.dc.begin(), grads.dc.end(), 0.f);
  for (int t = T - 1; t >= 0; --t) {
    const int R = cache.rows(t);
    const std::size_t step = static_cast<std::size_t>(R) * H;
    const float* above = dh_above + cache.first(t) * H;
    for (std::size_t k = 0; k < step; ++k) dh[k] += above[k];
    grads.dh_norm[t] = l2_norm(dh, step);
    float* a = cache.gates_at(t);  // i,f,g,o in; ∂L/∂(their pre-activations) out
    float* tc = grads.scratch.data();  // tanh(c_t): cheaper to recompute than to keep for every step
    std::memcpy(tc, cache.c_at(t + 1), step * sizeof(float));
    tanh_inplace(tc, static_cast<int>(step));
    const float* c_prev = cache.c_at(t);
    double dc_sq = 0;
    for (int b = 0; b < R; ++b) {
      float* g4 = a + static_cast<std::size_t>(b) * GH;
      const std::size_t o = static_cast<std::size_t>(b) * H;
      for (int j = 0; j < H; ++j) {
        const float i = g4[j], f = g4[H + j], g = g4[2 * H + j], og = g4[3 * H + j];
        const float dh_j = dh[o + j], tcj = tc[o + j];
        const float dc_j = dc[o + j] + dh_j * og * (1.f - tcj * tcj);  // through h_t = o ⊙ tanh(c_t)
        dc_sq += static_cast<double>(dc_j) * dc_j;
        g4[j] = dc_j * g * i * (1.f - i);                // σ' = s(1 - s)
        g4[H + j] = dc_j * c_prev[o + j] * f * (1.f - f);
        g4[2 * H + j] = dc_j * i * (1.f - g * g);        // tanh' = 1 - g²
        g4[3 * H + j] = dh_j * tcj * og * (1.f - og);
        dc[o + j] = dc_j * f;                            // c_t = f ⊙ c_{t-1} + ...
      }
    }
    grads.dc_norm[t] = static_cast<float>(std::sqrt(dc_sq));
    // Rows past R stay 0 in dh and dc: those sequences ended at t - 1, nothing reaches them from later.
    std::fill(grads.dh.begin(), grads.dh.end(), 0.f);
    gemm_nn(R, a, GH, W_hh, dh, H);  // ∂L/∂h_{t-1} = da · W_hh
  }
}

}  // namespace charrnn
