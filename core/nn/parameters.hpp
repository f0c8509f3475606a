// Where each tensor lives in the one flat parameter buffer. Values, gradients and every optimizer
// moment use this same layout, so optimizers and clipping are single flat loops.
// Names, shapes and order are those of PyTorch's state_dict for
//   rnn = nn.RNN | nn.LSTM | nn.GRU(input_size=V, hidden_size=H, num_layers=L, bidirectional=D == 2)
//   decoder = nn.Linear(D·H, C)
// per layer k: weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}, then the same four with the
// suffix _reverse for the backward direction (PyTorch's order).
// G gates, H hidden, V vocab, L layers, D directions, C head outputs; In = V for layer 0, D·H above it.
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
  // Direction d: 0 reads the sequence forward, 1 (bidirectional only) backward.
  const LayerOffsets& layer(int l, int d = 0) const { return layers_[static_cast<std::size_t>(l * shape_.directions() + d)]; }
  std::size_t decoder_weight() const { return decoder_weight_; }  // (C, D·H)
  std::size_t decoder_bias() const { return decoder_bias_; }      // (C)
  int input_size(int l) const { return l == 0 ? shape_.vocab_size : shape_.output_width(); }
  const ModelShape& shape() const { return shape_; }

 private:
  std::size_t add(std::string name, std::vector<int> dims);

  ModelShape shape_;
  std::vector<TensorInfo> tensors_;
  std::vector<LayerOffsets> layers_;  // (L·D), layer-major as PyTorch's h_0
  std::size_t decoder_weight_ = 0, decoder_bias_ = 0, total_ = 0;
};

}  // namespace charrnn
