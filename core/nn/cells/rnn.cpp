// Elman RNN (PyTorch nn.RNN, nonlinearity tanh):
//   h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)
// B batch, T steps, H hidden (G = 1).
#include "nn/cells/rnn.hpp"

#include <algorithm>
#include <cstring>

#include "kernels/activations.hpp"
#include "kernels/gemm.hpp"

namespace charrnn {

void RnnCell::forward(LayerCache& cache, const float* W_hh_t, const float* b_hh) const {
  const int T = cache.T, B = cache.B, H = cache.H;
  const std::size_t step = static_cast<std::size_t>(B) * H;
  for (int t = 0; t < T; ++t) {
    float* a = cache.gates.data() + t * step;  // (B, H) input projection → pre-activation → h_t
    add_bias_rows(a, b_hh, B, H);
    gemm_nn(B, H, H, cache.h_at(t), H, W_hh_t, H, a, H);
    tanh_inplace(a, static_cast<int>(step));
    std::memcpy(cache.h_at(t + 1), a, step * sizeof(float));
  }
}

void RnnCell::backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const float* W_hh) const {
  const int T = cache.T, B = cache.B, H = cache.H;
  const std::size_t step = static_cast<std::size_t>(B) * H;
  std::fill(grads.dh.begin(), grads.dh.end(), 0.f);  // ∂L/∂h_T from beyond the window: truncated
  for (int t = T - 1; t >= 0; --t) {
    float* dh = grads.dh.data();
    const float* above = dh_above + t * step;
    for (std::size_t k = 0; k < step; ++k) dh[k] += above[k];
    grads.dh_norm[t] = l2_norm(dh, step);
    float* a = cache.gates.data() + t * step;  // h_t in, ∂L/∂(pre-activation) out
    for (std::size_t k = 0; k < step; ++k) a[k] = dh[k] * (1.f - a[k] * a[k]);  // tanh' = 1 - h²
    std::fill(grads.dh.begin(), grads.dh.end(), 0.f);
    gemm_nn(B, H, H, a, H, W_hh, H, dh, H);  // ∂L/∂h_{t-1} = da · W_hh
  }
}

}  // namespace charrnn
