#include "tasks/spacing/spacing_breakdown.hpp"

#include <cmath>

#include "tasks/spacing/spacing_scores.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

float logistic(float x) { return 1.f / (1.f + std::exp(-x)); }

}  // namespace

SpacingBreakdown spacing_breakdown(const Model& model, const Vocab& vocab, std::string_view utf8_text, int window) {
  SpacedText spaced = remove_spaces(decode_utf8(utf8_text));
  require(!spaced.characters.empty(), "the text to break down is empty");
  require(spaced.characters.size() <= static_cast<std::size_t>(kMaxBreakdownCharacters),
          "the text to break down has " + std::to_string(spaced.characters.size()) + " characters without spaces; at most " +
              std::to_string(kMaxBreakdownCharacters) + " at once");
  const SpacingScores s = score_spacing(model, vocab.encode(spaced.characters, Unknowns::zero), spaced.labels, window);
  SpacingBreakdown out;
  const std::size_t n = spaced.characters.size();
  std::vector<bool> space_after(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Only real gaps get a space: the end of a line or of the text is not a spacing decision.
    const bool gap = i + 1 < n && spaced.characters[i] != U'\n' && spaced.characters[i + 1] != U'\n';
    space_after[i] = gap && s.probability[i] > 0.5f;
    out.forward_probability.push_back(logistic(s.bias_logit + s.forward_logit[i]));
    if (!s.backward_logit.empty()) out.backward_probability.push_back(logistic(s.bias_logit + s.backward_logit[i]));
  }
  out.restored = insert_spaces(spaced.characters, space_after);
  out.characters = std::move(spaced.characters);
  out.truth = std::move(spaced.labels);
  out.probability = s.probability;
  return out;
}

}  // namespace charrnn
