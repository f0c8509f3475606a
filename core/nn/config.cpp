#include "nn/config.hpp"

#include "util/error.hpp"

namespace charrnn {

int gate_count(CellKind cell) {
  switch (cell) {
    case CellKind::rnn: return 1;
    case CellKind::lstm: return 4;
    case CellKind::gru: return 3;
  }
  return 1;
}

const char* cell_name(CellKind cell) {
  switch (cell) {
    case CellKind::rnn: return "rnn";
    case CellKind::lstm: return "lstm";
    case CellKind::gru: return "gru";
  }
  return "?";
}

CellKind parse_cell(std::string_view name) {
  if (name == "rnn") return CellKind::rnn;
  if (name == "lstm") return CellKind::lstm;
  if (name == "gru") return CellKind::gru;
  throw Error("unknown cell '" + std::string(name) + "' (expected rnn, lstm or gru)");
}

std::string range_message(const char* what, long long value, long long lo, long long hi) {
  return std::string(what) + " is " + std::to_string(value) + "; it must be between " + std::to_string(lo) +
         " and " + std::to_string(hi);
}

void ModelShape::validate() const {
  require(vocab_size >= 1 && vocab_size <= 65536, range_message("vocabulary size", vocab_size, 1, 65536));
  require(hidden_size >= 1 && hidden_size <= Limits::kMaxHidden,
          range_message("hidden size", hidden_size, 1, Limits::kMaxHidden));
  require(num_layers >= 1 && num_layers <= Limits::kMaxLayers,
          range_message("number of layers", num_layers, 1, Limits::kMaxLayers));
}

}  // namespace charrnn
