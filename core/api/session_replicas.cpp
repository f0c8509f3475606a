// The session's side of data-parallel training (session.hpp): a replica computes its share, applies the
// sum as a one-step slice under the same divergence watch as train_slice, and hands over or takes the
// carried state of its streams. Which replicas exist and how their numbers travel is the caller's.
#include "api/session.hpp"

#include <algorithm>
#include <string>

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

void Session::check_gradient_size(std::size_t count) const {
  const std::size_t expected = gradients().size();
  require(count == expected, "session.gradientSizeMismatch", {{"summed", std::to_string(count)}, {"expected", std::to_string(expected)}},
          "a gradient of " + std::to_string(count) + " numbers does not fit this model, which has " + std::to_string(expected) + " parameters");
}

void Session::add_gradient(const float* values, std::size_t count) {
  check_gradient_size(count);
  std::vector<float>& grads = trainer_->gradients();
  // One float addition per element: the order of the calls is the order of the sum, the same on every run.
  for (std::size_t i = 0; i < count; ++i) grads[i] += values[i];
}

void Session::set_gradient(const float* values, std::size_t count) {
  check_gradient_size(count);
  std::copy(values, values + count, trainer_->gradients().begin());
}

SliceReport Session::apply_gradients(const GradientShare& total, double step_millis, SnapshotOrder order) {
  require(trainer_ != nullptr, "session.noText", {}, "there is no text to train on");
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
