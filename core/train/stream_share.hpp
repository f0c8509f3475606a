// Data-parallel training cuts every batch by its streams (sequences): replica r of n takes a contiguous
// range of them, the same cut in every replica, so each computes its share of the gradient on a smaller
// batch of its own and carries the recurrent state of its own streams only. What a share is, in one place.
// B sequences of the whole batch, b of a share, T steps, H hidden.
#pragma once

#include <vector>

#include "nn/network.hpp"
#include "tasks/task.hpp"

namespace charrnn {

struct StreamRange {
  int first = 0, end = 0;  // sequences [first, end) of the batch
  int size() const { return end - first; }
};

// Replica `replica` of `replicas` over B sequences: near-equal contiguous ranges, in replica order, that
// cover every sequence once (empty when there are more replicas than sequences). Throws Error for a bad index.
StreamRange stream_range(int B, int replica, int replicas);

// The share's own batch: its sequences' rows in the share's layout (a uniform window stays uniform; a
// packed batch stays sorted by length). per_sequence: one target per sequence (classify), else per row.
void slice_batch(const Batch& whole, StreamRange range, bool per_sequence, Batch& share);

// The carried state of the range's streams as a state of its own (b streams), and back into the whole.
void copy_state_rows(const RecurrentState& whole, StreamRange range, RecurrentState& share);
void put_state_rows(const RecurrentState& share, StreamRange range, RecurrentState& whole);

}  // namespace charrnn
