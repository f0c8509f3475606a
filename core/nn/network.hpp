// The whole model run over one window: one-hot input (a row gather) → L recurrent layers → linear
// decoder → softmax cross-entropy; and its backward pass (truncated BPTT within the window).
// Dropout sits only on non-recurrent connections: on each layer's input from the layer below and on
// the decoder's input; the recurrent path h_{t-1} → h_t never sees it.
// B batch (parallel streams), T steps, H hidden, G gates, V vocab, L layers, N = T·B predictions.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "nn/cells/cell.hpp"
#include "nn/model.hpp"

namespace charrnn {

// Hidden (and LSTM cell) state of B streams, carried from one window to the next.
struct RecurrentState {
  int layers = 0, batch = 0, hidden = 0;
  std::vector<float> h;  // (L, B, H)
  std::vector<float> c;  // (L, B, H), LSTM only

  void reset(const ModelShape& shape, int batch);  // zeros
  float* h_of(int l) { return h.data() + static_cast<std::size_t>(l) * batch * hidden; }
  float* c_of(int l) { return c.data() + static_cast<std::size_t>(l) * batch * hidden; }
  bool finite() const;
};

class Network {
 public:
  Network(const ModelShape& shape, int max_steps, int batch);

  int batch() const { return B_; }
  int max_steps() const { return max_T_; }
  int steps() const { return T_; }  // of the last forward

  // inputs, targets: (T, B) vocabulary indices, time-major, T ≤ max_steps. `state` is carried in and
  // left at the window's last step. With targets, returns the mean cross-entropy in nats and keeps
  // what backward needs; without, returns 0 and leaves logits(). dropout > 0 (training) draws fresh
  // masks from rng.
  double forward(const Model& model, int T, const std::int32_t* inputs, const std::int32_t* targets,
                 RecurrentState& state, float dropout = 0.f, Rng* rng = nullptr);

  // Accumulates ∂(mean loss)/∂θ of the last forward (which had targets) into grads (model layout).
  // With only_last_step, the loss is that of the window's last step alone (mean over the batch):
  // the per-step norms then show how far one prediction's gradient reaches back in time.
  void backward(const Model& model, std::vector<float>& grads, bool only_last_step = false);

  // After forward (not after backward, which consumes them): per layer caches; (N, V) logits (or
  // probabilities after a forward with targets).
  const LayerCache& layer(int l) const { return caches_[static_cast<std::size_t>(l)]; }
  const std::vector<float>& outputs() const { return logits_; }
  // After backward: per layer ‖∂L/∂h_t‖, ‖∂L/∂c_t‖ and ∂L/∂(carried-in state).
  const CellGradients& layer_gradients(int l) const { return cell_grads_[static_cast<std::size_t>(l)]; }

  // Test hook: a dropout mask to reuse instead of drawing one (finite-difference checks need the same
  // mask in every evaluation). Site l < L masks layer l's input (l ≥ 1); site L masks the decoder input.
  void freeze_dropout_masks(bool frozen) { masks_frozen_ = frozen; }
  const std::vector<float>& dropout_mask(int site) const { return masks_[static_cast<std::size_t>(site)]; }

 private:
  const float* layer_input(int l) const;  // (N, H) input of layer l ≥ 1, after dropout
  const float* decoder_input() const;     // (N, H)
  void apply_dropout(int site, const float* h, float p, Rng* rng);

  ModelShape shape_;
  int max_T_, B_, T_ = 0;
  std::unique_ptr<Cell> cell_;
  std::vector<LayerCache> caches_;
  std::vector<CellGradients> cell_grads_;
  std::vector<std::int32_t> inputs_, targets_;     // (N) of the last forward
  std::vector<float> logits_;                      // (N, V) logits → probabilities → ∂L/∂logits
  std::vector<std::vector<float>> masks_, dropped_;  // per site (N, H): 0 or 1/(1-p); input ⊙ mask
  bool dropout_active_ = false, masks_frozen_ = false;
  std::vector<float> d_above_;                     // (N, H) ∂L/∂(a layer's output), flowing down
};

// Floats a Network of this size holds (caches and gradients), for the core's memory limit.
std::size_t network_working_floats(const ModelShape& shape, int steps, int batch);

}  // namespace charrnn
