#include "nn/model.hpp"

#include <cmath>

#include "kernels/gemm.hpp"

namespace charrnn {

Model::Model(const ModelShape& shape) : layout_((shape.validate(), shape)), params_(layout_.total(), 0.f) {}

void Model::initialize(Rng& rng, bool forget_bias_one) {
  auto& p = mutable_parameters();
  const float recurrent_bound = 1.f / std::sqrt(static_cast<float>(shape().hidden_size));
  const float decoder_bound = 1.f / std::sqrt(static_cast<float>(shape().output_width()));
  for (const TensorInfo& t : layout_.tensors()) {  // in buffer order: one stream of draws, as before directions
    const float bound = t.name.rfind("decoder.", 0) == 0 ? decoder_bound : recurrent_bound;
    for (std::size_t k = 0; k < t.size; ++k) p[t.offset + k] = rng.uniform(-bound, bound);
  }
  if (forget_bias_one && shape().cell == CellKind::lstm) {
    const int H = shape().hidden_size;
    for (int l = 0; l < shape().num_layers; ++l)
      for (int d = 0; d < shape().directions(); ++d) {
        const LayerOffsets& o = layout_.layer(l, d);
        for (int j = H; j < 2 * H; ++j) {  // block 1 of i,f,g,o
          p[o.b_ih + j] = 1.f;
          p[o.b_hh + j] = 0.f;
        }
      }
  }
}

const PackedWeights& Model::packed() const {
  if (!packed_stale_) return packed_;
  const int H = shape().hidden_size, GH = shape().gates() * H, C = shape().classes(), DH = shape().output_width();
  const int L = shape().num_layers, D = shape().directions();
  packed_.W_ih_t.resize(static_cast<std::size_t>(L) * D);
  packed_.W_hh_t.resize(static_cast<std::size_t>(L) * D);
  packed_.W_hh.resize(static_cast<std::size_t>(L) * D);
  for (int l = 0; l < L; ++l)
    for (int d = 0; d < D; ++d) {
      const int in = layout_.input_size(l);
      auto& w_ih = packed_.W_ih_t[static_cast<std::size_t>(l * D + d)];
      w_ih.resize(static_cast<std::size_t>(in) * GH);
      transpose(GH, in, at(layout_.layer(l, d).W_ih), w_ih.data());
      const float* w_hh = at(layout_.layer(l, d).W_hh);
      pack_matrix(H, GH, w_hh, H, true, packed_.W_hh_t[static_cast<std::size_t>(l * D + d)]);
      pack_matrix(GH, H, w_hh, H, false, packed_.W_hh[static_cast<std::size_t>(l * D + d)]);
    }
  packed_.decoder_t.resize(static_cast<std::size_t>(DH) * C);
  transpose(C, DH, at(layout_.decoder_weight()), packed_.decoder_t.data());
  packed_stale_ = false;
  return packed_;
}

}  // namespace charrnn
