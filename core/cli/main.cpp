// charrnn: train, evaluate and sample character-level RNN/LSTM/GRU models from the command line, with
// the same model files the playground reads and writes.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "util/error.hpp"

namespace {

const char* kUsage =
    "usage:\n"
    "  charrnn train --text FILE [--task lm|spacing|classify] [--bidirectional] [--nonlinearity tanh|relu]\n"
    "                [--cell lstm|gru|rnn] [--hidden H] [--layers L] [--seq T] [--batch B]\n"
    "                [--steps N] [--lr X] [--optim adam|sgd|rmsprop|adagrad] [--clip X] [--dropout P]\n"
    "                [--seed S] [--val-frac F] [--forget-bias-one] [--log-every N] [--eval-every N]\n"
    "                [--resume MODEL]\n"
    "                --out MODEL.safetensors\n"
    "  charrnn eval --model MODEL --text FILE [--seq T] [--strict]\n"
    "  charrnn sample --model MODEL [--prime TEXT] [--length N] [--temperature X] [--top-k K] [--seed S]\n";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
    std::cout << kUsage;
    return all.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(all.begin() + 1, all.end());
  try {
    if (all[0] == "train") return charrnn::cli::train_command(rest);
    if (all[0] == "eval") return charrnn::cli::eval_command(rest);
    if (all[0] == "sample") return charrnn::cli::sample_command(rest);
    std::cerr << "charrnn: unknown command '" << all[0] << "' (expected train, eval or sample)\n" << kUsage;
    return 2;
  } catch (const charrnn::Error& e) {
    std::cerr << "charrnn " << all[0] << ": " << e.what() << '\n';
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "charrnn " << all[0] << ": out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "charrnn " << all[0] << ": internal error: " << e.what() << '\n';
    return 70;
  }
}
