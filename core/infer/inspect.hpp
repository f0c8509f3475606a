// What the model does on a given text, step by step, read from the very forward caches that training's
// backward uses (no second code path recomputes gates for display).
// The activation view's pre-activations come from the same forward: the cells copy each gate's input the
// moment before its nonlinearity (LayerCache::pre).
// T steps (characters of the text), H hidden, G gates, D directions, K top-k.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/model.hpp"

namespace charrnn {

struct LayerTrace {
  int layer = 0, direction = 0;  // direction 1: the backward direction (its values still in text order)
  // Per gate name, (T, H) values after the nonlinearity: RNN "h"; LSTM "i","f","g","o","c","h";
  // GRU "r","z","n","h". Cell state c is the raw (unsquashed) LSTM state.
  std::vector<std::string> names;
  std::vector<std::vector<float>> values;
  // Per gate name, (T, H) the value the nonlinearity was applied to: RNN "h" (W_ih x + b_ih + W_hh h +
  // b_hh, before tanh or relu); LSTM "i","f","g","o"; GRU "r","z","n" (n: W_in x + b_in + r ⊙ (W_hn h + b_hn)).
  std::vector<std::string> pre_names;
  std::vector<std::vector<float>> pre_values;
};

struct Inspection {
  int steps = 0, hidden = 0, top_k = 0, directions = 1;
  std::vector<LayerTrace> layers;     // (L·D), layer-major: layer l's direction d at l·D + d
  std::vector<std::int32_t> top_ids;  // (T, K) the head's most likely outputs after each step, best first:
  std::vector<float> top_probs;       // (T, K) next characters (lm) or space/none (spacing); classify: none
};

// Throws Error for an empty text or more than kMaxInspectSteps characters.
Inspection inspect(const Model& model, const std::vector<std::int32_t>& ids, int top_k);
inline constexpr int kMaxInspectSteps = 4096;

// Names of the traced gates of a cell, in the order inspect() returns them; and of its pre-activations.
std::vector<std::string> trace_names(CellKind cell);
std::vector<std::string> pre_activation_names(CellKind cell);

}  // namespace charrnn
