// Where each tensor lives in the one flat parameter buffer. Values, gradients and every optimizer
// moment use this same layout, so optimizers and clipping are single flat loops.
// Names, shapes and order are those of PyTorch's state_dict for
//   rnn = nn.RNN | nn.LSTM | nn.GRU(input_size=V, hidden_size=H, num_layers=L); decoder = nn.Linear(H, V)
// G gates, H hidden, V vocab, L layers; In = V for layer 0, H above it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "nn/config.hpp"

namespace charrnn {

struct TensorInfo {
  std::string name;          // e.g. "rnn.weight_ih_l0"
  std::vector<int> shape;    // e.g. {G*H, V}
  std::size_t offset = 0;    // in floats from the start of the flat buffer
  std::size_t size = 0;      // product of shape
};

struct LayerOffsets {
  std::size_t W_ih, W_hh, b_ih, b_hh;  // (G*H, In), (G*H, H), (G*H), (G*H)
};

class ParameterLayout {
 public:
  explicit ParameterLayout(const ModelShape& shape);

  std::size_t total() const { return total_; }
  const std::vector<TensorInfo>& tensors() const { return tensors_; }
  const LayerOffsets& layer(int l) const { return layers_[static_cast<std::size_t>(l)]; }
  std::size_t decoder_weight() const { return decoder_weight_; }  // (V, H)
  std::size_t decoder_bias() const { return decoder_bias_; }      // (V)
  int input_size(int l) const { return l == 0 ? shape_.vocab_size : shape_.hidden_size; }
  const ModelShape& shape() const { return shape_; }

 private:
  std::size_t add(std::string name, std::vector<int> dims);

  ModelShape shape_;
  std::vector<TensorInfo> tensors_;
  std::vector<LayerOffsets> layers_;
  std::size_t decoder_weight_ = 0, decoder_bias_ = 0, total_ = 0;
};

}  // namespace charrnn
