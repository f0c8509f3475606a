// charrnn eval --model M --text FILE [--seq T] [--strict] → one JSON object, by the model's task:
//   every task: "task", "loss" (nats per scored prediction), "accuracy", "unknown" — the characters of
//              FILE outside the model's vocabulary (cli/unknown_json.hpp). Each is read as an all-zero
//              input and is never a scored target (text/vocab.hpp); --strict refuses them instead (exit 1,
//              naming the first and where it is);
//   lm:        "bpc", "characters" (of FILE), "predictions" — predicting every character after the first,
//              from a zero state (all but the unknown ones: characters - 1 without unknowns);
//   spacing:   "precision", "recall", "f1" of the predicted spaces, "characters" (without spaces),
//              "decisions" (the gaps scored) — FILE is ordinary spaced text, its spaces are the truth;
//              read in windows of T characters (default: the training's, else 64);
//   classify:  "lines", "labels": {label: {"lines", "correct", "predicted"}}, "confusion" (rows: the
//              true label, columns: the decision, label order) — FILE is lines label<TAB>text.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/unknown_json.hpp"
#include "io/model_file.hpp"
#include "tasks/task.hpp"
#include "util/error.hpp"

namespace charrnn::cli {

int eval_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"model", "text", "seq"}, {"strict"});
  const std::string model_bytes = read_file(args.required("model"));
  const std::string text = read_file(args.required("text"));
  const ModelFile file = load_model_file(reinterpret_cast<const std::uint8_t*>(model_bytes.data()), model_bytes.size());
  const ModelShape& shape = file.model->shape();
  const int trained_window = file.training ? file.training->settings.seq_len : 64;
  const int window = static_cast<int>(args.integer("seq", trained_window, 2, Limits::kMaxSeq));
  const auto task = Task::from_text(shape.task, text, 0.f, &file.vocab, &file.labels,
                                    args.has("strict") ? Unknowns::refuse : Unknowns::zero);
  const TaskMetrics m = task->evaluate(*file.model, 1LL << 62, window, /*whole=*/true);
  const TaskTextSummary summary = task->summary();
  if (shape.task == TaskKind::lm && summary.train_characters >= 2)
    require(m.tally.scored > 0, "no character after the first is in the model's vocabulary: there is nothing to score");
  require(m.tally.scored > 0, shape.task == TaskKind::lm ? "the text must have at least 2 characters to predict one from the other"
                                                         : "the text has nothing to score");
  nlohmann::json out = {{"task", task_name(shape.task)}, {"loss", m.loss}, {"accuracy", m.tally.accuracy()},
                        {"unknown", unknown_json(task->unknown())}};
  switch (shape.task) {
    case TaskKind::lm:
      out["bpc"] = m.bits_per_char();
      out["characters"] = summary.train_characters;  // the whole text: nothing is held out here
      out["predictions"] = m.tally.scored;
      break;
    case TaskKind::spacing:
      out["precision"] = m.tally.precision();
      out["recall"] = m.tally.recall();
      out["f1"] = m.tally.f1();
      out["characters"] = summary.train_characters;
      out["decisions"] = m.tally.scored;
      break;
    case TaskKind::classify: {
      const int C = m.classes;
      nlohmann::json labels = nlohmann::json::object(), confusion = nlohmann::json::array();
      for (int y = 0; y < C; ++y) {
        long long lines = 0, predicted = 0;
        nlohmann::json row = nlohmann::json::array();
        for (int c = 0; c < C; ++c) {
          lines += m.confusion[static_cast<std::size_t>(y) * C + c];
          predicted += m.confusion[static_cast<std::size_t>(c) * C + y];
          row.push_back(m.confusion[static_cast<std::size_t>(y) * C + c]);
        }
        labels[file.labels[static_cast<std::size_t>(y)]] = {
            {"lines", lines}, {"correct", m.confusion[static_cast<std::size_t>(y) * C + y]}, {"predicted", predicted}};
        confusion.push_back(row);
      }
      out["lines"] = m.tally.scored;
      out["labels"] = labels;
      out["confusion"] = confusion;
      break;
    }
  }
  std::cout << out.dump() << '\n';
  return 0;
}

}  // namespace charrnn::cli
