#include "tasks/classify/class_trace.hpp"

#include <algorithm>

#include "infer/inspect.hpp"
#include "nn/heads.hpp"
#include "nn/network.hpp"
#include "nn/softmax.hpp"
#include "text/vocab.hpp"
#include "util/error.hpp"

namespace charrnn {

ClassTrace class_trace(const Model& model, const std::vector<std::int32_t>& ids) {
  const ModelShape& shape = model.shape();
  require(shape.task == TaskKind::classify, "this model does not classify lines");
  const int T = static_cast<int>(ids.size()), C = shape.classes();
  require(T >= 1, "the line to trace is empty");
  const int limit = shape.bidirectional ? kMaxBidirectionalTrace : kMaxInspectSteps;
  require(T <= limit, "the line has " + std::to_string(T) + " characters; a " +
                          (shape.bidirectional ? std::string("bidirectional ") : std::string()) +
                          "classifier's decision can be traced over at most " + std::to_string(limit));
  for (std::int32_t id : ids) require(id >= kUnknown && id < shape.vocab_size, "character index outside the vocabulary");
  ClassTrace out;
  out.steps = T, out.classes = C;
  out.probabilities.resize(static_cast<std::size_t>(T) * C);

  if (!shape.bidirectional) {
    // The running state of the top layer after each character, through the head.
    Network net(shape, T, 1);
    net.forward(model, SequenceLayout::uniform(T, 1), ids.data(), nullptr, nullptr);
    decode(model, net.layer(shape.num_layers - 1).output(), T, out.probabilities.data());
    softmax_rows(out.probabilities.data(), T, C);
    return out;
  }
  constexpr int kPrefixes = 32;  // per batch: bounds the memory at 32 lines of T characters
  Network net(shape, T, kPrefixes);
  for (int longest = T; longest >= 1; longest -= kPrefixes) {
    std::vector<int> lengths;  // prefixes of `longest`, `longest` - 1, … characters
    for (int len = longest; len >= 1 && len > longest - kPrefixes; --len) lengths.push_back(len);
    const SequenceLayout layout = SequenceLayout::packed(lengths);
    std::vector<std::int32_t> inputs(static_cast<std::size_t>(layout.rows()));
    for (int t = 0; t < layout.steps(); ++t)
      for (int b = 0; b < layout.rows_at(t); ++b) inputs[layout.row(t, b)] = ids[t];
    net.forward(model, layout, inputs.data(), nullptr, nullptr);
    std::vector<float> probs = net.outputs();  // (prefixes, C) logits
    softmax_rows(probs.data(), layout.batch(), C);
    for (int b = 0; b < layout.batch(); ++b)
      std::copy_n(probs.begin() + static_cast<std::ptrdiff_t>(b) * C, C,
                  out.probabilities.begin() + static_cast<std::ptrdiff_t>(lengths[b] - 1) * C);
  }
  return out;
}

}  // namespace charrnn
