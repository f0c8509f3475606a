#include "tasks/classify/classify_task.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nn/network.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "text/corpus.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"
#include "util/rng.hpp"

namespace charrnn {
namespace {

// Line order (rows of `lines`) → one packed batch: sorted by decreasing length (ties in given order).
void pack_lines(const std::vector<EncodedLine>& lines, std::vector<std::size_t> order, Batch& batch) {
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lines[a].ids.size() > lines[b].ids.size(); });
  std::vector<int> lengths;
  for (std::size_t i : order) lengths.push_back(static_cast<int>(lines[i].ids.size()));
  batch.layout = SequenceLayout::packed(lengths);
  batch.inputs.resize(static_cast<std::size_t>(batch.layout.rows()));
  batch.targets.resize(order.size());
  for (int b = 0; b < batch.layout.batch(); ++b) {
    const EncodedLine& line = lines[order[static_cast<std::size_t>(b)]];
    for (int t = 0; t < lengths[b]; ++t) batch.inputs[batch.layout.row(t, b)] = line.ids[t];
    batch.targets[b] = line.label;
  }
}

// B lines at a time in a shuffled order; each epoch shuffles anew from (seed, epoch), so a saved
// (position, epoch) continues exactly. Lines left over at an epoch's end wait for the next order.
class LineBatches final : public BatchSource {
 public:
  LineBatches(const std::vector<EncodedLine>& lines, int B, std::uint64_t seed)
      : lines_(lines), B_(std::min<int>(B, static_cast<int>(lines.size()))), seed_(seed) {
    for (const EncodedLine& l : lines) longest_ = std::max(longest_, static_cast<int>(l.ids.size()));
    shuffle();
  }
  bool next(Batch& batch) override {
    bool new_epoch = position_ == 0;
    if (position_ + B_ > static_cast<long long>(lines_.size())) {
      position_ = 0;
      ++epoch_;
      shuffle();
      new_epoch = true;
    }
    pack_lines(lines_, {order_.begin() + position_, order_.begin() + position_ + B_}, batch);
    position_ += B_;
    return new_epoch;
  }
  bool carries_state() const override { return false; }
  int max_steps() const override { return longest_; }
  int max_batch() const override { return B_; }
  long long position() const override { return position_; }
  long long epoch() const override { return epoch_; }
  void restore(long long position, long long epoch) override {
    require(position >= 0 && epoch >= 0 && position <= static_cast<long long>(lines_.size()),
            "the saved position in the text does not fit this text");
    position_ = position, epoch_ = epoch;
    shuffle();
  }

 private:
  void shuffle() {  // Fisher–Yates with the project's own generator: the same order native and in wasm
    order_.resize(lines_.size());
    std::iota(order_.begin(), order_.end(), std::size_t(0));
    Rng rng(seed_ ^ (0x9E3779B97F4A7C15ull * static_cast<std::uint64_t>(epoch_ + 1)));
    for (std::size_t i = order_.size(); i > 1; --i) std::swap(order_[i - 1], order_[rng.next_u32() % i]);
  }

  const std::vector<EncodedLine>& lines_;
  int B_, longest_ = 1;
  std::uint64_t seed_;
  std::vector<std::size_t> order_;
  long long position_ = 0, epoch_ = 0;
};

}  // namespace

ClassifyTask::ClassifyTask(std::string_view utf8, float val_frac, const Vocab* vocab, const std::vector<std::string>* labels,
                           Unknowns unknowns)
    : Task(TaskKind::classify) {
  require(std::isfinite(val_frac) && val_frac >= 0.f && val_frac <= 0.5f, "settings.between", {{"setting", "valFrac"}, {"min", "0"}, {"max", "0.5"}},
          "the validation fraction must be between 0 and 0.5");
  LabelledLines parsed;
  {
    const std::u32string text = decode_utf8(utf8);
    require(!text.empty(), "the text is empty");
    characters_ = static_cast<long long>(text.size());
    fingerprint_ = text_fingerprint(text);
    parsed = parse_labelled_lines(text, labels);
  }
  labels_ = parsed.labels;
  if (!labels) check_label_count(labels_);  // a new classifier: its head has one output per label
  lines_per_label_ = parsed.lines_per_label();
  if (vocab) {
    vocab_ = *vocab;
  } else {
    std::u32string all;
    for (const LabelledLine& l : parsed.lines) all += l.text;
    vocab_ = Vocab::of_text(all);
  }
  std::vector<int> held(labels_.size(), 0);  // the last lines of each label are held out
  for (std::size_t c = 0; c < labels_.size(); ++c)
    if (val_frac > 0 && lines_per_label_[c] >= 2)
      held[c] = std::max(1, static_cast<int>(std::floor(val_frac * lines_per_label_[c])));
  std::vector<int> seen(labels_.size(), 0);
  for (LabelledLine& l : parsed.lines) {
    EncodedLine e{l.label, vocab_.encode(l.text, unknowns, &unknown_), l.line_number};
    const bool held_out = ++seen[l.label] > lines_per_label_[l.label] - held[l.label];
    (held_out ? validation_ : train_).push_back(std::move(e));
  }
}

TaskTextSummary ClassifyTask::summary() const {
  TaskTextSummary s;
  s.characters = characters_;
  for (const auto& l : train_) s.train_characters += static_cast<long long>(l.ids.size());
  for (const auto& l : validation_) s.validation_characters += static_cast<long long>(l.ids.size());
  s.train_examples = static_cast<long long>(train_.size());
  s.validation_examples = static_cast<long long>(validation_.size());
  s.vocab_size = vocab_.size();
  return s;
}

std::unique_ptr<BatchSource> ClassifyTask::batches(int, int batch, std::uint64_t seed) const {
  LabelledLines counts;  // check_trainable reads only the labels and how many lines each has
  counts.labels = labels_;
  for (std::size_t c = 0; c < labels_.size(); ++c)
    for (int k = 0; k < lines_per_label_[c]; ++k) counts.lines.push_back({static_cast<int>(c), {}, 0});
  check_trainable(counts);
  return std::make_unique<LineBatches>(train_, batch, seed);
}

std::vector<float> classify_lines(const Model& model, const std::vector<EncodedLine>& lines, double* loss_sum, int batch) {
  require(model.shape().task == TaskKind::classify, "this model does not classify lines");
  const int C = model.shape().classes();
  std::vector<float> probs(lines.size() * static_cast<std::size_t>(C));
  std::vector<std::size_t> by_length(lines.size());
  std::iota(by_length.begin(), by_length.end(), std::size_t(0));
  // Longest first, so each batch holds lines of similar length (packing wastes nothing anyway).
  std::stable_sort(by_length.begin(), by_length.end(), [&](std::size_t a, std::size_t b) { return lines[a].ids.size() > lines[b].ids.size(); });
  std::unique_ptr<Network> net;
  Batch b;
  for (std::size_t first = 0; first < lines.size(); first += static_cast<std::size_t>(batch)) {
    const std::size_t count = std::min(lines.size() - first, static_cast<std::size_t>(batch));
    const std::vector<std::size_t> order(by_length.begin() + static_cast<std::ptrdiff_t>(first),
                                         by_length.begin() + static_cast<std::ptrdiff_t>(first + count));
    pack_lines(lines, order, b);
    if (!net) net = std::make_unique<Network>(model.shape(), b.layout.steps(), batch);  // the longest batch comes first
    const double mean = net->forward(model, b.layout, b.inputs.data(), b.targets.data(), nullptr);
    if (loss_sum) *loss_sum += mean * static_cast<double>(count);
    for (std::size_t k = 0; k < count; ++k)  // pack_lines kept this order: it was sorted already
      std::copy_n(net->outputs().begin() + static_cast<std::ptrdiff_t>(k * C), C, probs.begin() + static_cast<std::ptrdiff_t>(order[k] * C));
  }
  return probs;
}

TaskMetrics ClassifyTask::evaluate(const Model& model, long long max_units, int, bool whole) const {
  TaskMetrics m;
  m.task = TaskKind::classify;
  const int C = m.classes = model.shape().classes();
  m.confusion.assign(static_cast<std::size_t>(C) * C, 0);
  const auto& all = whole && validation_.empty() ? train_ : validation_;
  const std::vector<EncodedLine> lines(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min<long long>(max_units, static_cast<long long>(all.size()))));
  if (lines.empty()) return m;
  double loss = 0;  // log-sum-exp in double, as in training: exact even where a probability underflows
  const std::vector<float> probs = classify_lines(model, lines, &loss);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const float* p = probs.data() + i * C;
    const std::int32_t y = lines[i].label;
    m.tally.add(p, &y, 1, C);
    ++m.confusion[static_cast<std::size_t>(y) * C + decision(p, C)];
  }
  m.loss = loss / static_cast<double>(lines.size());
  return m;
}

Batch ClassifyTask::first_example(int) const {
  require(!train_.empty(), "there is no line to check the gradient on");
  Batch b;
  pack_lines(train_, {0}, b);
  return b;
}

ClassifiedLines ClassifyTask::classified_validation(const Model& model, long long max_lines) const {
  ClassifiedLines out;
  out.classes = model.shape().classes();
  const std::vector<EncodedLine> lines(validation_.begin(), validation_.begin() + static_cast<std::ptrdiff_t>(std::min<long long>(
                                                                                      max_lines, static_cast<long long>(validation_.size()))));
  if (lines.empty()) return out;
  out.probabilities = classify_lines(model, lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out.line_numbers.push_back(lines[i].line_number);
    out.labels.push_back(lines[i].label);
    out.decisions.push_back(decision(out.probabilities.data() + i * out.classes, out.classes));
    out.texts.push_back(encode_utf8(vocab_.decode(lines[i].ids)));
  }
  return out;
}


}  // namespace charrnn
