// The language model (task lm): the text is one stream; the model predicts every next character. Its
// batching is truncated BPTT over B streams (train/batcher.hpp), its score the mean cross-entropy in
// nats, bits per character and next-character accuracy (infer/evaluate.hpp).
#pragma once

#include "tasks/task.hpp"
#include "text/corpus.hpp"

namespace charrnn {

class LmTask final : public Task {
 public:
  LmTask(std::string_view utf8, float val_frac, const Vocab* vocab, Unknowns unknowns = Unknowns::zero);
  TaskTextSummary summary() const override;
  std::unique_ptr<BatchSource> batches(int seq_len, int batch, std::uint64_t seed) const override;
  TaskMetrics evaluate(const Model& model, long long max_units, int window, bool whole) const override;
  Batch first_example(int max_steps) const override;
  const Corpus& corpus() const { return corpus_; }

 private:
  Corpus corpus_;
};

// B streams of truncated BPTT over ids, windows of T (train/batcher.hpp), state carried between windows.
// ids must outlive the source.
std::unique_ptr<BatchSource> make_stream_batches(const std::vector<std::int32_t>& ids, int T, int B);

// Shared by the tasks: a model needs at least 2 different characters.
void require_distinct_characters(const Vocab& vocab);

}  // namespace charrnn
