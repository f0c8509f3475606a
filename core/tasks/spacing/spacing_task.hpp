// Word-spacing restoration (task spacing), many-to-many tagging: the text without its spaces, one label
// per character, "a space followed it" (tasks/spacing/spaced_text.hpp). Training reads B streams in
// windows of T characters that start every T - 1 characters, each window from a zero state in both
// directions (a backward direction cannot carry state from a future it has not read); a window's last
// character is not scored there but by the next window, where its next character is visible. Scores:
// cross-entropy, accuracy, and precision, recall and F1 of the predicted spaces.
#pragma once

#include "tasks/task.hpp"

namespace charrnn {

class SpacingTask final : public Task {
 public:
  SpacingTask(std::string_view utf8, float val_frac, const Vocab* vocab, Unknowns unknowns = Unknowns::zero);
  TaskTextSummary summary() const override;
  std::unique_ptr<BatchSource> batches(int seq_len, int batch, std::uint64_t seed) const override;
  TaskMetrics evaluate(const Model& model, long long max_units, int window, bool whole) const override;
  Batch first_example(int max_steps) const override;

 private:
  std::vector<std::int32_t> train_, validation_;             // the text without spaces, head and tail
  std::vector<std::int8_t> train_labels_, validation_labels_;
};

}  // namespace charrnn
