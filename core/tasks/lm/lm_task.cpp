#include "tasks/lm/lm_task.hpp"

#include <algorithm>

#include "infer/evaluate.hpp"
#include "train/batcher.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

// B streams walked in windows of T, state carried from window to window (train/batcher.hpp).
class StreamBatches final : public BatchSource {
 public:
  StreamBatches(const std::vector<std::int32_t>& ids, int T, int B) : batcher_(ids, T, B), T_(T), B_(B) {}
  bool next(Batch& batch) override {
    if (batch.layout.steps() != T_ || batch.layout.batch() != B_ || !batch.layout.is_uniform())
      batch.layout = SequenceLayout::uniform(T_, B_);
    return batcher_.next(batch.inputs, batch.targets);
  }
  bool carries_state() const override { return true; }
  int max_steps() const override { return T_; }
  int max_batch() const override { return B_; }
  long long position() const override { return batcher_.position(); }
  long long epoch() const override { return batcher_.epoch(); }
  void restore(long long position, long long epoch) override {
    require(position >= 0 && epoch >= 0 && position <= batcher_.segment_length(),
            "the saved position in the text does not fit this text");
    batcher_.set_position(position);
    batcher_.set_epoch(epoch);
  }

 private:
  TruncatedBpttBatcher batcher_;
  int T_, B_;
};

}  // namespace

std::unique_ptr<BatchSource> make_stream_batches(const std::vector<std::int32_t>& ids, int T, int B) {
  return std::make_unique<StreamBatches>(ids, T, B);
}

LmTask::LmTask(std::string_view utf8, float val_frac, const Vocab* vocab, Unknowns unknowns) : Task(TaskKind::lm) {
  corpus_ = Corpus::from_utf8(utf8, val_frac, vocab, unknowns);
  unknown_ = corpus_.unknown;
  vocab_ = corpus_.vocab;
  fingerprint_ = corpus_.fingerprint;
  characters_ = corpus_.characters;
}

TaskTextSummary LmTask::summary() const {
  TaskTextSummary s;
  s.characters = characters_;
  s.train_characters = static_cast<long long>(corpus_.train.size());
  s.validation_characters = static_cast<long long>(corpus_.validation.size());
  s.train_examples = std::max(0LL, s.train_characters - 1);
  s.validation_examples = std::max(0LL, s.validation_characters - 1);
  s.vocab_size = vocab_.size();
  return s;
}

std::unique_ptr<BatchSource> LmTask::batches(int seq_len, int batch, std::uint64_t) const {
  require_distinct_characters(vocab_);
  const long long need = TruncatedBpttBatcher::min_length(seq_len, batch);
  const long long have = static_cast<long long>(corpus_.train.size());
  if (have >= need) return std::make_unique<StreamBatches>(corpus_.train, seq_len, batch);
  throw Error("text.tooShort",
              {{"have", std::to_string(have)}, {"held", std::to_string(corpus_.validation.size())},
               {"batch", std::to_string(batch)}, {"seqLen", std::to_string(seq_len)}, {"need", std::to_string(need)}},
              "the text is too short to train on: " + std::to_string(have) + " training characters" +
                            (corpus_.validation.empty() ? std::string()
                                                        : " (after holding out " + std::to_string(corpus_.validation.size()) +
                                                              " for validation)") +
                            ", but batch " + std::to_string(batch) + " × (sequence length " + std::to_string(seq_len) +
                            " + 1) needs " + std::to_string(need) +
                            "; use a longer text or lower the sequence length or batch size");
}

Batch LmTask::first_example(int max_steps) const {
  require(corpus_.train.size() >= 2, "session.noTextToCheck", {}, "there is no text to check the gradient on");
  const int T = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(max_steps), corpus_.train.size() - 1));
  Batch b;
  b.layout = SequenceLayout::uniform(T, 1);
  b.inputs.assign(corpus_.train.begin(), corpus_.train.begin() + T);
  b.targets.assign(corpus_.train.begin() + 1, corpus_.train.begin() + T + 1);
  return b;
}

TaskMetrics LmTask::evaluate(const Model& model, long long max_units, int, bool whole) const {
  TaskMetrics m;
  m.task = TaskKind::lm;
  m.classes = model.shape().classes();
  const bool use_train = whole && corpus_.validation.empty();
  const std::vector<std::int32_t>& ids = use_train ? corpus_.train : corpus_.validation;
  if (ids.size() < 2) return m;
  const std::size_t n = static_cast<std::size_t>(std::max(2LL, std::min<long long>(max_units, static_cast<long long>(ids.size()))));
  const std::vector<std::int32_t> head(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
  // charrnn eval: the exact definition, one stream from a zero state; validation: 16 streams, faster.
  const Evaluation e = charrnn::evaluate(model, head, whole ? 1 : 16);
  m.loss = e.loss;
  m.tally.scored = e.predictions;
  m.tally.correct = e.correct;
  return m;
}

}  // namespace charrnn
