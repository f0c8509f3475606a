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
  throw Error("settings.unknownChoice", {{"setting", "cell"}, {"value", std::string(name)}, {"expected", "rnn, lstm, gru"}},
              "unknown cell '" + std::string(name) + "' (expected rnn, lstm or gru)");
}

const char* nonlinearity_name(Nonlinearity f) { return f == Nonlinearity::relu ? "relu" : "tanh"; }

Nonlinearity parse_nonlinearity(std::string_view name) {
  if (name == "tanh") return Nonlinearity::tanh;
  if (name == "relu") return Nonlinearity::relu;
  throw Error("settings.unknownChoice", {{"setting", "nonlinearity"}, {"value", std::string(name)}, {"expected", "tanh, relu"}},
              "unknown nonlinearity '" + std::string(name) + "' (expected tanh or relu)");
}

const char* task_name(TaskKind task) {
  switch (task) {
    case TaskKind::lm: return "lm";
    case TaskKind::spacing: return "spacing";
    case TaskKind::classify: return "classify";
  }
  return "?";
}

TaskKind parse_task(std::string_view name) {
  if (name == "lm") return TaskKind::lm;
  if (name == "spacing") return TaskKind::spacing;
  if (name == "classify") return TaskKind::classify;
  throw Error("settings.unknownChoice", {{"setting", "task"}, {"value", std::string(name)}, {"expected", "lm, spacing, classify"}},
              "unknown task '" + std::string(name) + "' (expected lm, spacing or classify)");
}

int ModelShape::classes() const {
  switch (task) {
    case TaskKind::lm: return vocab_size;
    case TaskKind::spacing: return 2;
    case TaskKind::classify: return labels;
  }
  return vocab_size;
}

std::string range_message(const char* what, long long value, long long lo, long long hi) {
  return std::string(what) + " is " + std::to_string(value) + "; it must be between " + std::to_string(lo) +
         " and " + std::to_string(hi);
}

void require_in_range(const char* setting, const char* what, long long value, long long lo, long long hi) {
  if (value >= lo && value <= hi) return;
  throw Error("settings.outOfRange",
              {{"setting", setting}, {"value", std::to_string(value)}, {"min", std::to_string(lo)}, {"max", std::to_string(hi)}},
              range_message(what, value, lo, hi));
}

void ModelShape::validate() const {
  require_in_range("vocabSize", "vocabulary size", vocab_size, 1, 65536);
  require_in_range("hiddenSize", "hidden size", hidden_size, 1, Limits::kMaxHidden);
  require_in_range("numLayers", "number of layers", num_layers, 1, Limits::kMaxLayers);
  const std::string gated = cell == CellKind::lstm ? "LSTM" : "GRU";
  require(nonlinearity == Nonlinearity::tanh || cell == CellKind::rnn, "settings.reluNeedsRnn", {{"cell", gated}},
          std::string("the nonlinearity relu is for the vanilla RNN only; an ") + cell_name(cell) +
              " uses sigmoid gates and tanh by its definition");
  // Predicting the next character while a backward direction has already read it would be cheating:
  // the model would learn to copy, and its loss would say nothing about the text.
  require(!(bidirectional && task == TaskKind::lm), "settings.bidirectionalLm", {},
          "a language model cannot be bidirectional: its backward direction would read the very character it "
          "must predict; use the task spacing or classify for a bidirectional network");
  if (task == TaskKind::classify)
    require_in_range("labels", "number of labels", labels, 2, Limits::kMaxLabels);
}

}  // namespace charrnn
