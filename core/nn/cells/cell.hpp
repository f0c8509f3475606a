// The recurrent cells. Each one lives in its own file with forward directly followed by backward,
// following PyTorch's equations, gate order and two-bias form (see ARCHITECTURE.md, "Numerics").
// A cell runs one direction of one layer over a batch laid out by a SequenceLayout: at step t it works
// on the first rows_at(t) sequences only (all B when the batch is uniform). It knows neither the task
// nor the direction: the backward direction is the same cell over rows in reversed order.
// B batch, T steps, N rows (Σ lengths), H hidden, G gates. Row (t, b) of a buffer is first_row(t) + b.
#pragma once

#include <memory>
#include <vector>

#include "kernels/gemm.hpp"
#include "nn/config.hpp"
#include "nn/sequence_layout.hpp"

namespace charrnn {

// One layer's (one direction's) forward caches for a batch. Backward reads only these; inspection shows
// these same buffers, so what a learner sees is exactly what was trained.
struct LayerCache {
  int T = 0, B = 0, H = 0, G = 0;
  const SequenceLayout* layout = nullptr;
  // (N, G*H), one buffer through three lives, to keep training inside a small wasm heap:
  //   before forward: the input projections W_ih x_t + b_ih, written by the layer;
  //   after forward:  the gate activations (RNN h_t; LSTM i,f,g,o; GRU r,z,n);
  //   after backward: ∂L/∂(W_ih x_t + b_ih), each step overwritten once its activations were read.
  std::vector<float> gates;
  // (N, G*H) GRU only (its reset gate scales it): W_hh h_{t-1} + b_hh after forward,
  // ∂L/∂(W_hh h_{t-1} + b_hh) after backward. RNN and LSTM: empty, the gradient is the same as gates'.
  std::vector<float> h_proj;
  // (N, G*H) only when asked for (inspection): each gate's pre-activation, copied by forward the moment
  // before its nonlinearity (GRU n: W_in x + b_in + r ⊙ (W_hn h + b_hn)). Training leaves it empty.
  std::vector<float> pre;
  std::vector<float> h;       // (B + N, H): rows 0..B the state carried in, then h_t of every row
  std::vector<float> c;       // (B + N, H) LSTM cell state, laid out as h

  void resize(CellKind cell, const SequenceLayout& layout, int H, bool keep_pre_activations = false);
  int rows(int t) const { return layout->rows_at(t); }
  std::size_t first(int t) const { return static_cast<std::size_t>(layout->first_row(t)); }
  // State after step t - 1 (t = 0: carried in); its first rows(t) rows are the previous state of step t.
  float* h_at(int t) { return h.data() + state_row(t) * H; }
  const float* h_at(int t) const { return h.data() + state_row(t) * H; }
  float* c_at(int t) { return c.data() + state_row(t) * H; }
  const float* c_at(int t) const { return c.data() + state_row(t) * H; }
  float* gates_at(int t) { return gates.data() + first(t) * G * H; }
  float* pre_at(int t) { return pre.empty() ? nullptr : pre.data() + first(t) * G * H; }
  // (N, H): the layer's output h_t for every row, in row order.
  const float* output() const { return h.data() + static_cast<std::size_t>(B) * H; }
  // After backward: ∂L/∂(W_hh h_{t-1} + b_hh) for all rows.
  const float* hidden_projection_grad() const { return h_proj.empty() ? gates.data() : h_proj.data(); }

 private:
  std::size_t state_row(int t) const { return t == 0 ? 0 : static_cast<std::size_t>(B) + first(t - 1); }
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
  // Turns cache.gates from input projections into activations and fills h_t (c_t) of every row from
  // the carried-in state. W_hh_t (H, G*H) is W_hh transposed, packed; b_hh (G*H).
  virtual void forward(LayerCache& cache, const PackedMatrix& W_hh_t, const float* b_hh) const = 0;
  // dh_above (N, H): ∂L/∂h_t arriving from the layer above (or the head). W_hh (G*H, H), packed.
  // Consumes the cache: gates (and GRU h_proj) become the pre-activation gradients (see LayerCache).
  virtual void backward(CellGradients& grads, const float* dh_above, LayerCache& cache, const PackedMatrix& W_hh) const = 0;
};

std::unique_ptr<Cell> make_cell(const ModelShape& shape);

// Shared by the cells: rows[r] += bias for each of `rows` rows of width n.
void add_bias_rows(float* rows, const float* bias, int count, int n);
// ‖x‖₂ of n floats, accumulated in double.
float l2_norm(const float* x, std::size_t n);

}  // namespace charrnn
