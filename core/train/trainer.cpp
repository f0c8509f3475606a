#include "train/trainer.hpp"

#include <algorithm>
#include <cmath>

#include "tasks/lm/lm_task.hpp"
#include "text/vocab.hpp"
#include "util/error.hpp"

namespace charrnn {

void TrainSettings::validate(const ModelShape& shape, int longest) const {
  shape.validate();
  require_in_range("seqLen", "sequence length", seq_len, 1, Limits::kMaxSeq);
  require_in_range("batch", "batch size", batch, 1, Limits::kMaxBatch);
  optimizer.validate();
  require(std::isfinite(clip) && clip >= 0.f, "settings.zeroOrPositive", {{"setting", "clip"}},
          "gradient clipping must be 0 (off) or a positive number");
  require(std::isfinite(dropout) && dropout >= 0.f && dropout <= 0.9f, "settings.between",
          {{"setting", "dropout"}, {"min", "0"}, {"max", "0.9"}}, "dropout must be between 0 and 0.9");
  const std::size_t params = ParameterLayout(shape).total();
  // parameters, gradients, two optimizer moments, the rollback copy, the packed transposes, and the
  // recurrent weights packed a second time (W_hh for backpropagation; at most a copy of the parameters)
  const std::size_t floats = params * 7 + network_working_floats(shape, longest > 0 ? longest : seq_len, batch);
  require(floats <= Limits::kMaxWorkingFloats, "settings.tooMuchMemory",
          {{"needed", std::to_string(floats * 4 >> 20)}, {"limit", std::to_string(Limits::kMaxWorkingFloats * 4 >> 20)}},
          "this model needs about " + std::to_string(floats * 4 >> 20) + " MiB to train, more than the " +
              std::to_string(Limits::kMaxWorkingFloats * 4 >> 20) +
              " MiB limit; use a smaller hidden size, fewer layers, a shorter sequence or a smaller batch");
}

Trainer::Trainer(Model& model, const TrainSettings& settings, std::unique_ptr<BatchSource> batches)
    : model_(model), batches_(std::move(batches)),
      settings_((settings.validate(model.shape(), batches_->max_steps()), settings)),
      network_(model.shape(), batches_->max_steps(), batches_->max_batch()),
      optimizer_(settings.optimizer, model.parameters().size()),
      dropout_rng_(settings.seed ^ 0xD50u),  // its own stream: dropout never shifts the init's numbers
      grads_(model.parameters().size(), 0.f), last_good_(model.parameters()) {
  // The carried state has a row per stream of the settings' batch (a classifier may take fewer lines a
  // step when it has fewer; it carries no state anyway), so a saved run's state always has this shape.
  state_.reset(model.shape(), settings.batch);
}

namespace {

std::unique_ptr<BatchSource> checked_streams(const ModelShape& shape, const std::vector<std::int32_t>& ids, int T, int B) {
  for (std::int32_t id : ids)
    require(id >= kUnknown && id < shape.vocab_size, "training text holds an index outside the vocabulary");
  return make_stream_batches(ids, T, B);
}

}  // namespace

Trainer::Trainer(Model& model, const TrainSettings& settings, const std::vector<std::int32_t>& train_ids)
    : Trainer(model, settings, checked_streams(model.shape(), train_ids, settings.seq_len, settings.batch)) {}

void Trainer::set_learning_rate(float lr) {
  optimizer_.set_learning_rate(lr);
  settings_.optimizer.lr = lr;
}

void Trainer::set_clip(float max_norm) {
  require(std::isfinite(max_norm) && max_norm >= 0.f, "settings.zeroOrPositive", {{"setting", "clip"}},
          "gradient clipping must be 0 (off) or a positive number");
  settings_.clip = max_norm;
}

void Trainer::set_dropout(float p) {
  require(std::isfinite(p) && p >= 0.f && p <= 0.9f, "settings.between", {{"setting", "dropout"}, {"min", "0"}, {"max", "0.9"}},
          "dropout must be between 0 and 0.9");
  settings_.dropout = p;
}

TrainingProgress Trainer::progress() const {
  return {steps_, batches_->position(), batches_->epoch(), dropout_rng_.state(), state_};
}

void Trainer::restore(const TrainingProgress& p) {
  const ModelShape& s = model_.shape();
  const int slots = s.num_layers * s.directions(), B = settings_.batch;
  require(p.state.layers == slots && p.state.batch == B && p.state.hidden == s.hidden_size &&
              p.state.h.size() == static_cast<std::size_t>(slots) * B * s.hidden_size &&
              p.state.c.size() == (s.cell == CellKind::lstm ? p.state.h.size() : 0),
          "the saved training state does not fit this model and batch size");
  require(p.steps >= 0, "the saved step count is negative");
  batches_->restore(p.position, p.epoch);
  steps_ = p.steps;
  dropout_rng_.set_state(p.dropout_rng);
  state_ = p.state;
}

void Trainer::snapshot(TrainingSnapshot& into) const {
  into.weights = model_.parameters();
  into.optimizer_slots = optimizer_.slots();
  into.optimizer_steps = optimizer_.steps();
  into.progress = progress();
}

void Trainer::restore(const TrainingSnapshot& s) {
  const std::vector<OptimizerSlot>& slots = optimizer_.slots();
  bool fits = s.weights.size() == model_.parameters().size() && s.optimizer_slots.size() == slots.size();
  for (std::size_t i = 0; fits && i < slots.size(); ++i)
    fits = s.optimizer_slots[i].name == slots[i].name && s.optimizer_slots[i].values.size() == slots[i].values.size();
  require(fits, "the snapshot does not fit this model and optimizer");
  restore(s.progress);
  model_.mutable_parameters() = s.weights;
  last_good_ = s.weights;
  optimizer_.slots() = s.optimizer_slots;
  optimizer_.set_steps(s.optimizer_steps);
}

StepReport Trainer::step() { return apply_share(compute_share(0, 1)); }

}  // namespace charrnn
