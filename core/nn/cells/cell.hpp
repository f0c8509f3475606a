// The recurrent cells. Each one lives in its own file with forward directly followed by backward,
// following PyTorch's equations, gate order and two-bias form (see ARCHITECTURE.md, "Numerics").
// B batch, T steps, H hidden, G gates. Every buffer is time-major: step t of stream b is row t*B + b.
#pragma once

#include <memory>
#include <vector>

#include "nn/config.hpp"

namespace charrnn {

// One layer's forward caches for a window. Backward reads only these; inspection shows these same
// buffers, so what a learner sees is exactly what was trained.
struct LayerCache {
  int T = 0, B = 0, H = 0, G = 0;
  // (T, B, G*H), one buffer through three lives, to keep training inside a small wasm heap:
  //   before forward: the input projections W_ih x_t + b_ih, written by the layer;
  //   after forward:  the gate activations (RNN h_t; LSTM i,f,g,o; GRU r,z,n);
  //   after backward: ∂L/∂(W_ih x_t + b_ih), each step overwritten once its activations were read.
  std::vector<float> gates;
  // (T, B, G*H) GRU only (its reset gate scales it): W_hh h_{t-1} + b_hh after forward,
  // ∂L/∂(W_hh h_{t-1} + b_hh) after backward. RNN and LSTM: empty, the gradient is the same as gates'.
  std::vector<float> h_proj;
  std::vector<float> h;       // (T+1, B, H) h[0] is the state carried in
  std::vector<float> c;       // (T+1, B, H) LSTM cell state, c[0] carried in

  void resize(CellKind cell, int T, int B, int H);
  float* h_at(int t) { return h.data() + static_cast<std::size_t>(t) * B * H; }
  const float* h_at(int t) const { return h.data() + static_cast<std::size_t>(t) * B * H; }
  float* c_at(int t) { return c.data() + static_cast<std::size_t>(t) * B * H; }
  const float* c_at(int t) const { return c.data() + static_cast<std::size_t>(t) * B * H; }
  // After backward: ∂L/∂(W_hh h_{t-1} + b_hh) for all steps.
  const float* hidden_projection_grad() const { return h_proj.empty() ? gates.data() : h_proj.data(); }
};

// What a cell's backward leaves for its layer to keep.
struct CellGradients {
  std::vector<float> dh, dc;   // (B, H) running ∂L/∂h_{t-1}, ∂L/∂c_{t-1}; after backward: of the carried-in state
  std::vector<float> dh_norm;  // (T) ‖∂L/∂h_t‖ over the batch (Frobenius), from the decoder and the future
  std::vector<float> dc_norm;  // (T) ‖∂L/∂c_t‖, LSTM only
  std::vector<float> scratch;  // (B, H) per-step temporary (LSTM: tanh(c_t), recomputed rather than stored)

  void resize(CellKind cell, int T, int B, int H);
};

class Cell {
 public:
  virtual ~Cell() = default;
  // Turns cache.gates from input projections into activations and fills h[1..T] (c[1..T]) from the
  // carried-in h[0] (c[0]). W_hh_t (H, G*H) is W_hh transposed; b_hh (G*H).
  virtual void forward(LayerCache& cache, const float* W_hh_t, const float* b_hh) const = 0;
  // dh_above (T, B, H): ∂L/∂h_t arriving from the layer above (or the decoder). W_hh (G*H, H).
  // Consumes the cache: gates (and GRU h_proj) become the pre-activation gradients (see LayerCache).
  virtual void backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const float* W_hh) const = 0;
};

std::unique_ptr<Cell> make_cell(CellKind cell);

// Shared by the cells: rows[r] += bias for each of `rows` rows of width n.
void add_bias_rows(float* rows, const float* bias, int count, int n);
// ‖x‖₂ of n floats, accumulated in double.
float l2_norm(const float* x, std::size_t n);

}  // namespace charrnn
