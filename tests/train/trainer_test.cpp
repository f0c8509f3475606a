#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "infer/evaluate.hpp"
#include "text/corpus.hpp"
#include "train/trainer.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::vector<std::int32_t> periodic_text(Vocab& vocab, int repeats) {
  std::string text;
  for (int i = 0; i < repeats; ++i) text += "hello world ";
  Corpus c = Corpus::from_utf8(text, 0.f);
  vocab = c.vocab;
  return c.train;
}

}  // namespace

TEST_CASE("every cell learns a periodic text to near-zero loss (golden convergence, seed 1)", "[train][golden]") {
  // "hello world " has period 12; after one period of context every next character is certain.
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    Vocab vocab;
    const auto ids = periodic_text(vocab, 40);
    Model model({cell, vocab.size(), 32, 1});
    Rng rng(1);
    model.initialize(rng);
    TrainSettings s;
    s.seq_len = 24, s.batch = 8, s.optimizer.lr = 1e-2f, s.seed = 1;
    Trainer trainer(model, s, ids);
    const double first = trainer.step().loss;
    StepReport last;
    for (int i = 0; i < 300; ++i) last = trainer.step();
    INFO(cell_name(cell) << ": first loss " << first << ", after 301 steps " << last.loss);
    REQUIRE(first > 2.0);  // about ln 8 = 2.08 at the start: uniform over 8 characters
    REQUIRE(last.loss < 0.05);
    REQUIRE(evaluate(model, ids).loss < 0.25);  // from a zero state the first characters are guesses
  }
}

TEST_CASE("a seed makes a run bit-for-bit repeatable, and another seed differs", "[train][determinism]") {
  auto train = [](std::uint64_t seed) {
    Vocab vocab;
    const auto ids = periodic_text(vocab, 20);
    Model model({CellKind::lstm, vocab.size(), 16, 2});
    Rng rng(seed);
    model.initialize(rng);
    TrainSettings s;
    s.seq_len = 10, s.batch = 4, s.dropout = 0.2f, s.seed = seed;
    Trainer trainer(model, s, ids);
    for (int i = 0; i < 20; ++i) trainer.step();
    return model.parameters();
  };
  const auto a = train(7), b = train(7), c = train(8);
  REQUIRE(a == b);
  REQUIRE(a != c);
}

TEST_CASE("a diverging run stops updating and keeps the last weights with a finite loss", "[train][divergence]") {
  Vocab vocab;
  const auto ids = periodic_text(vocab, 20);
  Model model({CellKind::rnn, vocab.size(), 16, 1});
  Rng rng(1);
  model.initialize(rng);
  TrainSettings s;
  s.seq_len = 10, s.batch = 4;
  Trainer trainer(model, s, ids);
  trainer.step();
  const std::vector<float> before_last_update = model.parameters();
  trainer.step();
  // Overflow, as a runaway learning rate would produce it: the next forward pass is not finite.
  model.mutable_parameters()[model.layout().decoder_bias()] = std::numeric_limits<float>::infinity();
  const StepReport r = trainer.step();
  REQUIRE(r.diverged);
  REQUIRE(r.step == 2);  // no step was counted
  REQUIRE(model.parameters() == before_last_update);  // the weights whose loss was last finite
  // Training can go on at a lower learning rate from the kept weights.
  trainer.set_learning_rate(1e-3f);
  const StepReport next = trainer.step();
  REQUIRE_FALSE(next.diverged);
  REQUIRE(std::isfinite(next.loss));
}

TEST_CASE("training settings are checked with clear messages", "[train]") {
  const ModelShape shape{CellKind::lstm, 10, 8, 1};
  TrainSettings s;
  s.seq_len = 0;
  REQUIRE_THROWS_WITH(s.validate(shape), "sequence length is 0; it must be between 1 and 1024");
  s.seq_len = 10, s.batch = 1000;
  REQUIRE_THROWS_WITH(s.validate(shape), "batch size is 1000; it must be between 1 and 256");
  s.batch = 4, s.dropout = 1.f;
  REQUIRE_THROWS_WITH(s.validate(shape), "dropout must be between 0 and 0.9");
  s.dropout = 0.f, s.clip = -1.f;
  REQUIRE_THROWS_WITH(s.validate(shape), "gradient clipping must be 0 (off) or a positive number");
  TrainSettings big;
  big.seq_len = 1024, big.batch = 256;
  REQUIRE_THROWS_WITH(big.validate({CellKind::lstm, 60000, 1024, 4}), Catch::Contains("MiB limit"));
}
