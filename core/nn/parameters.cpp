#include "nn/parameters.hpp"

namespace charrnn {

ParameterLayout::ParameterLayout(const ModelShape& shape) : shape_(shape) {
  const int GH = shape.gates() * shape.hidden_size;
  for (int l = 0; l < shape.num_layers; ++l)
    for (int d = 0; d < shape.directions(); ++d) {
      const std::string k = std::to_string(l) + (d == 1 ? "_reverse" : "");
      LayerOffsets o{};
      o.W_ih = add("rnn.weight_ih_l" + k, {GH, input_size(l)});
      o.W_hh = add("rnn.weight_hh_l" + k, {GH, shape.hidden_size});
      o.b_ih = add("rnn.bias_ih_l" + k, {GH});
      o.b_hh = add("rnn.bias_hh_l" + k, {GH});
      layers_.push_back(o);
    }
  decoder_weight_ = add("decoder.weight", {shape.classes(), shape.output_width()});
  decoder_bias_ = add("decoder.bias", {shape.classes()});
}

std::size_t ParameterLayout::add(std::string name, std::vector<int> dims) {
  TensorInfo t;
  t.name = std::move(name);
  t.size = 1;
  for (int d : dims) t.size *= static_cast<std::size_t>(d);
  t.shape = std::move(dims);
  t.offset = total_;
  total_ += t.size;
  tensors_.push_back(std::move(t));
  return tensors_.back().offset;
}

}  // namespace charrnn
