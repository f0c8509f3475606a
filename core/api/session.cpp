#include "api/session.hpp"

#include <algorithm>

#include "io/model_file.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {

Session::Session(std::string_view utf8_text, const SessionSettings& settings) : settings_(settings) {
  corpus_ = Corpus::from_utf8(utf8_text, settings.val_frac);
  require(corpus_.vocab.size() >= 2,
          "the text has only one distinct character (" + describe_character(corpus_.vocab.character(0)) +
              "); a model needs at least 2 different characters to learn anything");
  ModelShape shape;
  shape.cell = settings.cell;
  shape.vocab_size = corpus_.vocab.size();
  shape.hidden_size = settings.hidden_size;
  shape.num_layers = settings.num_layers;
  settings.train.validate(shape);
  model_ = std::make_unique<Model>(shape);
  Rng init_rng(settings.train.seed);
  model_->initialize(init_rng, settings.forget_bias_one);
  trainer_ = make_trainer(settings.train);
  probe_ = std::make_unique<Generator>(*model_);
  start_watching();
}

Session::Session(const std::uint8_t* file, std::size_t size, std::string_view utf8_text, const TrainSettings& train,
                 float val_frac, bool resume_optimizer) {
  ModelFile loaded = load_model_file(file, size);
  model_ = std::move(loaded.model);
  settings_.cell = model_->shape().cell;
  settings_.hidden_size = model_->shape().hidden_size;
  settings_.num_layers = model_->shape().num_layers;
  settings_.val_frac = val_frac;
  settings_.train = train;
  if (resume_optimizer && loaded.optimizer) settings_.train.optimizer = loaded.optimizer->settings;
  if (utf8_text.empty()) {
    corpus_.vocab = loaded.vocab;
  } else {
    corpus_ = Corpus::from_utf8(utf8_text, val_frac, &loaded.vocab);
    const bool exact = resume_optimizer && loaded.training && loaded.training->text_fingerprint == corpus_.fingerprint;
    if (exact) {
      // The same text: continue the saved run itself, with its own settings and split.
      const TrainSettings saved = loaded.training->settings;
      settings_.train.seq_len = saved.seq_len, settings_.train.batch = saved.batch;
      settings_.train.clip = saved.clip, settings_.train.dropout = saved.dropout, settings_.train.seed = saved.seed;
      settings_.val_frac = loaded.training->val_frac;
      corpus_ = Corpus::from_utf8(utf8_text, settings_.val_frac, &loaded.vocab);
    }
    trainer_ = make_trainer(settings_.train);
    if (resume_optimizer && loaded.optimizer) {
      trainer_->optimizer().slots() = std::move(loaded.optimizer->slots);
      trainer_->optimizer().set_steps(loaded.optimizer->steps);
    }
    if (exact) trainer_->restore(loaded.training->progress);
    resumed_exactly_ = exact;
  }
  probe_ = std::make_unique<Generator>(*model_);
  if (trainer_) start_watching();
}

std::unique_ptr<Trainer> Session::make_trainer(const TrainSettings& train) const {
  const long long need = TruncatedBpttBatcher::min_length(train.seq_len, train.batch);
  const long long have = static_cast<long long>(corpus_.train.size());
  require(have >= need, "the text is too short to train on: " + std::to_string(have) + " training characters" +
                            (corpus_.validation.empty() ? std::string()
                                                        : " (after holding out " + std::to_string(corpus_.validation.size()) +
                                                              " for validation)") +
                            ", but batch " + std::to_string(train.batch) + " × (sequence length " +
                            std::to_string(train.seq_len) + " + 1) needs " + std::to_string(need) +
                            "; use a longer text or lower the sequence length or batch size");
  return std::make_unique<Trainer>(*model_, train, corpus_.train);
}

TextSummary Session::text_summary() const {
  TextSummary s;
  s.characters = corpus_.characters;
  s.train_characters = static_cast<long long>(corpus_.train.size());
  s.validation_characters = static_cast<long long>(corpus_.validation.size());
  s.vocab_size = corpus_.vocab.size();
  return s;
}

std::vector<GradientCheckEntry> Session::gradient_check(int per_tensor) const {
  require(!corpus_.train.empty(), "there is no text to check the gradient on");
  const int steps = static_cast<int>(std::min<std::size_t>(std::min(settings_.train.seq_len, 64), corpus_.train.size() - 1));
  return charrnn::gradient_check(*model_, corpus_.train, steps, per_tensor);
}

Evaluation Session::validate(long long max_chars) const {
  if (corpus_.validation.size() < 2) return {};
  const std::size_t n = static_cast<std::size_t>(std::max(2LL, std::min<long long>(max_chars, corpus_.validation.size())));
  const std::vector<std::int32_t> head(corpus_.validation.begin(), corpus_.validation.begin() + n);
  return evaluate(*model_, head, /*streams=*/16);
}

std::vector<std::int32_t> Session::encode(std::string_view utf8) const { return corpus_.vocab.encode(decode_utf8(utf8)); }

std::string Session::sample(std::string_view utf8_prime, const SampleSettings& settings) const {
  return encode_utf8(sample_text(*model_, corpus_.vocab, decode_utf8(utf8_prime), settings));
}

void Session::probe_reset() { probe_->reset(); }

void Session::probe_feed(std::string_view utf8_text) {
  for (std::int32_t id : encode(utf8_text)) probe_->feed(id);
}

std::vector<float> Session::probe_probabilities(float temperature) const { return probe_->next_probabilities(temperature); }

Inspection Session::inspect(std::string_view utf8_text, int top_k) const { return charrnn::inspect(*model_, encode(utf8_text), top_k); }

GradientNorms Session::gradient_norms() const {
  if (!trainer_ || trainer_->steps() == 0) return {};
  const int B = trainer_->settings().batch, T = trainer_->settings().seq_len, H = model_->shape().hidden_size;
  std::vector<std::int32_t> inputs(T), targets(T);
  for (int t = 0; t < T; ++t) {  // stream 0 of the (T, B) time-major window
    inputs[t] = trainer_->last_inputs()[static_cast<std::size_t>(t) * B];
    targets[t] = trainer_->last_targets()[static_cast<std::size_t>(t) * B];
  }
  const RecurrentState& all = trainer_->last_window_start();
  RecurrentState start;
  start.reset(model_->shape(), 1);
  for (int l = 0; l < model_->shape().num_layers; ++l) {
    std::copy_n(all.h.begin() + static_cast<std::ptrdiff_t>(l) * B * H, H, start.h.begin() + static_cast<std::ptrdiff_t>(l) * H);
    if (!all.c.empty()) std::copy_n(all.c.begin() + static_cast<std::ptrdiff_t>(l) * B * H, H, start.c.begin() + static_cast<std::ptrdiff_t>(l) * H);
  }
  return charrnn::gradient_norms(*model_, inputs, targets, start);
}

std::vector<std::uint8_t> Session::save(bool with_optimizer) const {
  if (!with_optimizer || !trainer_) return save_model_file(*model_, corpus_.vocab);
  SavedTraining training;
  training.settings = trainer_->settings();
  training.val_frac = settings_.val_frac;
  training.text_fingerprint = corpus_.fingerprint;
  training.progress = trainer_->progress();
  return save_model_file(*model_, corpus_.vocab, &trainer_->optimizer(), &training);
}

}  // namespace charrnn
