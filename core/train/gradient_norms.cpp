#include "train/gradient_norms.hpp"

#include <algorithm>

#include "util/error.hpp"

namespace charrnn {

GradientNorms gradient_norms(const Model& model, const std::vector<std::int32_t>& inputs,
                             const std::vector<std::int32_t>& targets, RecurrentState start) {
  const ModelShape& shape = model.shape();
  const int T = static_cast<int>(inputs.size());
  const bool per_sequence = shape.task == TaskKind::classify;
  require(T >= 1 && targets.size() == (per_sequence ? 1u : inputs.size()), "the window to trace is empty");
  require(start.batch == 1, "the traced window is one stream");
  // Every other prediction unscored: the loss is that one prediction's.
  std::vector<std::int32_t> one = targets;
  if (!per_sequence) {
    const auto last = std::find_if(one.rbegin(), one.rend(), [](std::int32_t y) { return y >= 0; });
    require(last != one.rend(), "the window to trace has no scored prediction");
    std::fill(one.begin(), one.end(), -1);
    *last = targets[static_cast<std::size_t>(one.rend() - last - 1)];
  }
  Network net(shape, T, 1);
  net.forward(model, SequenceLayout::uniform(T, 1), inputs.data(), one.data(), &start);
  std::vector<float> unused(model.parameters().size(), 0.f);
  net.backward(model, unused);
  GradientNorms out;
  out.layers = shape.num_layers, out.directions = shape.directions(), out.steps = T;
  for (int l = 0; l < out.layers; ++l)
    for (int d = 0; d < out.directions; ++d) {
      const CellGradients& g = net.layer_gradients(l, d);
      const auto add = [&](std::vector<float>& to, const std::vector<float>& norms) {
        if (d == 0) to.insert(to.end(), norms.begin(), norms.end());
        else to.insert(to.end(), norms.rbegin(), norms.rend());  // its step t is the text's T - 1 - t
      };
      add(out.hidden, g.dh_norm);
      add(out.cell, g.dc_norm);
    }
  return out;
}

}  // namespace charrnn
