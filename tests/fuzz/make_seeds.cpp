// Writes the seed corpus of the model-file fuzzer: small valid files of every cell, with and without
// optimizer state, and of every task (bidirectional, relu, a classifier's labels), so mutations start
// from the structure a real file has.
//   make_seeds OUTPUT_DIR
#include <fstream>
#include <string>

#include "api/session.hpp"
#include "io/model_file.hpp"
#include "tasks/classify/labelled_lines.hpp"

using namespace charrnn;

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const std::string dir = argv[1];
  int n = 0;
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (int layers : {1, 2})
      for (bool with_optimizer : {false, true}) {
        const Vocab vocab(std::vector<char32_t>{U'a', U'\n', U'한'});
        Model model({cell, vocab.size(), 2, layers});
        Rng rng(n);
        model.initialize(rng);
        OptimizerSettings os;
        os.kind = n % 2 ? OptimizerKind::adam : OptimizerKind::sgd;
        Optimizer opt(os, model.parameters().size());
        const auto bytes = save_model_file(model, vocab, with_optimizer ? &opt : nullptr);
        std::ofstream(dir + "/seed" + std::to_string(n++) + ".safetensors", std::ios::binary)
            .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
      }
  // With training state (to continue a run exactly) too, for every task.
  auto write = [&](const std::string& text, SessionSettings s) {
    s.hidden_size = 3, s.num_layers = 2, s.train.seq_len = 4, s.train.batch = 2;
    Session session(text, s);
    session.train_step();
    const auto bytes = session.save(true);
    std::ofstream(dir + "/seed" + std::to_string(n++) + ".safetensors", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  };
  write("abcab abcab abcab abcab abcab ", SessionSettings{});
  SessionSettings tagger;
  tagger.task = TaskKind::spacing, tagger.bidirectional = true, tagger.cell = CellKind::rnn;
  tagger.nonlinearity = Nonlinearity::relu;
  write("ab cab abc ab cab abc ab cab abc ab cab abc ", tagger);
  SessionSettings classifier;
  classifier.task = TaskKind::classify, classifier.bidirectional = true, classifier.cell = CellKind::gru;
  write(lines_of_texts({"x", "y"}, {"ab\nba\naab\nbba\nab\n", "cd\ndc\nccd\nddc\ncd\n"}), classifier);
  return 0;
}
