// Everything the playground and the CLI do with one model, behind one object: build it from a text
// and settings (or from a model file), train it batch by batch, validate, sample, probe one character
// at a time, inspect gates, save. The model learns one task (tasks/task.hpp): the text is read as that
// task's examples, and what only makes sense for one task (sampling, the spacing breakdown, the class
// probabilities of a line) says so when asked of another. The wasm glue and the CLI only translate.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "infer/connectivity.hpp"
#include "infer/evaluate.hpp"
#include "infer/generator.hpp"
#include "infer/inspect.hpp"
#include "tasks/classify/class_trace.hpp"
#include "tasks/classify/classify_task.hpp"
#include "tasks/spacing/spacing_breakdown.hpp"
#include "tasks/task.hpp"
#include "train/gradient_check.hpp"
#include "train/divergence_guard.hpp"
#include "train/gradient_norms.hpp"
#include "train/snapshot_schedule.hpp"
#include "train/trainer.hpp"

namespace charrnn {

struct SessionSettings {
  TaskKind task = TaskKind::lm;
  CellKind cell = CellKind::lstm;
  int hidden_size = 128;
  int num_layers = 1;
  bool bidirectional = false;                     // not for lm
  Nonlinearity nonlinearity = Nonlinearity::tanh;  // relu: RNN only
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
  std::vector<float> losses;      // per step done, nats per scored prediction (a non-finite step is not done)
  std::vector<float> grad_norms;  // per step, the global gradient norm before clipping
  int clipped = 0;                // steps whose gradient was clipped
  long long characters = 0;       // characters of the steps done
  Tally tally;                    // their decisions before each update: accuracy (spacing: F1) while training
  long long step = 0;             // steps done in total, after the slice (and any rollback)
  bool snapshot_taken = false;    // a rollback snapshot was taken during the slice
  SliceStop stop;
};

// Who decides that a data-parallel step takes a rollback snapshot: the coordinating replica by its own
// schedule (which is timed, so it differs between replicas), and the others as it tells them.
enum class SnapshotOrder { by_schedule, take, skip };

using TextSummary = TaskTextSummary;

class Session {
 public:
  // Throws Error for bad text or settings (text too short for the window, limits, ...).
  Session(std::string_view utf8_text, const SessionSettings& settings);
  // From a model file, with `utf8_text` to train and validate on (may be empty: sampling only). A
  // character of it outside the model's vocabulary is read as an all-zero input and is never a scored
  // target (text/vocab.hpp); unknown_characters() says which there were.
  // With resume, a saved optimizer state is restored; if the file also holds the training state of the
  // same text, training continues exactly where it stopped (the file's training settings win).
  Session(const std::uint8_t* file, std::size_t size, std::string_view utf8_text, const TrainSettings& train,
          float val_frac, bool resume_optimizer);

  const Model& model() const { return *model_; }
  TaskKind task() const { return model_->shape().task; }
  const Vocab& vocab() const { return vocab_; }
  const std::vector<std::string>& labels() const { return labels_; }  // classify, index order
  const SessionSettings& settings() const { return settings_; }
  TextSummary text_summary() const;
  bool can_train() const { return trainer_ != nullptr; }
  bool resumed_exactly() const { return resumed_exactly_; }
  // The characters of the text (a loaded model's) outside the vocabulary; none for a model of its own text.
  UnknownCharacters unknown_characters() const { return task_ ? task_->unknown() : UnknownCharacters{}; }

  // One training window, nothing else (the CLI's loop; the trainer's own non-finite guard applies).
  StepReport train_step();
  // Trains until max_steps are done or max_millis of training time have passed (at least one step),
  // watching for divergence: a non-finite loss, or a smoothed loss far above a uniform guess
  // (DivergenceGuard), stops the slice and puts back the last snapshot. While the run is healthy,
  // snapshots are taken by the schedule's policy.
  SliceReport train_slice(int max_steps, double max_millis);
  // Data-parallel training over replicas (Sessions of the same text, settings and file, one per worker):
  // replica r of n computes the gradient of its share of the next batch's streams into gradients()
  // (train/trainer.hpp); the caller sums gradients and shares in replica order, and every replica applies
  // the sum as a one-step slice, watched for divergence exactly as train_slice watches its steps.
  // The sum is made in place: the coordinator adds the others' gradients to its own (add_gradient), the
  // others take the sum (set_gradient). A gradient that comes or goes is checked by its `count`: the
  // model's number of parameters, or Error (check_gradient_size).
  GradientShare compute_gradients(int replica, int replicas);
  const std::vector<float>& gradients() const;
  void add_gradient(const float* values, std::size_t count);
  void set_gradient(const float* values, std::size_t count);
  void check_gradient_size(std::size_t count) const;
  SliceReport apply_gradients(const GradientShare& total, double step_millis, SnapshotOrder order);
  // Each replica carries only its streams' state: the coordinator gathers the others' before it saves.
  std::vector<float> stream_state(int replica, int replicas) const;
  void set_stream_state(int replica, int replicas, const std::vector<float>& values);
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
  // The task's loss and scores on at most max_units of the held-out part (characters; classify: lines).
  TaskMetrics validate(long long max_units = 20000) const;

  // Language model only (an Error for the other tasks):
  std::string sample(std::string_view utf8_prime, const SampleSettings& settings) const;
  // The step API: feed text, read the next character's distribution.
  void probe_reset();
  void probe_feed(std::string_view utf8_text);  // a character the model does not know: an all-zero input
  std::vector<float> probe_probabilities(float temperature) const;
  bool probe_ready() const { return probe_ && probe_->has_input(); }

  // Spacing only: a text (with its spaces, as a person writes it) as the model spaces it, per character,
  // with what each direction says (tasks/spacing/spacing_breakdown.hpp).
  SpacingBreakdown spacing_breakdown(std::string_view utf8_text) const;
  // Classify only: the class probabilities after each character of one line (its text, no label).
  ClassTrace class_trace(std::string_view utf8_line) const;
  // Classify only: the first max_lines held-out lines with the model's decisions (the ones it gets wrong).
  ClassifiedLines classified_lines(long long max_lines) const;

  // The text as the model reads it (spacing: without spaces), step by step. Here, as in the probe, the
  // spacing breakdown and the class trace, an unknown character is an all-zero input (text/vocab.hpp).
  Inspection inspect(std::string_view utf8_text, int top_k) const;
  // Language model only: how much the prediction at `position` (a character index of the text) depends on
  // each character up to it, from a zero state (infer/connectivity.hpp).
  Connectivity connectivity(std::string_view utf8_text, int position) const;
  // ‖∂ℓ/∂h_t‖ (and ‖∂ℓ/∂c_t‖) for the first sequence of the last training batch; empty before training.
  GradientNorms gradient_norms() const;
  // Analytic vs numerical gradient on the first example of the training text (train/gradient_check.hpp).
  std::vector<GradientCheckEntry> gradient_check(int per_tensor) const;

  std::vector<std::uint8_t> save(bool with_optimizer) const;

 private:
  std::unique_ptr<Trainer> make_trainer(const TrainSettings& train) const;
  // Watches one step of a slice (divergence, snapshots); true when the slice must stop (it went back).
  bool watch_step(const StepReport& s, double step_millis, SnapshotOrder order, SliceReport& report, bool& snapshotted);
  void start_watching();  // a new run (or new settings): the guard starts afresh, a first snapshot
  void take_snapshot();
  SliceStop roll_back(StopReason reason, long long at_step, double loss_nats);
  const Generator& probe() const;

  SessionSettings settings_;
  std::unique_ptr<Task> task_;  // null for a model opened without a text (it can sample, not train)
  Vocab vocab_;
  std::vector<std::string> labels_;
  std::unique_ptr<Model> model_;
  std::unique_ptr<Trainer> trainer_;
  std::unique_ptr<Generator> probe_;  // language models only
  bool resumed_exactly_ = false;
  // Divergence rollback (train_slice): the guard, the last healthy copy of the run, when to copy.
  DivergenceGuard guard_{2};
  TrainingSnapshot snapshot_;
  bool has_snapshot_ = false;
  SnapshotSchedule schedule_;
};

}  // namespace charrnn
