// What a model is (cell, sizes) and the limits the core enforces on it. The UI offers the same limits,
// but the core checks them itself: nothing it is handed can make it allocate without bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace charrnn {

enum class CellKind { rnn, lstm, gru };
// The vanilla RNN's nonlinearity, as PyTorch's nn.RNN(nonlinearity=...). LSTM and GRU are always tanh.
enum class Nonlinearity { tanh, relu };
// What the network is trained to do (ARCHITECTURE.md, "Tasks beyond the language model"): it decides the
// head (how many outputs, read at which steps) and nothing below it; cells and directions never see it.
//   lm       many-to-many: the next character at every step (C = V)
//   spacing  many-to-many: "a space followed this character" at every step (C = 2)
//   classify many-to-one: one label per line, read from the last state (C = number of labels)
enum class TaskKind { lm, spacing, classify };

// Gate blocks stacked in the weight matrices, in PyTorch's order: RNN 1; LSTM 4 (i,f,g,o); GRU 3 (r,z,n).
int gate_count(CellKind cell);
const char* cell_name(CellKind cell);                 // "rnn" | "lstm" | "gru"
CellKind parse_cell(std::string_view name);           // throws Error for anything else
const char* nonlinearity_name(Nonlinearity f);        // "tanh" | "relu"
Nonlinearity parse_nonlinearity(std::string_view name);
const char* task_name(TaskKind task);                 // "lm" | "spacing" | "classify"
TaskKind parse_task(std::string_view name);

struct Limits {
  static constexpr int kMaxHidden = 1024;
  static constexpr int kMaxLayers = 4;
  static constexpr int kMaxSeq = 1024;
  static constexpr int kMaxBatch = 256;
  static constexpr int kMaxLabels = 32;  // classify: a confusion matrix a learner can still read
  // Parameters plus the caches of one training window, in floats: keeps every configuration the core
  // accepts inside a 32-bit WebAssembly heap (2 GiB) with room to spare.
  static constexpr std::size_t kMaxWorkingFloats = std::size_t(320) << 20;  // 1.25 GiB
};

struct ModelShape {
  CellKind cell = CellKind::lstm;
  int vocab_size = 0;
  int hidden_size = 128;
  int num_layers = 1;
  bool bidirectional = false;                     // a second, reversed direction in every layer (not for lm)
  Nonlinearity nonlinearity = Nonlinearity::tanh;  // relu: RNN only
  TaskKind task = TaskKind::lm;
  int labels = 0;                                 // classify: how many labels (2 to kMaxLabels)

  int gates() const { return gate_count(cell); }
  int directions() const { return bidirectional ? 2 : 1; }
  // Width of a layer's output: the forward and (bidirectional) backward states side by side, D·H.
  int output_width() const { return directions() * hidden_size; }
  // Rows of the decoder, C: V for lm, 2 for spacing, the labels for classify.
  int classes() const;
  void validate() const;  // throws Error naming the offending value and its allowed range
};

std::string range_message(const char* what, long long value, long long lo, long long hi);
// Throws the coded form of range_message unless lo ≤ value ≤ hi: code settings.outOfRange, `setting` the
// page's name of the setting (its catalogue key setting.<setting> or engine.name.<setting>).
void require_in_range(const char* setting, const char* what, long long value, long long lo, long long hi);

}  // namespace charrnn
