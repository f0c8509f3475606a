#include "api/session.hpp"

#include <algorithm>

#include "io/model_file.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {

Session::Session(std::string_view utf8_text, const SessionSettings& settings) : settings_(settings) {
  task_ = Task::from_text(settings.task, utf8_text, settings.val_frac);
  vocab_ = task_->vocab();
  labels_ = task_->labels();
  const ModelShape shape =
      task_->shape(settings.cell, settings.hidden_size, settings.num_layers, settings.bidirectional, settings.nonlinearity);
  settings.train.validate(shape);
  model_ = std::make_unique<Model>(shape);
  Rng init_rng(settings.train.seed);
  model_->initialize(init_rng, settings.forget_bias_one);
  trainer_ = make_trainer(settings.train);
  if (shape.task == TaskKind::lm) probe_ = std::make_unique<Generator>(*model_);
  start_watching();
}

Session::Session(const std::uint8_t* file, std::size_t size, std::string_view utf8_text, const TrainSettings& train,
                 float val_frac, bool resume_optimizer) {
  ModelFile loaded = load_model_file(file, size);
  model_ = std::move(loaded.model);
  const ModelShape& shape = model_->shape();
  settings_.task = shape.task;
  settings_.cell = shape.cell;
  settings_.hidden_size = shape.hidden_size;
  settings_.num_layers = shape.num_layers;
  settings_.bidirectional = shape.bidirectional;
  settings_.nonlinearity = shape.nonlinearity;
  settings_.val_frac = val_frac;
  settings_.train = train;
  vocab_ = loaded.vocab;
  labels_ = loaded.labels;
  if (resume_optimizer && loaded.optimizer) settings_.train.optimizer = loaded.optimizer->settings;
  if (!utf8_text.empty()) {
    task_ = Task::from_text(shape.task, utf8_text, val_frac, &vocab_, &labels_);
    const bool exact = resume_optimizer && loaded.training && loaded.training->text_fingerprint == task_->fingerprint();
    if (exact) {
      // The same text: continue the saved run itself, with its own settings and split.
      const TrainSettings saved = loaded.training->settings;
      settings_.train.seq_len = saved.seq_len, settings_.train.batch = saved.batch;
      settings_.train.clip = saved.clip, settings_.train.dropout = saved.dropout, settings_.train.seed = saved.seed;
      settings_.val_frac = loaded.training->val_frac;
      task_ = Task::from_text(shape.task, utf8_text, settings_.val_frac, &vocab_, &labels_);
    }
    trainer_ = make_trainer(settings_.train);
    if (resume_optimizer && loaded.optimizer) {
      trainer_->optimizer().slots() = std::move(loaded.optimizer->slots);
      trainer_->optimizer().set_steps(loaded.optimizer->steps);
    }
    if (exact) trainer_->restore(loaded.training->progress);
    resumed_exactly_ = exact;
  }
  if (shape.task == TaskKind::lm) probe_ = std::make_unique<Generator>(*model_);
  if (trainer_) start_watching();
}

std::unique_ptr<Trainer> Session::make_trainer(const TrainSettings& train) const {
  // The task checks that its text can feed these settings and says what to change if not.
  return std::make_unique<Trainer>(*model_, train, task_->batches(train.seq_len, train.batch, train.seed));
}

TextSummary Session::text_summary() const {
  if (task_) return task_->summary();
  TextSummary s;
  s.vocab_size = vocab_.size();
  return s;
}

std::vector<GradientCheckEntry> Session::gradient_check(int per_tensor) const {
  require(task_ != nullptr, "session.noTextToCheck", {}, "there is no text to check the gradient on");
  return charrnn::gradient_check(*model_, task_->first_example(std::min(settings_.train.seq_len, 64)), per_tensor);
}

TaskMetrics Session::validate(long long max_units) const {
  if (!task_) return {};
  return task_->evaluate(*model_, max_units, settings_.train.seq_len);
}

const Generator& Session::probe() const {
  require(probe_ != nullptr, "session.notLanguageModel", {{"task", task_name(model_->shape().task)}},
          std::string("only a language model predicts the next character; this model's task is ") +
                                 task_name(model_->shape().task));
  return *probe_;
}

std::string Session::sample(std::string_view utf8_prime, const SampleSettings& settings) const {
  return encode_utf8(sample_text(*model_, vocab_, decode_utf8(utf8_prime), settings));
}

void Session::probe_reset() {
  probe();
  probe_->reset();
}

void Session::probe_feed(std::string_view utf8_text) {
  probe();
  for (std::int32_t id : vocab_.encode(decode_utf8(utf8_text), Unknowns::zero)) probe_->feed(id);
}

std::vector<float> Session::probe_probabilities(float temperature) const { return probe().next_probabilities(temperature); }

Inspection Session::inspect(std::string_view utf8_text, int top_k) const {
  return charrnn::inspect(*model_, encode_for_task(model_->shape().task, vocab_, utf8_text), top_k);
}

Connectivity Session::connectivity(std::string_view utf8_text, int position) const {
  // An unknown character has no input column to trace: a language model's text is refused naming it.
  const TaskKind task = model_->shape().task;
  return charrnn::connectivity(
      *model_, task == TaskKind::lm ? vocab_.encode(decode_utf8(utf8_text)) : encode_for_task(task, vocab_, utf8_text), position);
}

GradientNorms Session::gradient_norms() const {
  if (!trainer_ || trainer_->steps() == 0) return {};
  const Batch& batch = trainer_->last_batch();
  const SequenceLayout& layout = batch.layout;
  const int T = layout.length(0), B = layout.batch(), H = model_->shape().hidden_size;
  const bool per_sequence = model_->shape().task == TaskKind::classify;
  std::vector<std::int32_t> inputs(T), targets(per_sequence ? 1 : T);
  for (int t = 0; t < T; ++t) {  // sequence 0 of the batch (stream 0 of a window)
    inputs[t] = batch.inputs[static_cast<std::size_t>(layout.row(t, 0))];
    if (!per_sequence) targets[t] = batch.targets[static_cast<std::size_t>(layout.row(t, 0))];
  }
  if (per_sequence) targets[0] = batch.targets[0];
  RecurrentState start;
  start.reset(model_->shape(), 1);
  if (trainer_->carries_state()) {
    const RecurrentState& all = trainer_->last_window_start();
    for (int slot = 0; slot < start.layers; ++slot) {
      std::copy_n(all.h.begin() + static_cast<std::ptrdiff_t>(slot) * B * H, H, start.h.begin() + static_cast<std::ptrdiff_t>(slot) * H);
      if (!all.c.empty())
        std::copy_n(all.c.begin() + static_cast<std::ptrdiff_t>(slot) * B * H, H, start.c.begin() + static_cast<std::ptrdiff_t>(slot) * H);
    }
  }
  return charrnn::gradient_norms(*model_, inputs, targets, start);
}

std::vector<std::uint8_t> Session::save(bool with_optimizer) const {
  if (!with_optimizer || !trainer_) return save_model_file(*model_, vocab_, nullptr, nullptr, {}, labels_);
  SavedTraining training;
  training.settings = trainer_->settings();
  training.val_frac = settings_.val_frac;
  training.text_fingerprint = task_->fingerprint();
  training.progress = trainer_->progress();
  return save_model_file(*model_, vocab_, &trainer_->optimizer(), &training, {}, labels_);
}

}  // namespace charrnn
