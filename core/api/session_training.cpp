// The session's training policy: slices bounded by steps and time, divergence rollback to an in-memory
// snapshot, new training settings in place. One place decides when a run has gone wrong and where it
// goes back to; the playground's worker only schedules slices and reports them.
#include <chrono>
#include <limits>

#include "api/session.hpp"
#include "util/error.hpp"

namespace charrnn {

namespace {

using Clock = std::chrono::steady_clock;

double millis_between(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

StepReport Session::train_step() {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  return trainer_->step();
}

SliceReport Session::train_slice(int max_steps, double max_millis) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  SliceReport report;
  const auto start = Clock::now();
  auto last = start;
  for (int i = 0; i < max_steps; ++i) {
    const StepReport s = trainer_->step();
    auto now = Clock::now();
    const double step_millis = millis_between(last, now);
    bool snapshotted = false;
    if (watch_step(s, step_millis, SnapshotOrder::by_schedule, report, snapshotted)) break;
    if (snapshotted) now = Clock::now();  // the copy is not training time: the next step's clock starts after it
    last = now;
    if (millis_between(start, now) >= max_millis) break;
  }
  report.step = trainer_->steps();
  return report;
}

bool Session::watch_step(const StepReport& s, double step_millis, SnapshotOrder order, SliceReport& report,
                         bool& snapshotted) {
  if (s.diverged) {
    report.stop = roll_back(StopReason::non_finite, s.step, std::numeric_limits<double>::quiet_NaN());
    return true;
  }
  report.losses.push_back(static_cast<float>(s.loss));
  report.grad_norms.push_back(s.grad_norm);
  report.clipped += s.clipped;
  report.characters += s.characters;
  report.tally.add(s.tally);
  if (guard_.observe(s.loss)) {
    report.stop = roll_back(StopReason::blow_up, s.step, guard_.smoothed_loss());
    return true;
  }
  const bool due = order == SnapshotOrder::by_schedule
                       ? schedule_.due_after_step(step_millis) && guard_.healthy() && schedule_.allows(model_->parameters().size())
                       : order == SnapshotOrder::take;
  if (due) {
    take_snapshot();
    report.snapshot_taken = snapshotted = true;
  }
  return false;
}

void Session::update_training(float learning_rate, float clip, float dropout) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  trainer_->set_learning_rate(learning_rate);
  trainer_->set_clip(clip);
  trainer_->set_dropout(dropout);
  settings_.train = trainer_->settings();
}

void Session::reconfigure(const TrainSettings& train) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  std::unique_ptr<Trainer> next = make_trainer(train);  // throws before anything changes
  TrainingProgress progress = next->progress();
  progress.steps = trainer_->steps();
  next->restore(progress);
  trainer_ = std::move(next);
  settings_.train = trainer_->settings();
  start_watching();  // the old snapshot holds another window and optimizer: it cannot come back
}

long long Session::snapshot() {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  take_snapshot();
  return snapshot_.progress.steps;
}

long long Session::restore() {
  require(trainer_ != nullptr && has_snapshot_, "session.noSnapshot", {}, "there is no snapshot to go back to");
  trainer_->restore(snapshot_);
  guard_.reset();
  return snapshot_.progress.steps;
}

std::optional<long long> Session::snapshot_step() const {
  if (!has_snapshot_) return std::nullopt;
  return snapshot_.progress.steps;
}

void Session::set_snapshot_policy(const SnapshotPolicy& policy) { schedule_ = SnapshotSchedule(policy); }

void Session::start_watching() {
  guard_ = DivergenceGuard(model_->shape().classes());  // a uniform guess over the head's C outputs
  has_snapshot_ = false;
  if (schedule_.allows(model_->parameters().size())) take_snapshot();
  else snapshot_ = TrainingSnapshot{};  // nothing held for a model too large to copy
}

void Session::take_snapshot() {
  const auto start = Clock::now();
  trainer_->snapshot(snapshot_);
  has_snapshot_ = true;
  schedule_.taken(millis_between(start, Clock::now()));
}

SliceStop Session::roll_back(StopReason reason, long long at_step, double loss_nats) {
  SliceStop stop;
  stop.reason = reason, stop.at_step = at_step, stop.loss_nats = loss_nats;
  if (has_snapshot_) {
    trainer_->restore(snapshot_);
    stop.restored_step = snapshot_.progress.steps;
  } else if (reason == StopReason::non_finite) {
    stop.restored_step = at_step;  // the trainer kept the last weights with a finite loss
  }
  guard_.reset();
  return stop;
}

}  // namespace charrnn
