#include "train/gradient_check.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nn/network.hpp"
#include "util/error.hpp"

namespace charrnn {

std::vector<GradientCheckEntry> gradient_check(const Model& model, const std::vector<std::int32_t>& ids, int steps,
                                               int per_tensor, const std::function<void(std::vector<float>&)>& tamper) {
  require(steps >= 1 && static_cast<long long>(ids.size()) >= steps + 1L, "the text is too short for a gradient check");
  Batch window;
  window.layout = SequenceLayout::uniform(steps, 1);
  window.inputs.assign(ids.begin(), ids.begin() + steps);
  window.targets.assign(ids.begin() + 1, ids.begin() + steps + 1);
  return gradient_check(model, window, per_tensor, tamper);
}

std::vector<GradientCheckEntry> gradient_check(const Model& model, const Batch& batch, int per_tensor,
                                               const std::function<void(std::vector<float>&)>& tamper) {
  require(per_tensor >= 1 && per_tensor <= 16, "entries per tensor must be between 1 and 16");
  require(batch.layout.rows() >= 1, "the batch to check the gradient on is empty");
  Model probe = model;  // perturbed copy: the trained model itself is never touched
  Network net(model.shape(), batch.layout.steps(), batch.layout.batch());
  auto loss_at = [&](const Model& m) {
    return net.forward(m, batch.layout, batch.inputs.data(), batch.targets.data(), nullptr);
  };
  loss_at(probe);
  std::vector<float> grads(probe.parameters().size(), 0.f);
  net.backward(probe, grads);
  if (tamper) tamper(grads);

  std::vector<GradientCheckEntry> out;
  for (const TensorInfo& t : probe.layout().tensors()) {
    std::vector<std::size_t> order(t.size);
    std::iota(order.begin(), order.end(), std::size_t(0));
    const std::size_t k = std::min<std::size_t>(per_tensor, t.size);
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](std::size_t a, std::size_t b) {
      return std::abs(grads[t.offset + a]) > std::abs(grads[t.offset + b]);
    });
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t i = t.offset + order[j];
      const float saved = probe.parameters()[i];
      const float h = 1e-2f * std::max(1.f, std::abs(saved));  // large enough to rise above float rounding
      probe.mutable_parameters()[i] = saved + h;
      const double up = loss_at(probe);
      probe.mutable_parameters()[i] = saved - h;
      const double down = loss_at(probe);
      probe.mutable_parameters()[i] = saved;
      const float numeric = static_cast<float>((up - down) / (2.0 * h));
      const float analytic = grads[i];
      const float scale = std::max({std::abs(analytic), std::abs(numeric), 1e-12f});
      out.push_back({t.name, static_cast<int>(order[j]), analytic, numeric, std::abs(analytic - numeric) / scale});
    }
  }
  return out;
}

}  // namespace charrnn
