#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "infer/generator.hpp"
#include "nn/network.hpp"
#include "text/corpus.hpp"
#include "text/utf8.hpp"
#include "train/trainer.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

struct Trained {
  Vocab vocab;
  std::unique_ptr<Model> model;
};

Trained train_hello(int steps) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "hello world ";
  Corpus c = Corpus::from_utf8(text, 0.f);
  Trained t{c.vocab, std::make_unique<Model>(ModelShape{CellKind::lstm, c.vocab.size(), 32, 1})};
  Rng rng(1);
  t.model->initialize(rng);
  TrainSettings s;
  s.seq_len = 24, s.batch = 8, s.optimizer.lr = 1e-2f;
  Trainer trainer(*t.model, s, c.train);
  for (int i = 0; i < steps; ++i) trainer.step();
  return t;
}

}  // namespace

TEST_CASE("step API: probabilities sum to 1 and follow the window forward pass", "[infer][generator]") {
  Trained t = train_hello(0);
  Generator g(*t.model);
  REQUIRE_THROWS_WITH(g.next_probabilities(), "feed at least one character before asking for the next one");
  const auto ids = t.vocab.encode(U"hello");
  for (auto id : ids) g.feed(id);
  const auto p = g.next_probabilities();
  REQUIRE(std::accumulate(p.begin(), p.end(), 0.0) == Approx(1.0).epsilon(1e-5));
  // The same text as one window of the training network gives the same last-step distribution.
  Network net(t.model->shape(), 5, 1);
  RecurrentState st;
  st.reset(t.model->shape(), 1);
  std::vector<std::int32_t> dummy_targets(5, 0);
  net.forward(*t.model, 5, ids.data(), dummy_targets.data(), st);
  const int V = t.vocab.size();
  for (int j = 0; j < V; ++j) REQUIRE(p[j] == Approx(net.outputs()[4 * V + j]).margin(1e-6));
  g.reset();
  REQUIRE_FALSE(g.has_input());
}

TEST_CASE("temperature 0 and top-k 1 take the most likely character, and top-k limits the choice", "[infer][generator]") {
  Trained t = train_hello(0);
  Generator g(*t.model);
  g.feed(0);
  const auto p = g.next_probabilities();
  const int best = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  Rng rng(1);
  REQUIRE(g.sample(rng, 0.f, 0) == best);
  REQUIRE(g.sample(rng, 1.f, 1) == best);
  std::vector<int> order(p.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return p[a] > p[b]; });
  for (int i = 0; i < 200; ++i) {
    const int s = g.sample(rng, 1.f, 2);
    REQUIRE((s == order[0] || s == order[1]));
  }
  // Higher temperature flattens the distribution.
  const auto cold = g.next_probabilities(0.5f), hot = g.next_probabilities(2.f);
  REQUIRE(*std::max_element(cold.begin(), cold.end()) > *std::max_element(hot.begin(), hot.end()));
}

TEST_CASE("a model trained on a periodic text continues it from a prime", "[infer][generator]") {
  Trained t = train_hello(300);
  SampleSettings s;
  s.length = 24, s.temperature = 0.f;
  REQUIRE(encode_utf8(sample_text(*t.model, t.vocab, U"hello wor", s)) == "hello world hello world hello wor");
  s.temperature = 1.f, s.seed = 3;
  const auto a = sample_text(*t.model, t.vocab, U"", s), b = sample_text(*t.model, t.vocab, U"", s);
  REQUIRE(a == b);  // seeded
  REQUIRE(a.size() == 25);  // a drawn first character + 24
  REQUIRE_THROWS_WITH(sample_text(*t.model, t.vocab, U"xyz", s), Catch::Contains("'x' (U+0078) at position 0 is not in"));
}
