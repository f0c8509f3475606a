// The heads a task puts on the recurrent stack: which rows of the top layer's output the decoder reads,
// and the decoder itself (a linear layer, PyTorch's nn.Linear(D·H, C)).
//   every step (lm, spacing): every row of the top output, (N, D·H) as it is;
//   last state (classify):    one row per sequence, [forward h at its last character | backward h at its
//                             first character] — PyTorch's h_n of the last layer, both directions.
// B sequences, N rows, H hidden, D directions, C outputs, M rows the decoder reads.
#pragma once

#include "nn/model.hpp"
#include "nn/sequence_layout.hpp"

namespace charrnn {

// states (B, D·H) ← the last states of every sequence, from top (N, D·H).
void gather_last_states(const SequenceLayout& layout, const float* top, int H, int D, float* states);
// d_top (N, D·H) += ∂L/∂states (B, D·H) put back where gather_last_states took each state from.
void scatter_last_states(const SequenceLayout& layout, const float* d_states, int H, int D, float* d_top);

// logits (M, C) = decoder.bias + X (M, D·H) · decoder.weightᵀ
void decode(const Model& model, const float* X, int M, float* logits);
// grads += ∂L/∂(decoder.weight, decoder.bias) from dlogits (M, C); dX (M, D·H) += dlogits · decoder.weight.
void decode_backward(const Model& model, const float* X, int M, const float* dlogits, float* grads, float* dX);

}  // namespace charrnn
