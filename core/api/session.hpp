// Everything the playground and the CLI do with one model, behind one object: build it from a text
// and settings (or from a model file), train it window by window, validate, sample, probe one
// character at a time, inspect gates, save. The wasm glue and the CLI only translate to and from this.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "infer/evaluate.hpp"
#include "infer/generator.hpp"
#include "infer/inspect.hpp"
#include "text/corpus.hpp"
#include "train/gradient_check.hpp"
#include "train/temporal_gradients.hpp"
#include "train/trainer.hpp"

namespace charrnn {

struct SessionSettings {
  CellKind cell = CellKind::lstm;
  int hidden_size = 128;
  int num_layers = 1;
  bool forget_bias_one = false;  // LSTM only
  float val_frac = 0.1f;
  TrainSettings train;
};

struct TextSummary {
  long long characters = 0, train_characters = 0, validation_characters = 0;
  int vocab_size = 0;
};

class Session {
 public:
  // Throws Error for bad text or settings (text too short for the window, limits, ...).
  Session(std::string_view utf8_text, const SessionSettings& settings);
  // From a model file; `utf8_text` (may be empty: sampling only) must use only the model's characters.
  // With resume, a saved optimizer state is restored; if the file also holds the training state of the
  // same text, training continues exactly where it stopped (the file's training settings win).
  Session(const std::uint8_t* file, std::size_t size, std::string_view utf8_text, const TrainSettings& train,
          float val_frac, bool resume_optimizer);

  const Model& model() const { return *model_; }
  const Vocab& vocab() const { return corpus_.vocab; }
  const SessionSettings& settings() const { return settings_; }
  TextSummary text_summary() const;
  bool can_train() const { return trainer_ != nullptr; }
  bool resumed_exactly() const { return resumed_exactly_; }

  StepReport train_step();
  // Learning rate, clipping and dropout can change while a run goes on.
  void update_training(float learning_rate, float clip, float dropout);
  long long steps() const { return trainer_ ? trainer_->steps() : 0; }
  // Validation on at most max_chars of the held-out tail (streams side by side for speed).
  Evaluation validate(long long max_chars = 20000) const;

  std::string sample(std::string_view utf8_prime, const SampleSettings& settings) const;

  // The step API: feed text, read the next character's distribution.
  void probe_reset();
  void probe_feed(std::string_view utf8_text);  // characters the model does not know are an Error
  std::vector<float> probe_probabilities(float temperature) const;
  bool probe_ready() const { return probe_->has_input(); }

  Inspection inspect(std::string_view utf8_text, int top_k) const;
  // ‖∂ℓ_T/∂h_t‖ (and ‖∂ℓ_T/∂c_t‖) for the first stream of the last training window; empty before training.
  TemporalGradients gradient_norms() const;
  // Analytic vs numerical gradient on the first window of the training text (train/gradient_check.hpp).
  std::vector<GradientCheckEntry> gradient_check(int per_tensor) const;

  std::vector<std::uint8_t> save(bool with_optimizer) const;

 private:
  void start_training(const TrainSettings& train);
  std::vector<std::int32_t> encode(std::string_view utf8) const;

  SessionSettings settings_;
  Corpus corpus_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<Trainer> trainer_;
  std::unique_ptr<Generator> probe_;
  bool resumed_exactly_ = false;
};

}  // namespace charrnn
