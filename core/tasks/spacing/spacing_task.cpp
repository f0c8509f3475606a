#include "tasks/spacing/spacing_task.hpp"

#include <algorithm>
#include <cmath>

#include "tasks/lm/lm_task.hpp"
#include "tasks/spacing/spaced_text.hpp"
#include "tasks/spacing/spacing_scores.hpp"
#include "text/corpus.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

// B streams (contiguous segments), windows of T starting every T - 1 characters; each window is
// independent (zero state), its last character unscored (the next window scores it).
class WindowBatches final : public BatchSource {
 public:
  WindowBatches(const std::vector<std::int32_t>& ids, const std::vector<std::int8_t>& labels, int T, int B)
      : ids_(ids), labels_(labels), T_(T), B_(B), segment_(static_cast<long long>(ids.size()) / B) {}
  bool next(Batch& batch) override {
    bool new_epoch = position_ == 0;
    if (position_ + T_ > segment_) {
      position_ = 0;
      ++epoch_;
      new_epoch = true;
    }
    if (batch.layout.steps() != T_ || batch.layout.batch() != B_ || !batch.layout.is_uniform())
      batch.layout = SequenceLayout::uniform(T_, B_);
    batch.inputs.resize(static_cast<std::size_t>(T_) * B_);
    batch.targets.resize(batch.inputs.size());
    for (int t = 0; t < T_; ++t)
      for (int b = 0; b < B_; ++b) {
        const std::size_t at = static_cast<std::size_t>(b * segment_ + position_ + t), row = static_cast<std::size_t>(t) * B_ + b;
        batch.inputs[row] = ids_[at];
        batch.targets[row] = t == T_ - 1 ? -1 : labels_[at];
      }
    position_ += T_ - 1;
    return new_epoch;
  }
  bool carries_state() const override { return false; }
  int max_steps() const override { return T_; }
  int max_batch() const override { return B_; }
  long long position() const override { return position_; }
  long long epoch() const override { return epoch_; }
  void restore(long long position, long long epoch) override {
    require(position >= 0 && epoch >= 0 && position <= segment_, "the saved position in the text does not fit this text");
    position_ = position, epoch_ = epoch;
  }

 private:
  const std::vector<std::int32_t>& ids_;
  const std::vector<std::int8_t>& labels_;
  int T_, B_;
  long long segment_, position_ = 0, epoch_ = 0;
};

}  // namespace

SpacingTask::SpacingTask(std::string_view utf8, float val_frac, const Vocab* vocab, Unknowns unknowns) : Task(TaskKind::spacing) {
  require(std::isfinite(val_frac) && val_frac >= 0.f && val_frac <= 0.5f, "settings.between", {{"setting", "valFrac"}, {"min", "0"}, {"max", "0.5"}},
          "the validation fraction must be between 0 and 0.5");
  SpacedText spaced;
  {
    const std::u32string text = decode_utf8(utf8);
    require(!text.empty(), "the text is empty");
    characters_ = static_cast<long long>(text.size());
    fingerprint_ = text_fingerprint(text);
    spaced = remove_spaces(text);
  }
  require(spaced.characters.find_first_not_of(U'\n') != std::u32string::npos, "the text has nothing but spaces and line breaks");
  vocab_ = vocab ? *vocab : Vocab::of_text(spaced.characters);
  std::vector<std::int32_t> ids = vocab_.encode(spaced.characters, unknowns, &unknown_);
  std::size_t val = static_cast<std::size_t>(std::floor(static_cast<double>(ids.size()) * val_frac));
  if (val < 2) val = 0;
  const auto split = static_cast<std::ptrdiff_t>(ids.size() - val);
  validation_.assign(ids.begin() + split, ids.end());
  validation_labels_.assign(spaced.labels.begin() + split, spaced.labels.end());
  ids.resize(static_cast<std::size_t>(split));
  train_ = std::move(ids);
  spaced.labels.resize(static_cast<std::size_t>(split));
  train_labels_ = std::move(spaced.labels);
}

TaskTextSummary SpacingTask::summary() const {
  TaskTextSummary s;
  s.characters = characters_;
  s.train_characters = static_cast<long long>(train_.size());
  s.validation_characters = static_cast<long long>(validation_.size());
  s.train_examples = std::count_if(train_labels_.begin(), train_labels_.end(), [](std::int8_t y) { return y >= 0; });
  s.validation_examples = std::count_if(validation_labels_.begin(), validation_labels_.end(), [](std::int8_t y) { return y >= 0; });
  s.vocab_size = vocab_.size();
  return s;
}

std::unique_ptr<BatchSource> SpacingTask::batches(int seq_len, int batch, std::uint64_t) const {
  require_distinct_characters(vocab_);
  require(seq_len >= 2, "spacing needs a sequence length of at least 2: a window scores the gaps between its characters");
  if (std::count(train_labels_.begin(), train_labels_.end(), kSpace) == 0)
    throw Error("spacing.noSpaces", {},
                "the text has no spaces between words to learn from: spacing restoration needs a text written with "
                "spaces (Korean, English, …)");
  const long long need = static_cast<long long>(seq_len) * batch, have = static_cast<long long>(train_.size());
  if (have < need)
    throw Error("spacing.tooShort",
                {{"have", std::to_string(have)}, {"batch", std::to_string(batch)}, {"seqLen", std::to_string(seq_len)}, {"need", std::to_string(need)}},
                "the text is too short to train on: " + std::to_string(have) +
                    " training characters without spaces, but batch " + std::to_string(batch) +
                    " × sequence length " + std::to_string(seq_len) + " needs " + std::to_string(need) +
                    "; use a longer text or lower the sequence length or batch size");
  return std::make_unique<WindowBatches>(train_, train_labels_, seq_len, batch);
}

TaskMetrics SpacingTask::evaluate(const Model& model, long long max_units, int window, bool whole) const {
  TaskMetrics m;
  m.task = TaskKind::spacing;
  m.classes = 2;
  const bool use_train = whole && validation_.empty();
  const auto& ids = use_train ? train_ : validation_;
  const auto& labels = use_train ? train_labels_ : validation_labels_;
  const std::size_t n = static_cast<std::size_t>(std::min<long long>(max_units, static_cast<long long>(ids.size())));
  if (n == 0) return m;
  const SpacingScores s = score_spacing(model, {ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n)},
                                        {labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(n)}, window);
  m.tally = s.tally;
  m.loss = s.tally.scored ? s.loss_sum / static_cast<double>(s.tally.scored) : 0.0;
  return m;
}

Batch SpacingTask::first_example(int max_steps) const {
  require(train_.size() >= 2, "there is no text to check the gradient on");
  const int T = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(std::max(2, max_steps)), train_.size()));
  Batch b;
  b.layout = SequenceLayout::uniform(T, 1);
  b.inputs.assign(train_.begin(), train_.begin() + T);
  b.targets.assign(train_labels_.begin(), train_labels_.begin() + T);
  b.targets.back() = -1;  // as in training: the next window decides the last gap
  return b;
}


}  // namespace charrnn
