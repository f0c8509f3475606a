// charrnn sample --model M [--prime TEXT] [--length N] [--temperature X] [--top-k K] [--seed S] → text
#include <iostream>
#include <random>

#include "api/session.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"

namespace charrnn::cli {

int sample_command(const std::vector<std::string>& argv) {
  const Args args(argv, {"model", "prime", "length", "temperature", "top-k", "seed"});
  const std::string model_bytes = read_file(args.required("model"));
  const Session session(reinterpret_cast<const std::uint8_t*>(model_bytes.data()), model_bytes.size(), "", TrainSettings{},
                        0.f, false);
  SampleSettings s;
  s.length = static_cast<int>(args.integer("length", 200, 0, 1000000));
  s.temperature = static_cast<float>(args.number("temperature", 1.0, 0, 100));
  s.top_k = static_cast<int>(args.integer("top-k", 0, 0, 1 << 20));
  s.seed = args.seed("seed", std::random_device{}());  // no --seed: a different sample each run
  std::cout << session.sample(args.text("prime", ""), s) << '\n';
  return 0;
}

}  // namespace charrnn::cli
