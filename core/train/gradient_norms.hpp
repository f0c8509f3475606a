// The vanishing-gradient view: how much the loss of a window's LAST prediction depends on the hidden
// (and LSTM cell) state at each earlier step, ‖∂ℓ_T/∂h_t‖ and ‖∂ℓ_T/∂c_t‖ for t = 1..T, per layer.
// A vanilla RNN's norms shrink roughly geometrically toward the window's start; an LSTM's cell path
// can carry them much further. Computed for one stream of a window, from the state it started with.
// L layers, T steps.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/network.hpp"

namespace charrnn {

struct GradientNorms {
  int layers = 0, steps = 0;
  std::vector<float> hidden;  // (L, T) ‖∂ℓ_T/∂h_t‖
  std::vector<float> cell;    // (L, T) ‖∂ℓ_T/∂c_t‖, LSTM only (else empty)
};

// inputs, targets: (T) of the stream; start: its state before the window (batch 1).
GradientNorms gradient_norms(const Model& model, const std::vector<std::int32_t>& inputs,
                                     const std::vector<std::int32_t>& targets, RecurrentState start);

}  // namespace charrnn
