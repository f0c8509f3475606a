// When divergence rollback copies a healthy run (Trainer::snapshot): often enough that little training
// is lost when it goes back, rarely enough that copying stays a small share of training time. Time is
// training time as the session measures it, so the cost is the same on any machine; which step a
// snapshot lands on then depends on the machine's speed, never a result of training itself. A fixed
// step interval (every_steps) makes that step exact too, for tests.
#pragma once

#include <cstddef>

namespace charrnn {

struct SnapshotPolicy {
  // Copying a bigger model's weights and optimizer state is no longer cheap next to a training slice
  // (and holds its size twice over in memory): such runs go without automatic snapshots.
  std::size_t max_parameters = 4'000'000;
  double min_interval_millis = 2000;  // of training time between two snapshots
  double max_cost_share = 0.02;       // copying stays under this share of training time
  long long every_steps = 0;          // > 0: after this many healthy steps instead of by time
};

class SnapshotSchedule {
 public:
  explicit SnapshotSchedule(const SnapshotPolicy& policy = {}) : policy_(policy), interval_millis_(policy.min_interval_millis) {}

  const SnapshotPolicy& policy() const { return policy_; }
  bool allows(std::size_t parameters) const { return parameters <= policy_.max_parameters; }

  // A healthy training step took `millis`: true when a snapshot is due.
  bool due_after_step(double millis) {
    since_millis_ += millis;
    ++since_steps_;
    return policy_.every_steps > 0 ? since_steps_ >= policy_.every_steps : since_millis_ >= interval_millis_;
  }

  // A snapshot was taken; copying it took `cost_millis`. The next waits long enough to keep the share.
  void taken(double cost_millis) {
    since_millis_ = 0, since_steps_ = 0;
    const double spaced = policy_.max_cost_share > 0 ? cost_millis / policy_.max_cost_share : 0;
    interval_millis_ = spaced > policy_.min_interval_millis ? spaced : policy_.min_interval_millis;
  }

 private:
  SnapshotPolicy policy_;
  double interval_millis_;
  double since_millis_ = 0;
  long long since_steps_ = 0;
};

}  // namespace charrnn
