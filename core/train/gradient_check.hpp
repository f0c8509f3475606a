// The numerical gradient check a learner can press: compares the analytic BPTT gradient of the current
// model with central finite differences for a few parameters, on one window of the text.
// In float, finite differences are only accurate for parameters whose gradient is not tiny, so the check
// picks, in every tensor, the entries with the largest analytic gradient.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nn/model.hpp"
#include "tasks/task.hpp"

namespace charrnn {

struct GradientCheckEntry {
  std::string tensor;
  int index = 0;            // flat index inside the tensor
  float analytic = 0, numeric = 0;
  float relative_error = 0;  // |a - n| / max(|a|, |n|)
};

// ids: text to take the window from (at least steps + 1 characters). per_tensor entries per tensor.
// tamper (tests only) may alter the analytic gradient before the comparison, to show the check fails.
std::vector<GradientCheckEntry> gradient_check(const Model& model, const std::vector<std::int32_t>& ids, int steps,
                                               int per_tensor,
                                               const std::function<void(std::vector<float>&)>& tamper = nullptr);
// The same on one batch of any task (its own head and loss), from a zero state.
std::vector<GradientCheckEntry> gradient_check(const Model& model, const Batch& batch, int per_tensor,
                                               const std::function<void(std::vector<float>&)>& tamper = nullptr);

}  // namespace charrnn
