// Spacing restoration run over a text, for its held-out score and for the per-character view, in one
// code path. The text (without its spaces) is read in windows of W characters that start every W - 1
// characters, each from a zero state — exactly as training reads it — so every gap is decided once, by
// the window in which its next character is visible (the window's last character is decided by the next
// window). A bidirectional model's space/no-space log-odds split into what each direction adds:
//   logit_space - logit_none = (b_1 - b_0) + (W_1 - W_0)[forward half] · h_fwd + (W_1 - W_0)[backward half] · h_bwd
// n characters, W window, H hidden.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/model.hpp"
#include "tasks/metrics.hpp"

namespace charrnn {

struct SpacingScores {
  std::vector<float> probability;     // (n) P(a space follows), the model's own softmax
  std::vector<float> forward_logit;   // (n) the forward direction's share of the log-odds
  std::vector<float> backward_logit;  // (n) the backward direction's share; empty for a forward-only model
  float bias_logit = 0;               // b_1 - b_0, the same at every position
  double loss_sum = 0;                // Σ cross-entropy over the scored positions, nats
  Tally tally;                        // decisions (P > 0.5) against the labels
};

// ids, labels: (n) the text without spaces and its labels (tasks/spacing/spaced_text.hpp). window ≥ 2.
SpacingScores score_spacing(const Model& model, const std::vector<std::int32_t>& ids,
                            const std::vector<std::int8_t>& labels, int window, int batch = 16);

}  // namespace charrnn
