// Cuts a text into B parallel streams (contiguous segments of equal length) and walks them in windows
// of T steps, so that the hidden state left by one window is the right start for the next window of
// the same stream (truncated BPTT). When a stream has no full window left, all streams wrap to their
// start and the state must be zeroed: that is an epoch boundary.
// B batch, T steps; inputs and targets are (T, B) time-major.
#pragma once

#include <cstdint>
#include <vector>

namespace charrnn {

class TruncatedBpttBatcher {
 public:
  // Throws Error when the text cannot fill B streams of at least T + 1 characters.
  TruncatedBpttBatcher(const std::vector<std::int32_t>& ids, int steps, int batch);

  // Fills the next window. Returns true when it starts a new epoch (state must be reset first).
  bool next(std::vector<std::int32_t>& inputs, std::vector<std::int32_t>& targets);

  int segment_length() const { return segment_; }
  long long position() const { return position_; }   // offset inside every segment of the next window
  void set_position(long long p) { position_ = p; }    // for resuming a saved run
  long long epoch() const { return epoch_; }
  void set_epoch(long long e) { epoch_ = e; }

  // The smallest text that can feed this many streams of this window length.
  static long long min_length(int steps, int batch) { return static_cast<long long>(batch) * (steps + 1); }

 private:
  const std::vector<std::int32_t>& ids_;
  int T_, B_, segment_;
  long long position_ = 0, epoch_ = 0;
};

}  // namespace charrnn
