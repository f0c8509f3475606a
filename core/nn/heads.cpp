#include "nn/heads.hpp"

#include <cstring>

#include "kernels/gemm.hpp"

namespace charrnn {

void gather_last_states(const SequenceLayout& layout, const float* top, int H, int D, float* states) {
  const int DH = D * H;
  for (int b = 0; b < layout.batch(); ++b) {
    float* dst = states + static_cast<std::size_t>(b) * DH;
    std::memcpy(dst, top + static_cast<std::size_t>(layout.row(layout.length(b) - 1, b)) * DH, H * sizeof(float));
    if (D == 2) std::memcpy(dst + H, top + static_cast<std::size_t>(layout.row(0, b)) * DH + H, H * sizeof(float));
  }
}

void scatter_last_states(const SequenceLayout& layout, const float* d_states, int H, int D, float* d_top) {
  const int DH = D * H;
  for (int b = 0; b < layout.batch(); ++b) {
    const float* src = d_states + static_cast<std::size_t>(b) * DH;
    float* last = d_top + static_cast<std::size_t>(layout.row(layout.length(b) - 1, b)) * DH;
    for (int j = 0; j < H; ++j) last[j] += src[j];
    if (D == 2) {
      float* first = d_top + static_cast<std::size_t>(layout.row(0, b)) * DH + H;
      for (int j = 0; j < H; ++j) first[j] += src[H + j];
    }
  }
}

void decode(const Model& model, const float* X, int M, float* logits) {
  const int C = model.shape().classes(), DH = model.shape().output_width();
  const float* bias = model.at(model.layout().decoder_bias());
  for (int m = 0; m < M; ++m) std::memcpy(logits + static_cast<std::size_t>(m) * C, bias, C * sizeof(float));
  gemm_nn(M, C, DH, X, DH, model.packed().decoder_t.data(), C, logits, C);
}

void decode_backward(const Model& model, const float* X, int M, const float* dlogits, float* grads, float* dX) {
  const int C = model.shape().classes(), DH = model.shape().output_width();
  const ParameterLayout& layout = model.layout();
  gemm_tn(C, DH, M, dlogits, C, X, DH, grads + layout.decoder_weight(), DH);
  float* db = grads + layout.decoder_bias();
  for (int m = 0; m < M; ++m)
    for (int c = 0; c < C; ++c) db[c] += dlogits[static_cast<std::size_t>(m) * C + c];
  gemm_nn(M, DH, C, dlogits, C, model.at(layout.decoder_weight()), DH, dX, DH);
}

}  // namespace charrnn
