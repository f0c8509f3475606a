// charrnn train --text FILE [--cell lstm|gru|rnn] [--hidden H] [--layers L] [--seq T] [--batch B]
//   [--steps N] [--lr X] [--optim adam|sgd|rmsprop|adagrad] [--clip X] [--dropout P] [--seed S]
//   [--val-frac F] [--resume MODEL] --out MODEL.safetensors
// --resume continues from a model file (from the CLI or the playground): exactly where it stopped
// when the file holds its training state for this same text, else from its weights and optimizer.
// One JSON object per progress line on stdout.
#include <chrono>
#include <memory>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "api/session.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "util/error.hpp"

namespace charrnn::cli {

int train_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"text", "cell", "hidden", "layers", "seq", "batch", "steps", "lr", "optim", "clip", "dropout",
                         "seed", "val-frac", "out", "log-every", "eval-every", "resume"},
                  {"forget-bias-one"});
  const std::string text_path = args.required("text"), out_path = args.required("out");
  SessionSettings s;
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
  const long long steps = args.integer("steps", 1000, 0, 1LL << 40);
  const long long log_every = args.integer("log-every", 10, 1, 1LL << 40);
  const long long eval_every = args.integer("eval-every", 100, 1, 1LL << 40);

  const std::string text = read_file(text_path);
  std::unique_ptr<Session> created;
  if (args.has("resume")) {
    const std::string model = read_file(args.required("resume"));
    created = std::make_unique<Session>(reinterpret_cast<const std::uint8_t*>(model.data()), model.size(), text, s.train,
                                        s.val_frac, true);
  } else {
    created = std::make_unique<Session>(text, s);
  }
  Session& session = *created;
  check_writable(out_path);

  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  auto emit = [](const nlohmann::json& line) { std::cout << line.dump() << '\n' << std::flush; };
  auto add_validation = [&](nlohmann::json& line) {
    const Evaluation v = session.validate();
    if (v.predictions > 0) line["val_loss"] = v.loss, line["val_bpc"] = v.bits_per_char;
  };
  const TextSummary summary = session.text_summary();
  emit({{"event", "start"}, {"characters", summary.characters}, {"vocab_size", summary.vocab_size},
        {"train_characters", summary.train_characters}, {"val_characters", summary.validation_characters},
        {"parameters", session.model().parameters().size()}, {"start_step", session.steps()},
        {"resumed_exactly", session.resumed_exactly()}});

  StepReport last;
  const long long first_step = session.steps();
  for (long long i = 0; i < steps; ++i) {
    last = session.train_step();
    if (last.diverged) {
      write_file_atomically(out_path, session.save(true));
      throw Error("training diverged at step " + std::to_string(last.step + 1) +
                  " (the loss or gradient is not a finite number); the last good model was saved to '" + out_path +
                  "'; try a lower --lr or a smaller --clip");
    }
    const bool log = last.step % log_every == 0 || i + 1 == steps;
    if (!log) continue;
    nlohmann::json line = {{"step", last.step},
                           {"loss", last.loss},
                           {"bpc", last.loss / std::log(2.0)},
                           {"grad_norm", last.grad_norm},
                           {"clipped", last.clipped},
                           {"elapsed_s", seconds()},
                           {"chars_per_sec", static_cast<double>(last.step - first_step) * session.settings().train.seq_len *
                                                 session.settings().train.batch / seconds()}};
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
