// GRU (PyTorch nn.GRU), gates stacked r, z, n; the reset gate scales the whole hidden term W_hn h + b_hn:
//   r = σ(W_ir x + b_ir + W_hr h + b_hr)      z = σ(W_iz x + b_iz + W_hz h + b_hz)
//   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))
//   h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}
// B batch, T steps, H hidden, G = 3; at step t the first R = rows(t) sequences run.
#include "nn/cells/gru.hpp"

#include <algorithm>
#include <cstring>

#include "kernels/activations.hpp"
#include "kernels/gemm.hpp"

namespace charrnn {

void GruCell::forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const {
  const int T = cache.T, H = cache.H, GH = 3 * H;
  for (int t = 0; t < T; ++t) {
    const int R = cache.rows(t);
    const std::size_t gfirst = cache.first(t) * GH;
    float* hp = cache.h_proj.data() + gfirst;  // (R, 3H) W_hh h_{t-1} + b_hh
    for (int b = 0; b < R; ++b) std::memcpy(hp + static_cast<std::size_t>(b) * GH, b_hh, GH * sizeof(float));
    const float* h_prev = cache.h_at(t);
    gemm_nn(R, h_prev, H, W_hh_t, hp, GH);
    float* a = cache.gates_at(t);  // (R, 3H) input projections → r, z, n
    float* pre = cache.pre_at(t);
    float* h = cache.h_at(t + 1);
    for (int b = 0; b < R; ++b) {
      const std::size_t g = static_cast<std::size_t>(b) * GH, o = static_cast<std::size_t>(b) * H;
      for (int j = 0; j < 2 * H; ++j) a[g + j] += hp[g + j];  // r, z
      if (pre) std::memcpy(pre + g, a + g, 2 * H * sizeof(float));
      sigmoid_inplace(a + g, 2 * H);
      for (int j = 0; j < H; ++j) a[g + 2 * H + j] += a[g + j] * hp[g + 2 * H + j];
      if (pre) std::memcpy(pre + g + 2 * H, a + g + 2 * H, H * sizeof(float));
      tanh_inplace(a + g + 2 * H, H);  // n
      for (int j = 0; j < H; ++j) {
        const float z = a[g + H + j], n = a[g + 2 * H + j];
        h[o + j] = (1.f - z) * n + z * h_prev[o + j];
      }
    }
  }
}

void GruCell::backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const {
  const int T = cache.T, H = cache.H, GH = 3 * H;
  float* dh = grads.dh.data();
  std::fill(grads.dh.begin(), grads.dh.end(), 0.f);
  for (int t = T - 1; t >= 0; --t) {
    const int R = cache.rows(t);
    const std::size_t step = static_cast<std::size_t>(R) * H;
    const float* above = dh_above + cache.first(t) * H;
    for (std::size_t k = 0; k < step; ++k) dh[k] += above[k];
    grads.dh_norm[t] = l2_norm(dh, step);
    // In place: r,z,n become ∂L/∂(W_ih x + b_ih); W_hh h + b_hh becomes ∂L/∂(W_hh h + b_hh).
    float* a = cache.gates_at(t);
    float* hp = cache.h_proj.data() + cache.first(t) * GH;
    const float* h_prev = cache.h_at(t);
    float* dx = a;
    float* dhp = hp;
    // Rows past R keep dh = 0: those sequences ended at t - 1, nothing reaches them from a later step.
    for (int b = 0; b < R; ++b) {
      const std::size_t g = static_cast<std::size_t>(b) * GH, o = static_cast<std::size_t>(b) * H;
      for (int j = 0; j < H; ++j) {
        const float r = a[g + j], z = a[g + H + j], n = a[g + 2 * H + j];
        const float d = dh[o + j];
        const float dn = d * (1.f - z) * (1.f - n * n);  // through h = (1-z) n + ..., then tanh'
        const float dz = d * (h_prev[o + j] - n) * z * (1.f - z);
        const float dr = dn * hp[g + 2 * H + j] * r * (1.f - r);
        dx[g + j] = dhp[g + j] = dr;
        dx[g + H + j] = dhp[g + H + j] = dz;
        dx[g + 2 * H + j] = dn;
        dhp[g + 2 * H + j] = dn * r;
        dh[o + j] = d * z;  // the direct path h_t = ... + z ⊙ h_{t-1}; the W_hh path is added below
      }
    }
    gemm_nn(R, dhp, GH, W_hh, dh, H);
  }
}

}  // namespace charrnn
