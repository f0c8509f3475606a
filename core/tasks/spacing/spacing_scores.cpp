#include "tasks/spacing/spacing_scores.hpp"

#include <algorithm>

#include "nn/network.hpp"
#include "util/error.hpp"

namespace charrnn {

SpacingScores score_spacing(const Model& model, const std::vector<std::int32_t>& ids,
                            const std::vector<std::int8_t>& labels, int window, int batch) {
  require(model.shape().task == TaskKind::spacing, "this model does not restore spacing");
  require(window >= 2, "spacing needs windows of at least 2 characters");
  const long long n = static_cast<long long>(ids.size());
  const int H = model.shape().hidden_size, DH = model.shape().output_width(), D = model.shape().directions();
  SpacingScores out;
  out.probability.assign(static_cast<std::size_t>(n), 0.f);
  out.forward_logit.assign(static_cast<std::size_t>(n), 0.f);
  out.backward_logit.assign(D == 2 ? static_cast<std::size_t>(n) : 0, 0.f);
  const float* W = model.at(model.layout().decoder_weight());  // (2, D·H)
  const float* b = model.at(model.layout().decoder_bias());
  out.bias_logit = b[1] - b[0];
  if (n == 0) return out;

  std::vector<long long> starts;  // a last window of one character would decide nothing
  for (long long s = 0; s == 0 || s + 1 < n; s += window - 1) starts.push_back(s);
  Network net(model.shape(), window, batch);
  for (std::size_t first = 0; first < starts.size(); first += static_cast<std::size_t>(batch)) {
    const std::size_t count = std::min(starts.size() - first, static_cast<std::size_t>(batch));
    std::vector<int> lengths;  // full windows, then at most one shorter one at the text's end: decreasing
    for (std::size_t k = 0; k < count; ++k)
      lengths.push_back(static_cast<int>(std::min<long long>(window, n - starts[first + k])));
    const SequenceLayout layout = SequenceLayout::packed(lengths);
    std::vector<std::int32_t> inputs(static_cast<std::size_t>(layout.rows())), targets(inputs.size());
    for (int k = 0; k < layout.batch(); ++k)
      for (int t = 0; t < lengths[k]; ++t) {
        const long long at = starts[first + k] + t;
        inputs[layout.row(t, k)] = ids[at];
        targets[layout.row(t, k)] = t == lengths[k] - 1 ? -1 : labels[at];  // decided by the next window
      }
    const double mean = net.forward(model, layout, inputs.data(), targets.data(), nullptr);
    const std::vector<float>& probs = net.outputs();  // (N, 2)
    Tally tally;
    tally.add(probs.data(), targets.data(), layout.rows(), 2);
    out.tally.add(tally);
    out.loss_sum += mean * static_cast<double>(tally.scored);
    const float* X = net.head_input();  // (N, D·H) [forward | backward]
    for (int k = 0; k < layout.batch(); ++k)
      for (int t = 0; t < lengths[k]; ++t) {
        const long long at = starts[first + k] + t;
        if (t == lengths[k] - 1 && at != n - 1) continue;  // the next window decides this one
        const int row = layout.row(t, k);
        const float* x = X + static_cast<std::size_t>(row) * DH;
        out.probability[at] = probs[static_cast<std::size_t>(row) * 2 + 1];
        for (int d = 0; d < D; ++d) {
          float share = 0;
          for (int j = d * H; j < (d + 1) * H; ++j) share += (W[DH + j] - W[j]) * x[j];
          (d == 0 ? out.forward_logit : out.backward_logit)[at] = share;
        }
      }
  }
  return out;
}

}  // namespace charrnn
