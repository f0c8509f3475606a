#include "infer/inspect.hpp"

#include <algorithm>
#include <numeric>

#include "nn/network.hpp"
#include "nn/softmax.hpp"
#include "util/error.hpp"

namespace charrnn {

std::vector<std::string> trace_names(CellKind cell) {
  switch (cell) {
    case CellKind::rnn: return {"h"};
    case CellKind::lstm: return {"i", "f", "g", "o", "c", "h"};
    case CellKind::gru: return {"r", "z", "n", "h"};
  }
  return {};
}

Inspection inspect(const Model& model, const std::vector<std::int32_t>& ids, int top_k) {
  const int T = static_cast<int>(ids.size());
  require(T >= 1, "the text to inspect is empty");
  require(T <= kMaxInspectSteps, "the text to inspect has " + std::to_string(T) + " characters; at most " +
                                     std::to_string(kMaxInspectSteps) + " can be inspected at once");
  const ModelShape& shape = model.shape();
  const int H = shape.hidden_size, G = shape.gates(), V = shape.vocab_size;
  const int K = std::max(1, std::min(top_k, V));
  for (std::int32_t id : ids) require(id >= 0 && id < V, "character index outside the vocabulary");

  Network network(shape, T, 1);
  RecurrentState state;
  state.reset(shape, 1);
  network.forward(model, T, ids.data(), nullptr, state);

  Inspection out;
  out.steps = T, out.hidden = H, out.top_k = K;
  const std::size_t TH = static_cast<std::size_t>(T) * H;
  for (int l = 0; l < shape.num_layers; ++l) {
    const LayerCache& cache = network.layer(l);
    LayerTrace trace;
    trace.names = trace_names(shape.cell);
    if (shape.cell != CellKind::rnn) {
      for (int g = 0; g < G; ++g) {  // gate block g of the (T, G*H) activations
        std::vector<float> v(TH);
        for (int t = 0; t < T; ++t)
          std::copy_n(cache.gates.begin() + (static_cast<std::size_t>(t) * G + g) * H, H, v.begin() + static_cast<std::size_t>(t) * H);
        trace.values.push_back(std::move(v));
      }
    }
    if (shape.cell == CellKind::lstm) trace.values.emplace_back(cache.c_at(1), cache.c_at(1) + TH);
    trace.values.emplace_back(cache.h_at(1), cache.h_at(1) + TH);
    out.layers.push_back(std::move(trace));
  }

  std::vector<float> probs = network.outputs();
  softmax_rows(probs.data(), T, V);
  out.top_ids.resize(static_cast<std::size_t>(T) * K);
  out.top_probs.resize(out.top_ids.size());
  std::vector<int> order(V);
  for (int t = 0; t < T; ++t) {
    const float* p = probs.data() + static_cast<std::size_t>(t) * V;
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + K, order.end(),
                      [&](int a, int b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
    for (int k = 0; k < K; ++k) {
      out.top_ids[static_cast<std::size_t>(t) * K + k] = order[k];
      out.top_probs[static_cast<std::size_t>(t) * K + k] = p[order[k]];
    }
  }
  return out;
}

}  // namespace charrnn
