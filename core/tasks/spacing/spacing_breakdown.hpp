// The spacing view of one text: the text without its spaces, where spaces were (the truth) and what the
// model decides, with what each direction of a bidirectional model says on its own — the probability
// from each direction's half of the output layer plus the bias (tasks/spacing/spacing_scores.hpp):
//   P_forward = σ(b_1 - b_0 + forward share),  P_backward = σ(b_1 - b_0 + backward share).
// n characters of the text without its spaces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nn/model.hpp"
#include "tasks/spacing/spaced_text.hpp"
#include "text/vocab.hpp"

namespace charrnn {

struct SpacingBreakdown {
  std::u32string characters;          // (n) as the model reads them
  std::vector<std::int8_t> truth;     // (n) kSpace, kNoSpace or kNotScored, from the spaces of the text given
  std::vector<float> probability;     // (n) P(a space follows)
  std::vector<float> forward_probability, backward_probability;  // (n) each direction alone; backward empty if forward only
  std::u32string restored;            // the characters with a space in every gap where probability > 0.5
};

inline constexpr int kMaxBreakdownCharacters = 4096;

// A character outside the vocabulary is read as an all-zero input (text/vocab.hpp); every gap is still
// scored. Throws Error for a text longer than kMaxBreakdownCharacters.
SpacingBreakdown spacing_breakdown(const Model& model, const Vocab& vocab, std::string_view utf8_text, int window);

}  // namespace charrnn
