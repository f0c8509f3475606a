#include "infer/evaluate.hpp"

#include <algorithm>
#include <cmath>

#include "nn/network.hpp"
#include "tasks/metrics.hpp"
#include "text/vocab.hpp"
#include "util/error.hpp"

namespace charrnn {

Evaluation evaluate(const Model& model, const std::vector<std::int32_t>& ids, int streams, int window) {
  require(ids.size() >= 2, "the text must have at least 2 characters to predict one from the other");
  const long long predictions_total = static_cast<long long>(ids.size()) - 1;
  const int B = static_cast<int>(std::max<long long>(1, std::min<long long>(streams, predictions_total)));
  const long long segment = predictions_total / B;  // predictions per stream; the remainder goes to the last
  const long long last_segment = predictions_total - segment * (B - 1);
  Network network(model.shape(), window, B);
  RecurrentState state;
  state.reset(model.shape(), B);
  std::vector<std::int32_t> inputs(static_cast<std::size_t>(window) * B), targets(inputs.size());
  Evaluation result;
  double loss_sum = 0;
  for (long long pos = 0; pos < last_segment; pos += window) {
    const int T = static_cast<int>(std::min<long long>(window, last_segment - pos));
    // A stream that ran out (all but the last may be shorter) repeats its last pair, not counted below.
    for (int b = 0; b < B; ++b) {
      const long long len = b == B - 1 ? last_segment : segment;
      for (int t = 0; t < T; ++t) {
        const long long at = b * segment + std::min(pos + t, len - 1);
        inputs[static_cast<std::size_t>(t) * B + b] = ids[at];
        targets[static_cast<std::size_t>(t) * B + b] = ids[at + 1];
      }
    }
    network.forward(model, T, inputs.data(), nullptr, state);
    const std::vector<float>& logits = network.outputs();
    const int V = model.shape().vocab_size;
    for (int t = 0; t < T; ++t)
      for (int b = 0; b < B; ++b) {
        const long long len = b == B - 1 ? last_segment : segment;
        const std::int32_t target = targets[static_cast<std::size_t>(t) * B + b];
        if (pos + t >= len || target == kUnknown) continue;  // an unknown character is never a scored target
        const float* row = logits.data() + (static_cast<std::size_t>(t) * B + b) * V;
        float m = row[0];
        for (int j = 1; j < V; ++j) m = std::max(m, row[j]);
        double s = 0;
        for (int j = 0; j < V; ++j) s += std::exp(static_cast<double>(row[j]) - m);
        loss_sum += std::log(s) - (row[target] - m);
        ++result.predictions;
        result.correct += decision(row, V) == target;
      }
  }
  result.loss = result.predictions ? loss_sum / static_cast<double>(result.predictions) : 0.0;
  result.bits_per_char = result.loss / std::log(2.0);
  return result;
}

}  // namespace charrnn
