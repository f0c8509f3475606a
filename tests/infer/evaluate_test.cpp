#include <catch2/catch.hpp>
#include <cmath>

#include "infer/evaluate.hpp"
#include "infer/generator.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("evaluate is the mean cross-entropy of each next character from a zero state", "[infer][evaluate]") {
  const int V = 5;
  Model model({CellKind::gru, V, 8, 2});
  Rng rng(4);
  model.initialize(rng);
  std::vector<std::int32_t> ids(300);
  for (auto& id : ids) id = static_cast<std::int32_t>(rng.next_u32() % V);
  // Step by step through the step API, which shares nothing with evaluate's windows.
  Generator g(model);
  double sum = 0;
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    g.feed(ids[i]);
    sum -= std::log(g.next_probabilities()[ids[i + 1]]);
  }
  const Evaluation e = evaluate(model, ids, 1, 64);  // windows of 64: the state crosses window borders
  REQUIRE(e.predictions == 299);
  REQUIRE(e.loss == Approx(sum / 299).epsilon(1e-5));
  REQUIRE(e.bits_per_char == Approx(e.loss / std::log(2.0)));
  const Evaluation parallel = evaluate(model, ids, 8, 16);  // 8 streams, each from a zero state
  REQUIRE(parallel.predictions == 299);
  REQUIRE(parallel.loss == Approx(e.loss).epsilon(0.05));
  REQUIRE_THROWS_WITH(evaluate(model, {1}), "the text must have at least 2 characters to predict one from the other");
}
