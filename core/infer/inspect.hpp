// What the model does on a given text, step by step, read from the very forward caches that training's
// backward uses (no second code path recomputes gates for display).
// T steps (characters of the text), H hidden, G gates, K top-k.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/model.hpp"

namespace charrnn {

struct LayerTrace {
  // Per gate name, (T, H) values after the nonlinearity: RNN "h"; LSTM "i","f","g","o","c","h";
  // GRU "r","z","n","h". Cell state c is the raw (unsquashed) LSTM state.
  std::vector<std::string> names;
  std::vector<std::vector<float>> values;
};

struct Inspection {
  int steps = 0, hidden = 0, top_k = 0;
  std::vector<LayerTrace> layers;
  std::vector<std::int32_t> top_ids;  // (T, K) most likely next characters after each step, best first
  std::vector<float> top_probs;       // (T, K) their probabilities
};

// Throws Error for an empty text or more than kMaxInspectSteps characters.
Inspection inspect(const Model& model, const std::vector<std::int32_t>& ids, int top_k);
inline constexpr int kMaxInspectSteps = 4096;

// Names of the traced gates of a cell, in the order inspect() returns them.
std::vector<std::string> trace_names(CellKind cell);

}  // namespace charrnn
