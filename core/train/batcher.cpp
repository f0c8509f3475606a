#include "train/batcher.hpp"

#include <string>

#include "util/error.hpp"

namespace charrnn {

TruncatedBpttBatcher::TruncatedBpttBatcher(const std::vector<std::int32_t>& ids, int steps, int batch)
    : ids_(ids), T_(steps), B_(batch), segment_(batch > 0 ? static_cast<int>(ids.size() / batch) : 0) {
  require(steps >= 1 && batch >= 1, "sequence length and batch size must be at least 1");
  require(static_cast<long long>(ids.size()) >= min_length(steps, batch),
          "the training text has " + std::to_string(ids.size()) + " characters, too few for batch " +
              std::to_string(batch) + " × (sequence length " + std::to_string(steps) + " + 1) = " +
              std::to_string(min_length(steps, batch)) + "; use a longer text, a shorter sequence or a smaller batch");
}

bool TruncatedBpttBatcher::next(std::vector<std::int32_t>& inputs, std::vector<std::int32_t>& targets) {
  bool new_epoch = position_ == 0;
  if (position_ + T_ + 1 > segment_) {
    position_ = 0;
    ++epoch_;
    new_epoch = true;
  }
  inputs.resize(static_cast<std::size_t>(T_) * B_);
  targets.resize(inputs.size());
  for (int t = 0; t < T_; ++t)
    for (int b = 0; b < B_; ++b) {
      const std::size_t at = static_cast<std::size_t>(b) * segment_ + position_ + t;
      inputs[static_cast<std::size_t>(t) * B_ + b] = ids_[at];
      targets[static_cast<std::size_t>(t) * B_ + b] = ids_[at + 1];
    }
  position_ += T_;
  return new_epoch;
}

}  // namespace charrnn
