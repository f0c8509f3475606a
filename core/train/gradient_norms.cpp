#include "train/gradient_norms.hpp"

#include "util/error.hpp"

namespace charrnn {

GradientNorms gradient_norms(const Model& model, const std::vector<std::int32_t>& inputs,
                                     const std::vector<std::int32_t>& targets, RecurrentState start) {
  const int T = static_cast<int>(inputs.size());
  require(T >= 1 && targets.size() == inputs.size(), "the window to trace is empty");
  require(start.batch == 1, "the traced window is one stream");
  Network net(model.shape(), T, 1);
  net.forward(model, T, inputs.data(), targets.data(), start);
  std::vector<float> unused(model.parameters().size(), 0.f);
  net.backward(model, unused, /*only_last_step=*/true);
  GradientNorms out;
  out.layers = model.shape().num_layers;
  out.steps = T;
  for (int l = 0; l < out.layers; ++l) {
    const CellGradients& g = net.layer_gradients(l);
    out.hidden.insert(out.hidden.end(), g.dh_norm.begin(), g.dh_norm.end());
    out.cell.insert(out.cell.end(), g.dc_norm.begin(), g.dc_norm.end());
  }
  return out;
}

}  // namespace charrnn
