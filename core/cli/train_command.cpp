// charrnn train --text FILE [--task lm|spacing|classify] [--bidirectional] [--nonlinearity tanh|relu]
//   [--cell lstm|gru|rnn] [--hidden H] [--layers L] [--seq T] [--batch B] [--steps N] [--lr X]
//   [--optim adam|sgd|rmsprop|adagrad] [--clip X] [--dropout P] [--seed S] [--val-frac F] [--resume MODEL]
//   --out MODEL.safetensors
// --task spacing learns where the spaces of FILE go; --task classify reads FILE as lines label<TAB>text.
// --resume continues from a model file (from the CLI or the playground): exactly where it stopped
// when the file holds its training state for this same text, else from its weights and optimizer; the
// task, directions and nonlinearity are the file's.
// One JSON object per progress line on stdout.
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "api/session.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/unknown_json.hpp"
#include "io/model_file.hpp"
#include "util/error.hpp"

namespace charrnn::cli {
namespace {

// The scores of a task, under a prefix ("" for a training batch, "val_" for held-out text).
void add_scores(nlohmann::json& line, const std::string& prefix, TaskKind task, double loss, const Tally& tally) {
  line[prefix + "loss"] = loss;
  line[prefix + "accuracy"] = tally.accuracy();
  if (task == TaskKind::lm) line[prefix + "bpc"] = loss / std::log(2.0);
  if (task == TaskKind::spacing) {
    line[prefix + "precision"] = tally.precision();
    line[prefix + "recall"] = tally.recall();
    line[prefix + "f1"] = tally.f1();
  }
}

SessionSettings settings_from(const Args& args) {
  SessionSettings s;
  s.task = parse_task(args.text("task", "lm"));
  s.bidirectional = args.has("bidirectional");
  s.nonlinearity = parse_nonlinearity(args.text("nonlinearity", "tanh"));
  s.cell = parse_cell(args.text("cell", "lstm"));
  s.hidden_size = static_cast<int>(args.integer("hidden", 128, 1, Limits::kMaxHidden));
  s.num_layers = static_cast<int>(args.integer("layers", 1, 1, Limits::kMaxLayers));
  s.train.seq_len = static_cast<int>(args.integer("seq", 64, 1, Limits::kMaxSeq));
  s.train.batch = static_cast<int>(args.integer("batch", 32, 1, Limits::kMaxBatch));
  s.train.optimizer.kind = parse_optimizer(args.text("optim", "adam"));
  s.train.optimizer.lr = static_cast<float>(args.number("lr", 2e-3, 1e-12, 10));
  s.train.clip = static_cast<float>(args.number("clip", 5, 0, 1e6));
  s.train.dropout = static_cast<float>(args.number("dropout", 0, 0, 0.9));
  s.train.seed = args.seed("seed", 1);
  s.val_frac = static_cast<float>(args.number("val-frac", 0.1, 0, 0.5));
  s.forget_bias_one = args.has("forget-bias-one");
  return s;
}

}  // namespace

int train_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"text", "task", "nonlinearity", "cell", "hidden", "layers", "seq", "batch", "steps", "lr", "optim",
                         "clip", "dropout", "seed", "val-frac", "out", "log-every", "eval-every", "resume"},
                  {"forget-bias-one", "bidirectional"});
  const std::string text_path = args.required("text"), out_path = args.required("out");
  const SessionSettings s = settings_from(args);
  const long long steps = args.integer("steps", 1000, 0, 1LL << 40);
  const long long log_every = args.integer("log-every", 10, 1, 1LL << 40);
  const long long eval_every = args.integer("eval-every", 100, 1, 1LL << 40);

  const std::string text = read_file(text_path);
  std::unique_ptr<Session> created;
  if (args.has("resume")) {
    const std::string model = read_file(args.required("resume"));
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(model.data());
    const TaskKind task = load_model_file(bytes, model.size()).model->shape().task;  // before the text is read as one
    require(!args.has("task") || s.task == task, "the model to resume is of task " + std::string(task_name(task)) +
                                                     ", not " + task_name(s.task) + " (--task is the file's when resuming)");
    created = std::make_unique<Session>(bytes, model.size(), text, s.train, s.val_frac, true);
  } else {
    created = std::make_unique<Session>(text, s);
  }
  Session& session = *created;
  const TaskKind task = session.task();
  check_writable(out_path);

  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  auto emit = [](const nlohmann::json& line) { std::cout << line.dump() << '\n' << std::flush; };
  auto add_validation = [&](nlohmann::json& line) {
    const TaskMetrics v = session.validate();
    if (v.tally.scored > 0) add_scores(line, "val_", task, v.loss, v.tally);
  };
  const TextSummary summary = session.text_summary();
  nlohmann::json begin = {{"event", "start"}, {"task", task_name(task)}, {"characters", summary.characters},
                          {"vocab_size", summary.vocab_size}, {"train_characters", summary.train_characters},
                          {"val_characters", summary.validation_characters}, {"train_examples", summary.train_examples},
                          {"val_examples", summary.validation_examples}, {"parameters", session.model().parameters().size()},
                          {"start_step", session.steps()}, {"resumed_exactly", session.resumed_exactly()},
                          {"unknown", unknown_json(session.unknown_characters())}};  // --resume on another text
  if (task == TaskKind::classify) begin["labels"] = session.labels();
  emit(begin);

  StepReport last;
  long long characters = 0;
  for (long long i = 0; i < steps; ++i) {
    last = session.train_step();
    if (last.diverged) {
      write_file_atomically(out_path, session.save(true));
      throw Error("training diverged at step " + std::to_string(last.step + 1) +
                  " (the loss or gradient is not a finite number); the last good model was saved to '" + out_path +
                  "'; try a lower --lr or a smaller --clip");
    }
    characters += last.characters;
    const bool log = last.step % log_every == 0 || i + 1 == steps;
    if (!log) continue;
    nlohmann::json line = {{"step", last.step}, {"grad_norm", last.grad_norm}, {"clipped", last.clipped},
                           {"elapsed_s", seconds()}, {"chars_per_sec", static_cast<double>(characters) / seconds()}};
    add_scores(line, "", task, last.loss, last.tally);
    if (last.step % eval_every == 0 || i + 1 == steps) add_validation(line);
    emit(line);
  }
  write_file_atomically(out_path, session.save(true));
  nlohmann::json done = {{"event", "done"}, {"steps", session.steps()}, {"out", out_path}, {"elapsed_s", seconds()}};
  if (session.steps() > 0) done["loss"] = last.loss;
  add_validation(done);
  emit(done);
  return 0;
}

}  // namespace charrnn::cli
