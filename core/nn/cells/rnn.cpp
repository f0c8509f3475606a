// Elman RNN (PyTorch nn.RNN, nonlinearity tanh or relu):
//   h_t = f(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
// B batch, T steps, H hidden (G = 1); at step t the first R = rows(t) sequences run.
#include "nn/cells/rnn.hpp"

#include <algorithm>
#include <cstring>

#include "kernels/activations.hpp"
#include "kernels/gemm.hpp"

namespace charrnn {

void RnnCell::forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const {
  const int T = cache.T, H = cache.H;
  for (int t = 0; t < T; ++t) {
    const int R = cache.rows(t);
    const std::size_t step = static_cast<std::size_t>(R) * H;
    float* a = cache.gates_at(t);  // (R, H) input projection → pre-activation → h_t
    add_bias_rows(a, b_hh, R, H);
    gemm_nn(R, cache.h_at(t), H, W_hh_t, a, H);
    if (float* pre = cache.pre_at(t)) std::memcpy(pre, a, step * sizeof(float));
    if (f_ == Nonlinearity::relu)
      relu_inplace(a, static_cast<int>(step));
    else
      tanh_inplace(a, static_cast<int>(step));
    std::memcpy(cache.h_at(t + 1), a, step * sizeof(float));
  }
}

void RnnCell::backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const {
  const int T = cache.T, H = cache.H;
  std::fill(grads.dh.begin(), grads.dh.end(), 0.f);  // ∂L/∂h_T from beyond the window: truncated
  for (int t = T - 1; t >= 0; --t) {
    const int R = cache.rows(t);
    const std::size_t step = static_cast<std::size_t>(R) * H;
    float* dh = grads.dh.data();
    const float* above = dh_above + cache.first(t) * H;
    for (std::size_t k = 0; k < step; ++k) dh[k] += above[k];
    grads.dh_norm[t] = l2_norm(dh, step);
    float* a = cache.gates_at(t);  // h_t in, ∂L/∂(pre-activation) out
    if (f_ == Nonlinearity::relu)
      for (std::size_t k = 0; k < step; ++k) a[k] = a[k] > 0.f ? dh[k] : 0.f;  // relu' = [pre > 0] = [h > 0]
    else
      for (std::size_t k = 0; k < step; ++k) a[k] = dh[k] * (1.f - a[k] * a[k]);  // tanh' = 1 - h²
    // Rows past R stay 0: those sequences ended at t - 1, nothing reaches them from a later step.
    std::fill(grads.dh.begin(), grads.dh.end(), 0.f);
    gemm_nn(R, a, H, W_hh, dh, H);  // ∂L/∂h_{t-1} = da · W_hh
  }
}

}  // namespace charrnn
