// The connectivity view: how much the language model's prediction at one position of a text depends
// on each character it has read. For position t, the traced output is the log-probability of the
// character that actually follows t in the text (at the text's last character, where nothing follows,
// the character the model rates most likely). For every s ≤ t the value is
//     ‖∂ log p(target | x_0..x_t) / ∂ a_s‖₂,   a_s = W_ih[:, x_s] (layer 0's input-weight column that
// the one-hot x_s selects, as if each position had a copy of its own; all G·H gate rows),
// which is the backward pass's ∂/∂(W_ih x_s + b_ih) at step s: the very gradient training adds to that
// column. It is computed by training's backward (nn/network.cpp, the cells' BPTT) from a zero state over
// x_0..x_t, with only position t scored. A vanilla RNN's values fall off a few characters back; an
// LSTM's and a GRU's can stay large much further.
// A character model's later characters cannot change an earlier prediction, so only s ≤ t is returned.
// Tagging models (spacing, classify) read both ways or decide once per line: they are refused.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/model.hpp"

namespace charrnn {

struct Connectivity {
  int position = 0;           // t
  std::int32_t target = 0;    // the character whose log-probability is traced
  bool target_is_next = true; // true: the text's next character; false: the model's most likely (last position)
  float probability = 0;      // the model's probability of target after reading x_0..x_t
  std::vector<float> norms;   // (t + 1) the dependence on each position s = 0..t
};

// Throws Error for a model of another task, an empty or overlong text, a position outside it, or an
// index outside the vocabulary.
Connectivity connectivity(const Model& model, const std::vector<std::int32_t>& ids, int position);
inline constexpr int kMaxConnectivitySteps = 4096;

}  // namespace charrnn
