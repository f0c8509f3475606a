// project-native contender: trains one configuration with charrnn::Session (the same core the wasm
// module wraps) and prints one JSON line that bench/run.mjs reads. Same protocol as the JS contenders
// (bench/lib/timing.mjs): warm-up (at least --warmup-steps steps and --warmup-seconds), then steps until
// --timed-seconds have passed; or, with --interleaved 1, BENCH_READY after the warm-up and timed slices on
// "run SECONDS" from stdin until "finish". Characters per second count the characters of the timed
// slices' batches (B·T per step for the windows of lm and spacing; classify: its lines).
//   charrnn_bench_native --corpus FILE --cell lstm --hidden 128 --layers 1 --seq 64 --batch 32
//                        [--task lm|spacing|classify] [--bidirectional 0|1]
//                        [--warmup-seconds 2] [--warmup-steps 3] [--timed-seconds 10] [--seed 1] [--interleaved 1]
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "api/session.hpp"
#include "kernels/simd.hpp"

namespace {

struct Options {
  std::string corpus, cell = "lstm", task = "lm";
  bool bidirectional = false;
  int hidden = 128, layers = 1, seq = 64, batch = 32, warmup_steps = 3;
  double warmup_seconds = 2, timed_seconds = 10;
  unsigned long long seed = 1;
  bool interleaved = false;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--corpus") o.corpus = value;
    else if (key == "--cell") o.cell = value;
    else if (key == "--task") o.task = value;
    else if (key == "--bidirectional") o.bidirectional = value == "1";
    else if (key == "--hidden") o.hidden = std::stoi(value);
    else if (key == "--layers") o.layers = std::stoi(value);
    else if (key == "--seq") o.seq = std::stoi(value);
    else if (key == "--batch") o.batch = std::stoi(value);
    else if (key == "--warmup-steps") o.warmup_steps = std::stoi(value);
    else if (key == "--warmup-seconds") o.warmup_seconds = std::stod(value);
    else if (key == "--timed-seconds") o.timed_seconds = std::stod(value);
    else if (key == "--seed") o.seed = std::stoull(value);
    else if (key == "--interleaved") o.interleaved = value == "1";
    else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      std::exit(2);
    }
  }
  if (o.corpus.empty()) {
    std::fprintf(stderr, "--corpus FILE is required\n");
    std::exit(2);
  }
  return o;
}

// Bytes malloc has handed out and not taken back: exact, unlike the wasm heap size, which grows in steps.
long long malloc_in_use() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<long long>(info.uordblks + info.hblkhd);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  std::ifstream file(o.corpus, std::ios::binary);
  if (!file) {
    std::fprintf(stderr, "cannot read %s\n", o.corpus.c_str());
    return 1;
  }
  std::stringstream text;
  text << file.rdbuf();

  charrnn::SessionSettings settings;
  settings.task = charrnn::parse_task(o.task);
  settings.bidirectional = o.bidirectional;
  settings.cell = charrnn::parse_cell(o.cell);
  settings.hidden_size = o.hidden;
  settings.num_layers = o.layers;
  settings.forget_bias_one = settings.cell == charrnn::CellKind::lstm;  // as Keras' unitForgetBias default
  settings.val_frac = 0;
  settings.train.seq_len = o.seq;
  settings.train.batch = o.batch;
  settings.train.optimizer.kind = charrnn::OptimizerKind::adam;
  settings.train.optimizer.lr = 2e-3f;
  settings.train.clip = 0;  // off: every contender runs plain Adam
  settings.train.dropout = 0;
  settings.train.seed = o.seed;

  try {
    charrnn::Session session(text.str(), settings);
    // The first step's loss, and the last kTail ones in a ring: nothing grows while training is timed.
    constexpr long long kTail = 10;
    std::array<double, kTail> tail{};
    double loss_before = 0;
    long long steps = 0, characters = 0;
    auto train = [&] {
      const charrnn::StepReport r = session.train_step();
      if (r.diverged) throw std::runtime_error("training diverged at step " + std::to_string(r.step));
      if (steps == 0) loss_before = r.loss;
      characters += r.characters;
      tail[steps++ % kTail] = r.loss;
    };
    const auto warm_start = std::chrono::steady_clock::now();
    while (steps < o.warmup_steps || seconds_since(warm_start) < o.warmup_seconds) train();
    const long long warmup_steps = steps;
    long long in_use_after_warmup = malloc_in_use();

    double timed = 0;
    long long timed_characters = 0;
    auto slice = [&](double seconds) {
      const long long before = steps, characters_before = characters;
      const auto start = std::chrono::steady_clock::now();
      double elapsed = 0;
      while (elapsed < seconds) {
        train();
        elapsed = seconds_since(start);
      }
      timed += elapsed;
      timed_characters += characters - characters_before;
      return std::make_tuple(steps - before, elapsed, characters - characters_before);
    };
    if (o.interleaved) {
      std::printf("BENCH_READY\n");
      std::fflush(stdout);
      std::string line;
      std::getline(std::cin, line);
      in_use_after_warmup = malloc_in_use();  // after stdin's buffer exists: it is not the core's growth
      for (; std::cin && line != "finish"; std::getline(std::cin, line)) {
        if (line.rfind("run ", 0) != 0) throw std::runtime_error("unknown command \"" + line + "\"");
        const auto [slice_steps, seconds, slice_characters] = slice(std::stod(line.substr(4)));
        std::printf("BENCH_SLICE {\"steps\":%lld,\"seconds\":%.6f,\"characters\":%lld}\n", slice_steps, seconds, slice_characters);
        std::fflush(stdout);
      }
    } else {
      slice(o.timed_seconds);
    }
    const long long in_use_at_end = malloc_in_use();
    const long long timed_steps = steps - warmup_steps;
    const long long chars = timed_characters;
    const long long kept = std::min(kTail, steps);
    double loss_after = 0;
    for (long long i = 0; i < kept; ++i) loss_after += tail[i] / kept;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);

    std::printf(
        "BENCH_RESULT {\"contender\":\"project-native\",\"task\":\"%s\",\"bidirectional\":%s,\"cell\":\"%s\",\"hidden\":%d,\"layers\":%d,\"seq\":%d,\"batch\":%d,"
        "\"vocab\":%d,\"steps\":%lld,\"warmupSteps\":%lld,\"timedSteps\":%lld,\"timedSeconds\":%.6f,\"chars\":%lld,"
        "\"charsPerSec\":%.3f,\"lossBefore\":%.6f,\"lossAfter\":%.6f,\"peakHeapBytes\":null,"
        "\"maxRssBytes\":%lld,\"mallocInUseAfterWarmup\":%lld,\"mallocInUseAtEnd\":%lld,\"simd\":\"%s\","
        "\"stateful\":true}\n",
        o.task.c_str(), o.bidirectional ? "true" : "false", o.cell.c_str(), o.hidden, o.layers, o.seq, o.batch, session.vocab().size(), steps, warmup_steps, timed_steps, timed,
        chars, chars / timed, loss_before, loss_after, static_cast<long long>(usage.ru_maxrss) * 1024,
        in_use_after_warmup, in_use_at_end, charrnn::simd::kInstructionSet);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
