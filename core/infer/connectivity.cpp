#include "infer/connectivity.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "nn/network.hpp"
#include "util/error.hpp"

namespace charrnn {

namespace {

// The model's most likely next character after x_0..x_t (a forward without targets leaves the logits).
std::int32_t most_likely(const Model& model, const std::vector<std::int32_t>& prefix) {
  const int T = static_cast<int>(prefix.size()), C = model.shape().classes();
  Network net(model.shape(), T, 1);
  RecurrentState state;
  state.reset(model.shape(), 1);
  net.forward(model, T, prefix.data(), nullptr, state);
  const float* last = net.outputs().data() + static_cast<std::size_t>(T - 1) * C;
  return static_cast<std::int32_t>(std::max_element(last, last + C) - last);
}

}  // namespace

Connectivity connectivity(const Model& model, const std::vector<std::int32_t>& ids, int position) {
  const ModelShape& shape = model.shape();
  // A tagger's decision may read the text both ways and a classifier decides once per line: "earlier"
  // would not mean what the view says, so they are refused rather than half-defined.
  require(shape.task == TaskKind::lm, std::string("the dependence on earlier characters needs a language model (task lm); "
                                                  "this model's task is ") + task_name(shape.task));
  const int n = static_cast<int>(ids.size());
  require(n >= 1, "the text to trace is empty");
  require(n <= kMaxConnectivitySteps, "the text to trace has " + std::to_string(n) + " characters; at most " +
                                          std::to_string(kMaxConnectivitySteps) + " can be traced at once");
  require(position >= 0 && position < n, "position " + std::to_string(position) + " is outside the text (" +
                                             std::to_string(n) + " characters)");
  for (std::int32_t id : ids) require(id >= 0 && id < shape.vocab_size, "character index outside the vocabulary");

  // Only x_0..x_t can reach the prediction at t: the window ends there, scored at its last step alone.
  const int T = position + 1;
  const std::vector<std::int32_t> prefix(ids.begin(), ids.begin() + T);
  Connectivity out;
  out.position = position;
  out.target_is_next = position + 1 < n;
  out.target = out.target_is_next ? ids[static_cast<std::size_t>(position) + 1] : most_likely(model, prefix);
  std::vector<std::int32_t> targets(static_cast<std::size_t>(T), -1);
  targets.back() = out.target;

  Network net(shape, T, 1);
  RecurrentState state;
  state.reset(shape, 1);
  // The mean over one scored row is that row's cross-entropy: -log p(target). Its gradient is the
  // log-probability's with the sign flipped, which a norm does not see.
  const double loss = net.forward(model, T, prefix.data(), targets.data(), state);
  out.probability = static_cast<float>(std::exp(-loss));
  std::vector<float> unused(model.parameters().size(), 0.f);
  net.backward(model, unused);
  // After backward, layer 0's gates buffer holds ∂L/∂(W_ih x_s + b_ih) per step (nn/cells/cell.hpp).
  const LayerCache& first = net.layer(0, 0);
  const std::size_t GH = static_cast<std::size_t>(shape.gates()) * shape.hidden_size;
  out.norms.resize(static_cast<std::size_t>(T));
  for (int s = 0; s < T; ++s) out.norms[static_cast<std::size_t>(s)] = l2_norm(first.gates.data() + s * GH, GH);
  return out;
}

}  // namespace charrnn
