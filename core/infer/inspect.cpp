#include "infer/inspect.hpp"

#include <algorithm>
#include <numeric>

#include "nn/network.hpp"
#include "nn/softmax.hpp"
#include "text/vocab.hpp"
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

std::vector<std::string> pre_activation_names(CellKind cell) {
  switch (cell) {
    case CellKind::rnn: return {"h"};
    case CellKind::lstm: return {"i", "f", "g", "o"};
    case CellKind::gru: return {"r", "z", "n"};
  }
  return {};
}

namespace {

// Gate block g of a (T, G*H) cache buffer as (T, H) in text order; the backward direction's step t is
// the text's character T - 1 - t.
std::vector<float> gate_in_text_order(const float* buffer, int T, int G, int H, int g, bool backward) {
  std::vector<float> v(static_cast<std::size_t>(T) * H);
  for (int t = 0; t < T; ++t) {
    const int at = backward ? T - 1 - t : t;
    std::copy_n(buffer + (static_cast<std::size_t>(t) * G + g) * H, H, v.begin() + static_cast<std::ptrdiff_t>(at) * H);
  }
  return v;
}

}  // namespace

Inspection inspect(const Model& model, const std::vector<std::int32_t>& ids, int top_k) {
  const int T = static_cast<int>(ids.size());
  require(T >= 1, "the text to inspect is empty");
  require(T <= kMaxInspectSteps, "the text to inspect has " + std::to_string(T) + " characters; at most " +
                                     std::to_string(kMaxInspectSteps) + " can be inspected at once");
  const ModelShape& shape = model.shape();
  const int H = shape.hidden_size, G = shape.gates(), C = shape.classes(), D = shape.directions();
  const bool every_step = shape.task != TaskKind::classify;
  const int K = every_step ? std::max(1, std::min(top_k, C)) : 0;
  for (std::int32_t id : ids) require(id >= kUnknown && id < shape.vocab_size, "character index outside the vocabulary");

  Network network(shape, T, 1);
  network.keep_pre_activations(true);
  RecurrentState state;
  state.reset(shape, 1);
  network.forward(model, T, ids.data(), nullptr, state);

  Inspection out;
  out.steps = T, out.hidden = H, out.top_k = K, out.directions = D;
  for (int l = 0; l < shape.num_layers; ++l)
    for (int d = 0; d < D; ++d) {
      const LayerCache& cache = network.layer(l, d);
      LayerTrace trace;
      trace.layer = l, trace.direction = d;
      trace.names = trace_names(shape.cell);
      if (shape.cell != CellKind::rnn)
        for (int g = 0; g < G; ++g) trace.values.push_back(gate_in_text_order(cache.gates.data(), T, G, H, g, d == 1));
      if (shape.cell == CellKind::lstm) trace.values.push_back(gate_in_text_order(cache.c_at(1), T, 1, H, 0, d == 1));
      trace.values.push_back(gate_in_text_order(cache.h_at(1), T, 1, H, 0, d == 1));
      trace.pre_names = pre_activation_names(shape.cell);
      for (int g = 0; g < G; ++g) trace.pre_values.push_back(gate_in_text_order(cache.pre.data(), T, G, H, g, d == 1));
      out.layers.push_back(std::move(trace));
    }
  if (!every_step) return out;

  std::vector<float> probs = network.outputs();
  softmax_rows(probs.data(), T, C);
  out.top_ids.resize(static_cast<std::size_t>(T) * K);
  out.top_probs.resize(out.top_ids.size());
  std::vector<int> order(C);
  for (int t = 0; t < T; ++t) {
    const float* p = probs.data() + static_cast<std::size_t>(t) * C;
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
