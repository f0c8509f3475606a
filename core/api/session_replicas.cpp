// The session's side of data-parallel training (session.hpp): a replica computes its share, applies the
// sum as a one-step slice under the same divergence watch as train_slice, and hands over or takes the
// carried state of its streams. Which replicas exist and how their numbers travel is the caller's.
#include "api/session.hpp"
#include "util/error.hpp"

namespace charrnn {

GradientShare Session::compute_gradients(int replica, int replicas) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  return trainer_->compute_share(replica, replicas);
}

const std::vector<float>& Session::gradients() const {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  return trainer_->gradients();
}

SliceReport Session::apply_gradients(const std::vector<float>& summed, const GradientShare& total, double step_millis,
                                     SnapshotOrder order) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  std::vector<float>& grads = trainer_->gradients();
  require(summed.size() == grads.size(), "session.gradientSizeMismatch",
          {{"summed", std::to_string(summed.size())}, {"expected", std::to_string(grads.size())}}, "the summed gradient has " + std::to_string(summed.size()) +
                                             " numbers; this model has " + std::to_string(grads.size()) + " parameters");
  grads = summed;
  SliceReport report;
  bool snapshotted = false;
  watch_step(trainer_->apply_share(total), step_millis, order, report, snapshotted);
  report.step = trainer_->steps();
  return report;
}

std::vector<float> Session::stream_state(int replica, int replicas) const {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  return trainer_->stream_state(replica, replicas);
}

void Session::set_stream_state(int replica, int replicas, const std::vector<float>& values) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
  trainer_->set_stream_state(replica, replicas, values);
}

}  // namespace charrnn
