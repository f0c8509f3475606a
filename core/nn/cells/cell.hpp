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
  std::vector<float> pre;     // (T, B, G*H) W_ih x_t + b_ih, written by the layer before the cell runs
  std::vector<float> h_proj;  // (T, B, G*H) W_hh h_{t-1} + b_hh: GRU only (its reset gate scales it)
  std::vector<float> gates;   // (T, B, G*H) activations: RNN h_t; LSTM i,f,g,o; GRU r,z,n
  std::vector<float> h;       // (T+1, B, H) h[0] is the state carried in
  std::vector<float> c;       // (T+1, B, H) LSTM cell state, c[0] carried in
  std::vector<float> tanh_c;  // (T, B, H) LSTM tanh(c_t)

  void resize(CellKind cell, int T, int B, int H);
  float* h_at(int t) { return h.data() + static_cast<std::size_t>(t) * B * H; }
  const float* h_at(int t) const { return h.data() + static_cast<std::size_t>(t) * B * H; }
  float* c_at(int t) { return c.data() + static_cast<std::size_t>(t) * B * H; }
  const float* c_at(int t) const { return c.data() + static_cast<std::size_t>(t) * B * H; }
};

// What a cell's backward produces for its layer.
struct CellGradients {
  std::vector<float> d_pre;    // (T, B, G*H) ∂L/∂(W_ih x_t + b_ih), pre-activation
  std::vector<float> d_hproj;  // (T, B, G*H) ∂L/∂(W_hh h_{t-1} + b_hh); RNN and LSTM: identical to d_pre, left empty
  std::vector<float> dh, dc;   // (B, H) running ∂L/∂h_{t-1}, ∂L/∂c_{t-1}; after backward: of the carried-in state
  std::vector<float> dh_norm;  // (T) ‖∂L/∂h_t‖ over the batch (Frobenius), from the decoder and the future
  std::vector<float> dc_norm;  // (T) ‖∂L/∂c_t‖, LSTM only

  void resize(CellKind cell, int T, int B, int H);
  const std::vector<float>& hidden_projection_grad() const { return d_hproj.empty() ? d_pre : d_hproj; }
};

class Cell {
 public:
  virtual ~Cell() = default;
  // Fills gates and h[1..T] (c[1..T], tanh_c) from cache.pre and the carried-in h[0] (c[0]).
  // W_hh_t (H, G*H) is W_hh transposed; b_hh (G*H).
  virtual void forward(LayerCache& cache, const float* W_hh_t, const float* b_hh) const = 0;
  // dh_above (T, B, H): ∂L/∂h_t arriving from the layer above (or the decoder). W_hh (G*H, H).
  virtual void backward(CellGradients& grads, const float* dh_above, const LayerCache& cache,
                        const float* W_hh) const = 0;
};

std::unique_ptr<Cell> make_cell(CellKind cell);

// Shared by the cells: rows[r] += bias for each of `rows` rows of width n.
void add_bias_rows(float* rows, const float* bias, int count, int n);
// ‖x‖₂ of n floats, accumulated in double.
float l2_norm(const float* x, std::size_t n);

}  // namespace charrnn
