#include "train/divergence_guard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace charrnn {

DivergenceGuard::DivergenceGuard(int vocab_size)
    : uniform_(std::log(static_cast<double>(std::max(2, vocab_size)))), smoothed_(std::numeric_limits<double>::quiet_NaN()) {}

bool DivergenceGuard::observe(double loss) {
  if (!std::isfinite(loss)) return true;
  smoothed_ = seen_ == 0 ? loss : 0.7 * smoothed_ + 0.3 * loss;
  ++seen_;
  return seen_ >= 3 && smoothed_ > limit();
}

void DivergenceGuard::reset() {
  smoothed_ = std::numeric_limits<double>::quiet_NaN();
  seen_ = 0;
}

}  // namespace charrnn
