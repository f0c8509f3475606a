#include <catch2/catch.hpp>

#include "train/gradient_norms.hpp"

using namespace charrnn;

namespace {

GradientNorms trace(CellKind cell, bool forget_bias_one, int T) {
  Model model({cell, 8, 32, 1});
  Rng rng(5);
  model.initialize(rng, forget_bias_one);
  std::vector<std::int32_t> in(T), tg(T);
  for (int t = 0; t < T; ++t) in[t] = t % 8, tg[t] = (t + 1) % 8;
  RecurrentState start;
  start.reset(model.shape(), 1);
  return gradient_norms(model, in, tg, start);
}

}  // namespace

TEST_CASE("a vanilla RNN's gradient from the last prediction vanishes toward the window's start", "[train][vanishing]") {
  const GradientNorms rnn = trace(CellKind::rnn, false, 60);
  REQUIRE(rnn.steps == 60);
  REQUIRE(rnn.hidden.size() == 60);
  REQUIRE(rnn.cell.empty());
  const float last = rnn.hidden[59];
  REQUIRE(last > 0.f);
  REQUIRE(rnn.hidden[49] < last);          // already smaller 10 steps back
  REQUIRE(rnn.hidden[0] < 1e-6f * last);   // and gone at the start of the window
}

TEST_CASE("an LSTM's cell path carries the gradient further than a vanilla RNN", "[train][vanishing]") {
  const GradientNorms rnn = trace(CellKind::rnn, false, 40);
  const GradientNorms lstm = trace(CellKind::lstm, true, 40);  // forget gate ≈ σ(1) = 0.73 at the start
  REQUIRE(lstm.cell.size() == 40);
  const float rnn_reach = rnn.hidden[20] / rnn.hidden[39];
  const float lstm_reach = lstm.cell[20] / lstm.cell[39];
  INFO("20 steps back: RNN keeps " << rnn_reach << " of the last step's gradient, the LSTM cell " << lstm_reach);
  REQUIRE(lstm_reach > 100 * rnn_reach);
}
