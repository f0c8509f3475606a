// What a model is (cell, sizes) and the limits the core enforces on it. The UI offers the same limits,
// but the core checks them itself: nothing it is handed can make it allocate without bound.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace charrnn {

enum class CellKind { rnn, lstm, gru };

// Gate blocks stacked in the weight matrices, in PyTorch's order: RNN 1; LSTM 4 (i,f,g,o); GRU 3 (r,z,n).
int gate_count(CellKind cell);
const char* cell_name(CellKind cell);                 // "rnn" | "lstm" | "gru"
CellKind parse_cell(std::string_view name);           // throws Error for anything else

struct Limits {
  static constexpr int kMaxHidden = 1024;
  static constexpr int kMaxLayers = 4;
  static constexpr int kMaxSeq = 1024;
  static constexpr int kMaxBatch = 256;
  // Parameters plus the caches of one training window, in floats: keeps every configuration the core
  // accepts inside a 32-bit WebAssembly heap (2 GiB) with room to spare.
  static constexpr std::size_t kMaxWorkingFloats = std::size_t(320) << 20;  // 1.25 GiB
};

struct ModelShape {
  CellKind cell = CellKind::lstm;
  int vocab_size = 0;
  int hidden_size = 128;
  int num_layers = 1;

  int gates() const { return gate_count(cell); }
  void validate() const;  // throws Error naming the offending value and its allowed range
};

std::string range_message(const char* what, long long value, long long lo, long long hi);

}  // namespace charrnn
