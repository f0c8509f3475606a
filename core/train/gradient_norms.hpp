// The vanishing-gradient view: how much the loss of ONE prediction depends on the hidden (and LSTM
// cell) state at each earlier step, ‖∂ℓ/∂h_t‖ and ‖∂ℓ/∂c_t‖ for t = 1..T, per layer and direction. The
// prediction is a window's last scored one (lm: the last character's next; spacing: the last decided
// gap) or a line's label (classify: read at its end and, bidirectional, at its start). A vanilla RNN's
// norms shrink roughly geometrically away from that point; an LSTM's cell path can carry them much
// further; a relu RNN's can grow. Computed for one sequence, from the state it started with.
// L layers, D directions, T steps.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/network.hpp"

namespace charrnn {

struct GradientNorms {
  int layers = 0, directions = 1, steps = 0;
  std::vector<float> hidden;  // (L·D, T) ‖∂ℓ/∂h_t‖, slot l·D + d, every direction in text order
  std::vector<float> cell;    // (L·D, T) ‖∂ℓ/∂c_t‖, LSTM only (else empty)
};

// inputs: (T) of the sequence. targets: (T) per step (-1 = not scored) for lm and spacing, (1) the label
// for classify. start: its state before the window (batch 1).
GradientNorms gradient_norms(const Model& model, const std::vector<std::int32_t>& inputs,
                             const std::vector<std::int32_t>& targets, RecurrentState start);

}  // namespace charrnn
