// Line classification (task classify), many-to-one: each line "label<TAB>text" is one sequence with one
// label (tasks/classify/labelled_lines.hpp). The held-out part is the last lines of every label (so a
// text sorted by label still holds every label out). Training batches are B lines drawn in a shuffled
// order (a new order every epoch, reproducible from the seed), packed by decreasing length — never
// padded (nn/sequence_layout.hpp). The head reads the last states (nn/heads.hpp). Scores:
// cross-entropy, accuracy and the confusion matrix.
// B lines in a batch, C labels.
#pragma once

#include "tasks/task.hpp"

namespace charrnn {

struct EncodedLine {
  int label = 0;
  std::vector<std::int32_t> ids;
  int line_number = 0;
};

// Held-out lines with the model's decisions: the confusion matrix's lines, to read the mistakes.
struct ClassifiedLines {
  int classes = 0;
  std::vector<int> line_numbers, labels, decisions;
  std::vector<std::string> texts;    // UTF-8, without the label (a character outside the vocabulary as U+FFFD)
  std::vector<float> probabilities;  // (lines, C)
};

class ClassifyTask final : public Task {
 public:
  ClassifyTask(std::string_view utf8, float val_frac, const Vocab* vocab, const std::vector<std::string>* labels,
               Unknowns unknowns = Unknowns::zero);
  TaskTextSummary summary() const override;
  std::unique_ptr<BatchSource> batches(int seq_len, int batch, std::uint64_t seed) const override;
  TaskMetrics evaluate(const Model& model, long long max_units, int window, bool whole) const override;
  Batch first_example(int max_steps) const override;

  const std::vector<EncodedLine>& validation_lines() const { return validation_; }
  ClassifiedLines classified_validation(const Model& model, long long max_lines) const;

 private:
  std::vector<EncodedLine> train_, validation_;
  std::vector<int> lines_per_label_;
};

// The classifier's probabilities for each line: (lines, C), in the order given; loss_sum (optional) gets
// the summed cross-entropy against the lines' labels.
std::vector<float> classify_lines(const Model& model, const std::vector<EncodedLine>& lines, double* loss_sum = nullptr,
                                  int batch = 32);

}  // namespace charrnn
