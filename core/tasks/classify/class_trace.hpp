// The many-to-one lesson: how the decision forms as the network reads a line. After character t, the
// classifier's probabilities had the line ended there.
//   forward only:  one pass; the head reads the running state h_t — at the last character, the very
//                  classification of the line.
//   bidirectional: the head also reads the backward direction's state at the first character, which has
//                  read the whole line from its end, so no running state gives the answer. Each prefix
//                  is run as a line of its own (as one packed batch per 32 prefixes): exact, but it costs
//                  T²/2 characters, so lines of up to kMaxBidirectionalTrace characters are traced.
// T characters, C labels.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/model.hpp"

namespace charrnn {

inline constexpr int kMaxBidirectionalTrace = 256;

struct ClassTrace {
  int steps = 0, classes = 0;
  std::vector<float> probabilities;  // (T, C)
};

// ids: one line, at most kMaxInspectSteps characters (kMaxBidirectionalTrace for a bidirectional model).
ClassTrace class_trace(const Model& model, const std::vector<std::int32_t>& ids);

}  // namespace charrnn
