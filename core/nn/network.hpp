// The whole model run over one batch: one-hot input (a row gather) → L recurrent layers, each with one
// or two directions → the task's head (a linear decoder) → softmax cross-entropy; and its backward pass
// (truncated BPTT within the batch).
// The recurrent stack is task-agnostic: it turns a batch of sequences (SequenceLayout) into the top
// layer's output, [forward | backward] per row. The head is the task's (nn/heads.hpp): every step
// (lm, spacing) or once per sequence from the last states (classify).
// Dropout sits only on non-recurrent connections: on each layer's input from the layer below and on
// the head's input; the recurrent path h_{t-1} → h_t never sees it.
// B batch (sequences), T steps, N rows (Σ lengths; T·B when uniform), H hidden, D directions, G gates,
// V vocab, C head outputs, L layers, M head rows (N every step, B once per sequence).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "nn/cells/cell.hpp"
#include "nn/model.hpp"
#include "nn/sequence_layout.hpp"

namespace charrnn {

// Hidden (and LSTM cell) state of B streams, carried from one window to the next. One slot per layer
// and direction, layer-major (PyTorch's h_0 / h_n order: slot l·D + d).
struct RecurrentState {
  int layers = 0, batch = 0, hidden = 0;  // layers counts slots: L·D
  std::vector<float> h;  // (L·D, B, H)
  std::vector<float> c;  // (L·D, B, H), LSTM only

  void reset(const ModelShape& shape, int batch);  // zeros
  float* h_of(int slot) { return h.data() + static_cast<std::size_t>(slot) * batch * hidden; }
  float* c_of(int slot) { return c.data() + static_cast<std::size_t>(slot) * batch * hidden; }
  const float* h_of(int slot) const { return h.data() + static_cast<std::size_t>(slot) * batch * hidden; }
  bool finite() const;
};

class Network {
 public:
  Network(const ModelShape& shape, int max_steps, int batch);

  int batch() const { return B_; }
  int max_steps() const { return max_T_; }
  int steps() const { return layout_.steps(); }  // of the last forward
  const SequenceLayout& layout() const { return layout_; }

  // The model on a batch laid out by `layout` (at most max_steps steps and batch sequences). inputs:
  // (N) vocabulary indices in row order; kUnknown (-1) is an all-zero one-hot column (text/vocab.hpp). targets: (M) class indices, -1 for a row that is not scored
  // (spacing's unscored gaps); or null. state: carried in and left at each sequence's last step; null
  // starts every direction from zeros. With targets, returns the mean cross-entropy in nats over the
  // scored rows and keeps what backward needs; without, returns 0 and leaves logits in outputs().
  // dropout > 0 (training) draws fresh masks from rng.
  double forward(const Model& model, const SequenceLayout& layout, const std::int32_t* inputs,
                 const std::int32_t* targets, RecurrentState* state, float dropout = 0.f, Rng* rng = nullptr);
  // The same for a uniform (T, B) time-major window: the language model's and spacing's training step.
  double forward(const Model& model, int T, const std::int32_t* inputs, const std::int32_t* targets,
                 RecurrentState& state, float dropout = 0.f, Rng* rng = nullptr);

  // Accumulates ∂(mean loss)/∂θ of the last forward (which had targets) into grads (model layout).
  // With only_last_step (every-step heads, uniform batches), the loss is that of the batch's last step
  // alone (mean over its scored rows): the per-step norms then show how far one prediction's gradient
  // reaches back in time.
  // denominator > 0: the mean is over that many scored rows instead of this batch's own (a data-parallel
  // replica's share of a larger batch: the shares' gradients then sum to the whole batch's).
  void backward(const Model& model, std::vector<float>& grads, bool only_last_step = false, long long denominator = 0);
  // Σ cross-entropy (nats) over the scored rows of the last forward with targets; forward returns its mean.
  double loss_sum() const { return loss_sum_; }

  // After forward (not after backward, which consumes them): the caches of layer l, direction d (the
  // backward direction's rows are in its own, reversed order); (M, C) logits, or probabilities after a
  // forward with targets; (M, D·H) what the head read.
  const LayerCache& layer(int l, int d = 0) const { return caches_[slot(l, d)]; }
  const std::vector<float>& outputs() const { return logits_; }
  const float* head_input() const;
  int head_rows() const;
  // After backward: per layer and direction ‖∂L/∂h_t‖, ‖∂L/∂c_t‖ and ∂L/∂(carried-in state).
  const CellGradients& layer_gradients(int l, int d = 0) const { return cell_grads_[slot(l, d)]; }

  // Inspection: keep every gate's pre-activation in the caches (LayerCache::pre) from the next forward on.
  void keep_pre_activations(bool keep) { keep_pre_ = keep; }

  // Test hook: a dropout mask to reuse instead of drawing one (finite-difference checks need the same
  // mask in every evaluation). Site l < L masks layer l's input (l ≥ 1); site L masks the head's input.
  // Each mask is (N, D·H) in row order.
  void freeze_dropout_masks(bool frozen) { masks_frozen_ = frozen; }
  const std::vector<float>& dropout_mask(int site) const { return masks_[static_cast<std::size_t>(site)]; }

 private:
  std::size_t slot(int l, int d) const { return static_cast<std::size_t>(l * shape_.directions() + d); }
  void run_layer(const Model& model, int l, RecurrentState* state);
  void backward_layer(const Model& model, int l, const float* d_out, std::vector<float>& grads);
  void combine_output(int l, float p, Rng* rng);  // layer l's [forward | backward] → site l + 1, with dropout
  const float* site_output(int site) const;       // (N, D·H) input of layer `site` (or the head's: site L)
  const float* direction_input(int l, int d);     // (N, In) layer l's input in direction d's row order

  ModelShape shape_;
  int max_T_, B_;
  SequenceLayout layout_;
  std::unique_ptr<Cell> cell_;
  std::vector<LayerCache> caches_;                   // (L·D)
  std::vector<CellGradients> cell_grads_;            // (L·D)
  std::vector<std::int32_t> inputs_, targets_;       // (N), (M) of the last forward
  std::vector<std::vector<float>> outputs_;          // per site 1..L (N, D·H); empty: the cache's own output
  std::vector<std::vector<float>> masks_;            // per site (N, D·H): 0 or 1/(1-p)
  std::vector<float> reversed_;                      // (N, In) a layer's input in the backward direction's order
  std::vector<float> head_in_;                       // (B, D·H) classify: the states the head reads
  std::vector<float> logits_;                        // (M, C) logits → probabilities → ∂L/∂logits
  std::vector<float> d_out_, d_in_, d_dir_;          // (N, D·H), (N, D·H), (N, H): gradients flowing down
  long long scored_ = 0;                             // rows with a target ≥ 0 in the last forward
  double loss_sum_ = 0;                              // their Σ cross-entropy
  bool dropout_active_ = false, masks_frozen_ = false, keep_pre_ = false;
};

// Floats a Network of this size holds (caches and gradients), for the core's memory limit.
std::size_t network_working_floats(const ModelShape& shape, int steps, int batch);

}  // namespace charrnn
