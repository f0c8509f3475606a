// How the rows of a batch of sequences are laid out, as PyTorch's PackedSequence: time-major, and at
// step t only the sequences still running, which are the first rows_at(t) (sequences sorted by
// decreasing length). A batch of equal-length sequences is the plain (T, B) time-major layout.
// No row is padding: nothing computed for a sequence depends on how long its neighbours are.
// The backward direction of a bidirectional layer reads each sequence from its own last character to
// its first; reversed_row() maps a row to the same element's row in that order (an involution), so the
// backward direction runs the very same cell code over the very same layout.
// B sequences, T steps (the longest sequence), N rows (Σ lengths; T·B when uniform).
#pragma once

#include <vector>

namespace charrnn {

class SequenceLayout {
 public:
  SequenceLayout() = default;
  static SequenceLayout uniform(int steps, int batch);
  // Lengths must be non-increasing and at least 1 (throws Error otherwise).
  static SequenceLayout packed(const std::vector<int>& lengths);

  int steps() const { return static_cast<int>(rows_at_.size()); }
  int batch() const { return static_cast<int>(lengths_.size()); }
  int rows() const { return first_row_.empty() ? 0 : first_row_.back(); }
  bool is_uniform() const { return uniform_; }
  int length(int b) const { return lengths_[static_cast<std::size_t>(b)]; }
  const std::vector<int>& lengths() const { return lengths_; }
  int rows_at(int t) const { return rows_at_[static_cast<std::size_t>(t)]; }    // sequences running at step t
  int first_row(int t) const { return first_row_[static_cast<std::size_t>(t)]; }  // row of (t, 0); first_row(T) = N
  int row(int t, int b) const { return first_row(t) + b; }
  int reversed_row(int n) const { return reversed_[static_cast<std::size_t>(n)]; }  // (t, b) → (length_b - 1 - t, b)

 private:
  std::vector<int> lengths_;    // (B)
  std::vector<int> rows_at_;    // (T) non-increasing, PyTorch's batch_sizes
  std::vector<int> first_row_;  // (T + 1)
  std::vector<int> reversed_;   // (N)
  bool uniform_ = true;
};

}  // namespace charrnn
