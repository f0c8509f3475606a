// Loss of a model on a text. B streams, T window.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/model.hpp"

namespace charrnn {

struct Evaluation {
  double loss = 0;               // mean cross-entropy, nats per character (0 with nothing predicted)
  double bits_per_char = 0;      // loss / ln 2
  long long predictions = 0;     // characters predicted (a kUnknown target is not: text/vocab.hpp)
  long long correct = 0;         // predictions whose most probable character was the next one
};

// Predicts every character after the first, in order, from a zero state (`charrnn eval`). With
// streams > 1 the text is cut into that many contiguous pieces evaluated side by side, each from a
// zero state: much faster, and what the validation curve uses; streams = 1 is the exact definition.
// ids may hold kUnknown: read as an all-zero input, left out as a target (text/vocab.hpp).
// Throws Error when the text has fewer than 2 characters.
Evaluation evaluate(const Model& model, const std::vector<std::int32_t>& ids, int streams = 1, int window = 128);

}  // namespace charrnn
