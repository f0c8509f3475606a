// Sequences of different lengths as the core takes them: one packed batch (nn/sequence_layout.hpp),
// inputs per row, targets per row (every-step heads) or per sequence (classify).
#pragma once

#include <vector>

#include "nn/config.hpp"
#include "nn/sequence_layout.hpp"
#include "support/reference_sequences.hpp"

namespace charrnn::testing {

struct PackedBatch {
  SequenceLayout layout;
  std::vector<std::int32_t> inputs, targets;
};

// `sequences` must be sorted by decreasing length.
inline PackedBatch pack(const std::vector<ReferenceSequence>& sequences, TaskKind task) {
  std::vector<int> lengths;
  for (const auto& s : sequences) lengths.push_back(static_cast<int>(s.ids.size()));
  PackedBatch out;
  out.layout = SequenceLayout::packed(lengths);
  out.inputs.resize(static_cast<std::size_t>(out.layout.rows()));
  out.targets.resize(task == TaskKind::classify ? sequences.size() : out.inputs.size());
  for (int b = 0; b < out.layout.batch(); ++b) {
    for (int t = 0; t < lengths[b]; ++t) {
      out.inputs[out.layout.row(t, b)] = sequences[b].ids[t];
      if (task != TaskKind::classify) out.targets[out.layout.row(t, b)] = sequences[b].targets[t];
    }
    if (task == TaskKind::classify) out.targets[b] = sequences[b].targets[0];
  }
  return out;
}

}  // namespace charrnn::testing
