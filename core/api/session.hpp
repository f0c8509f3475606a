// Everything the playground and the CLI do with one model, behind one object: build it from a text
// and settings (or from a model file), train it window by window, validate, sample, probe one
// character at a time, inspect gates, save. The wasm glue and the CLI only translate to and from this.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infer/evaluate.hpp"
#include "infer/generator.hpp"
#include "infer/inspect.hpp"
#include "text/corpus.hpp"
#include "train/gradient_check.hpp"
#include "train/divergence_guard.hpp"
#include "train/gradient_norms.hpp"
#include "train/snapshot_schedule.hpp"
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

// Why a training slice stopped before its budget ran out by itself: the run diverged, and went back.
enum class StopReason { none, non_finite, blow_up };

struct SliceStop {
  StopReason reason = StopReason::none;
  long long at_step = 0;   // steps done when it stopped
  double loss_nats = 0;    // blow_up: the smoothed loss that tripped the guard; non_finite: NaN
  // The step whose weights are in place now: the snapshot's (weights, optimizer state and place in the
  // text all went back to it). Without a snapshot (a model too large to copy): non_finite keeps the
  // trainer's last finite weights at at_step; blow_up leaves the weights as they are (no value).
  std::optional<long long> restored_step;
};

struct SliceReport {
  std::vector<float> losses;      // per step done, nats per character (a non-finite step is not done)
  std::vector<float> grad_norms;  // per step, the global gradient norm before clipping
  int clipped = 0;                // steps whose gradient was clipped
  long long step = 0;             // steps done in total, after the slice (and any rollback)
  SliceStop stop;
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

  // One training window, nothing else (the CLI's loop; the trainer's own non-finite guard applies).
  StepReport train_step();
  // Trains until max_steps are done or max_millis of training time have passed (at least one step),
  // watching for divergence: a non-finite loss, or a smoothed loss far above a uniform guess
  // (DivergenceGuard), stops the slice and puts back the last snapshot. While the run is healthy,
  // snapshots are taken by the schedule's policy.
  SliceReport train_slice(int max_steps, double max_millis);
  // Learning rate, clipping and dropout can change while a run goes on.
  void update_training(float learning_rate, float clip, float dropout);
  // New sequence length, batch or optimizer (and the rest of the training settings) in place: the
  // weights stay, the optimizer state and the place in the text start afresh, the step count goes on.
  // Throws Error (and changes nothing) when the text cannot carry the new window.
  void reconfigure(const TrainSettings& train);
  long long steps() const { return trainer_ ? trainer_->steps() : 0; }

  // Copies the run (weights, optimizer state, place in the text) into memory now, and returns its step.
  long long snapshot();
  // Puts back that copy and returns its step; Error without one.
  long long restore();
  std::optional<long long> snapshot_step() const;
  // When automatic snapshots are taken (and whether: a size limit); the default suits the playground.
  void set_snapshot_policy(const SnapshotPolicy& policy);
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
  GradientNorms gradient_norms() const;
  // Analytic vs numerical gradient on the first window of the training text (train/gradient_check.hpp).
  std::vector<GradientCheckEntry> gradient_check(int per_tensor) const;

  std::vector<std::uint8_t> save(bool with_optimizer) const;

 private:
  std::unique_ptr<Trainer> make_trainer(const TrainSettings& train) const;
  void start_watching();  // a new run (or new settings): the guard starts afresh, a first snapshot
  void take_snapshot();
  SliceStop roll_back(StopReason reason, long long at_step, double loss_nats);
  std::vector<std::int32_t> encode(std::string_view utf8) const;

  SessionSettings settings_;
  Corpus corpus_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<Trainer> trainer_;
  std::unique_ptr<Generator> probe_;
  bool resumed_exactly_ = false;
  // Divergence rollback (train_slice): the guard, the last healthy copy of the run, when to copy.
  DivergenceGuard guard_{2};
  TrainingSnapshot snapshot_;
  bool has_snapshot_ = false;
  SnapshotSchedule schedule_;
};

}  // namespace charrnn
