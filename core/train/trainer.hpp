// One training run over a text: batches from the task (tasks/task.hpp: the language model's windows,
// spacing's windows, classification's lines), forward, backward, global-norm clipping, the optimizer's
// update. The trainer never asks which task it serves. A step whose loss or gradient is not finite
// changes nothing, puts back the last weights that gave a finite loss and says so in its report: a
// diverging run never loses the model.
// B batch, T steps (sequence length; the longest sequence of a batch).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "nn/network.hpp"
#include "tasks/metrics.hpp"
#include "tasks/task.hpp"
#include "train/optimizer.hpp"

namespace charrnn {

struct TrainSettings {
  int seq_len = 64;
  int batch = 32;
  OptimizerSettings optimizer;
  float clip = 5.f;     // max global gradient norm; 0 turns clipping off
  float dropout = 0.f;  // between layers and before the decoder, training only
  std::uint64_t seed = 1;

  // Throws Error naming the bad value. longest: the longest sequence a batch holds (seq_len for the
  // windows of lm and spacing; the longest line for classify), which sizes the memory.
  void validate(const ModelShape& shape, int longest = 0) const;
};

struct StepReport {
  long long step = 0;      // steps done, counting this one
  double loss = 0;         // mean cross-entropy of the batch, nats per scored prediction
  long long characters = 0;  // characters the batch held
  Tally tally;             // the batch's decisions before the update (accuracy; spacing: F1)
  float grad_norm = 0;     // global gradient norm before clipping
  bool clipped = false;
  bool diverged = false;   // not finite: no update; the weights are the last ones with a finite loss
  bool new_epoch = false;  // the streams wrapped to the text's start (state was zeroed)
};

// A data-parallel replica's part of one step (train/stream_share.hpp): what it adds to the whole batch's
// loss and decisions. Summed over the replicas, in replica order, it is the whole step's.
struct GradientShare {
  double loss_sum = 0;  // Σ cross-entropy of its scored predictions, nats (non-finite: the step diverged)
  Tally tally;          // its decisions before the update
  void add(const GradientShare& other) {
    loss_sum += other.loss_sum;
    tally.add(other.tally);
  }
};

// Where a run stands beyond its weights and optimizer: with these restored, training continues bit for
// bit as if it had never stopped.
struct TrainingProgress {
  long long steps = 0;
  long long position = 0, epoch = 0;  // the batches' place in the text
  Rng::State dropout_rng{};
  RecurrentState state;               // hidden (and cell) state carried into the next window
};

// Everything a run needs to go on from one point bit for bit: weights, optimizer state, progress. A
// model file holds the same on disk; this is the in-memory copy divergence rollback goes back to.
struct TrainingSnapshot {
  std::vector<float> weights;
  std::vector<OptimizerSlot> optimizer_slots;
  long long optimizer_steps = 0;
  TrainingProgress progress;
};

class Trainer {
 public:
  // The model, and the text the batches read, must outlive the trainer (it keeps references, not copies:
  // a long text would otherwise be held twice).
  Trainer(Model& model, const TrainSettings& settings, std::unique_ptr<BatchSource> batches);
  // The language model over a text's ids (B streams of truncated BPTT).
  Trainer(Model& model, const TrainSettings& settings, const std::vector<std::int32_t>& train_ids);

  // One step: compute_share(0, 1), then apply_share.
  StepReport step();
  // Data-parallel training. Every replica reads the same next batch and computes the gradient of its
  // share of the streams into gradients(), scaled so the shares' gradients sum to the whole batch's mean;
  // the caller sums them (and the shares) over all replicas, puts the summed gradient in gradients(),
  // and every replica applies it: clipping and the optimizer's update exactly as step() does, so the
  // replicas stay identical. Each replica carries only its own streams' state.
  GradientShare compute_share(int replica, int replicas);
  StepReport apply_share(const GradientShare& total);  // after compute_share; Error otherwise
  std::vector<float>& gradients() { return grads_; }
  const std::vector<float>& gradients() const { return grads_; }
  // The carried state of a replica's streams, (L·D, b, H) h then c; and putting it into this trainer's.
  std::vector<float> stream_state(int replica, int replicas) const;
  void set_stream_state(int replica, int replicas, const std::vector<float>& values);

  long long steps() const { return steps_; }
  const TrainSettings& settings() const { return settings_; }
  void set_learning_rate(float lr);
  // Changes that keep the run going (the model and optimizer state stay); throw Error when out of range.
  void set_clip(float max_norm);
  void set_dropout(float p);
  Optimizer& optimizer() { return optimizer_; }
  const Optimizer& optimizer() const { return optimizer_; }
  // The last training window's forward caches and ‖∂L/∂h_t‖, ‖∂L/∂c_t‖ (the vanishing-gradient view).
  const Network& network() const { return network_; }
  const RecurrentState& state() const { return state_; }
  // The last batch trained on, and the state it started from (zeros unless the batches carry state).
  const Batch& last_batch() const { return batch_; }
  const RecurrentState& last_window_start() const { return window_start_; }
  bool carries_state() const { return batches_->carries_state(); }

  TrainingProgress progress() const;
  void restore(const TrainingProgress& progress);  // throws Error if it does not fit this trainer
  // Copies the run into `into`, reusing its buffers (taken again and again, it allocates nothing).
  void snapshot(TrainingSnapshot& into) const;
  void restore(const TrainingSnapshot& snapshot);  // throws Error if it does not fit this trainer

 private:
  Model& model_;
  std::unique_ptr<BatchSource> batches_;
  TrainSettings settings_;
  Network network_;
  Optimizer optimizer_;
  Rng dropout_rng_;
  RecurrentState state_, window_start_;
  std::vector<float> grads_, last_good_;
  Batch batch_, share_batch_;
  RecurrentState share_state_;
  long long steps_ = 0;
  long long batch_scored_ = 0;  // scored predictions of the whole batch: every share's mean is over these
  bool share_pending_ = false, share_new_epoch_ = false;
};

}  // namespace charrnn
