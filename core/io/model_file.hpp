// The model file: PyTorch-compatible safetensors (ARCHITECTURE.md, "Model file").
//   rnn.weight_ih_l{k} (G*H, V or H), rnn.weight_hh_l{k} (G*H, H), rnn.bias_ih_l{k} (G*H),
//   rnn.bias_hh_l{k} (G*H), decoder.weight (V, H), decoder.bias (V), all F32;
//   __metadata__: format "charrnn", version, cell, hidden_size, num_layers, vocab (JSON array), and for
//   tasks beyond the language model (ARCHITECTURE.md): task (absent = lm), bidirectional ("true"/"false"),
//   nonlinearity ("tanh"/"relu", RNN only), labels (classify: JSON array, index order).
//   A bidirectional model adds the reverse direction's rnn.*_l{k}_reverse tensors; the decoder is
//   (C, D·H) with C = V (lm), 2 (spacing) or the labels (classify).
// Optional optimizer state: tensors optim.<slot>.<parameter name> (PyTorch's slot names) and metadata
// optim (kind), optim_step, optim_lr and the kind's hyperparameters.
// Optional training state, to continue a run exactly: tensors train.state_h, train.state_c (L, B, H) and
// metadata train_* (settings, place in the text, random state, the text's fingerprint); (L·D, B, H).
// PyTorch loaders that keep only rnn.* and decoder.* ignore both.
// G gates, H hidden, V vocab, L layers, D directions, C head outputs, B batch.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nn/model.hpp"
#include "text/vocab.hpp"
#include "train/optimizer.hpp"
#include "train/trainer.hpp"

namespace charrnn {

struct SavedOptimizer {
  OptimizerSettings settings;
  long long steps = 0;
  std::vector<OptimizerSlot> slots;  // PyTorch slot names, model parameter layout
};

struct SavedTraining {
  TrainSettings settings;      // its optimizer part is SavedOptimizer's
  float val_frac = 0.1f;
  std::string text_fingerprint;  // of the text it was training on (Corpus::fingerprint)
  TrainingProgress progress;
};

struct ModelFile {
  std::unique_ptr<Model> model;  // its shape carries the task, directions and nonlinearity
  Vocab vocab;
  std::vector<std::string> labels;  // classify, index order
  std::optional<SavedOptimizer> optimizer;
  std::optional<SavedTraining> training;  // only with optimizer state
  std::map<std::string, std::string> metadata;  // everything in __metadata__, for callers' own keys
};

inline constexpr const char* kModelFormatVersion = "1";

// extra_metadata must not use the reserved keys above. training needs optimizer. labels: a classifier's.
std::vector<std::uint8_t> save_model_file(const Model& model, const Vocab& vocab, const Optimizer* optimizer = nullptr,
                                          const SavedTraining* training = nullptr,
                                          const std::map<std::string, std::string>& extra_metadata = {},
                                          const std::vector<std::string>& labels = {});

// Throws Error("model file: ...") naming the first problem. Needs only the "vocab" metadata (and, for a
// classifier, "task" and "labels"); cell, sizes, layer count and directions are read from the tensors'
// shapes (and checked against metadata when given), so a file saved from PyTorch with just the
// vocabulary loads.
ModelFile load_model_file(const std::uint8_t* data, std::size_t size);

}  // namespace charrnn
