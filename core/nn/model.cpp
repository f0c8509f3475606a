#include "nn/model.hpp"

#include <cmath>

#include "kernels/gemm.hpp"

namespace charrnn {

Model::Model(const ModelShape& shape) : layout_((shape.validate(), shape)), params_(layout_.total(), 0.f) {}

void Model::initialize(Rng& rng, bool forget_bias_one) {
  auto& p = mutable_parameters();
  const float bound = 1.f / std::sqrt(static_cast<float>(shape().hidden_size));
  for (float& x : p) x = rng.uniform(-bound, bound);
  if (forget_bias_one && shape().cell == CellKind::lstm) {
    const int H = shape().hidden_size;
    for (int l = 0; l < shape().num_layers; ++l) {
      const LayerOffsets& o = layout_.layer(l);
      for (int j = H; j < 2 * H; ++j) {  // block 1 of i,f,g,o
        p[o.b_ih + j] = 1.f;
        p[o.b_hh + j] = 0.f;
      }
    }
  }
}

const PackedWeights& Model::packed() const {
  if (!packed_stale_) return packed_;
  const int H = shape().hidden_size, GH = shape().gates() * H, V = shape().vocab_size;
  const int L = shape().num_layers;
  packed_.W_ih_t.resize(L);
  packed_.W_hh_t.resize(L);
  for (int l = 0; l < L; ++l) {
    const int in = layout_.input_size(l);
    packed_.W_ih_t[l].resize(static_cast<std::size_t>(in) * GH);
    packed_.W_hh_t[l].resize(static_cast<std::size_t>(H) * GH);
    transpose(GH, in, at(layout_.layer(l).W_ih), packed_.W_ih_t[l].data());
    transpose(GH, H, at(layout_.layer(l).W_hh), packed_.W_hh_t[l].data());
  }
  packed_.decoder_t.resize(static_cast<std::size_t>(H) * V);
  transpose(V, H, at(layout_.decoder_weight()), packed_.decoder_t.data());
  packed_stale_ = false;
  return packed_;
}

}  // namespace charrnn
