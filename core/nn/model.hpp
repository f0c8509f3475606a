// The model's parameters (one flat buffer, PyTorch layout) and the transposed and packed copies of its
// weight matrices that the kernels read. The copies are derived state: any write through
// mutable_parameters() marks them stale, and packed() rebuilds them on the next read.
#pragma once

#include <vector>

#include "kernels/gemm.hpp"
#include "nn/config.hpp"
#include "nn/parameters.hpp"
#include "util/rng.hpp"

namespace charrnn {

// G gates, H hidden, D directions, C head outputs, In input size of a layer.
struct PackedWeights {
  std::vector<std::vector<float>> W_ih_t;  // per layer and direction (l·D + d): (In, G*H)
  // The recurrent weights as every time step's product reads them, packed once per weight change:
  std::vector<PackedMatrix> W_hh_t;        // per layer and direction: W_hhᵀ (H, G*H), for the forward pass
  std::vector<PackedMatrix> W_hh;          // per layer and direction: W_hh (G*H, H), for backpropagation
  std::vector<float> decoder_t;            // (D·H, C)
};

class Model {
 public:
  explicit Model(const ModelShape& shape);  // validates the shape; parameters start at zero

  const ModelShape& shape() const { return layout_.shape(); }
  const ParameterLayout& layout() const { return layout_; }
  const std::vector<float>& parameters() const { return params_; }
  std::vector<float>& mutable_parameters() {
    packed_stale_ = true;
    return params_;
  }
  const float* at(std::size_t offset) const { return params_.data() + offset; }

  // PyTorch's default: every recurrent weight and bias uniform(-1/√H, 1/√H); nn.Linear(D·H, C) gives the
  // decoder uniform(-1/√(D·H), 1/√(D·H)). forget_bias_one sets the LSTM forget gate's total bias to 1
  // (b_ih = 1, b_hh = 0) in every direction.
  void initialize(Rng& rng, bool forget_bias_one = false);

  const PackedWeights& packed() const;

 private:
  ParameterLayout layout_;
  std::vector<float> params_;
  mutable PackedWeights packed_;
  mutable bool packed_stale_ = true;
};

}  // namespace charrnn
