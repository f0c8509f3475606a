// Dropout sits only between layers and before the decoder: the recurrent path and the first layer's
// states are the same with and without it, and it is off outside training.
#include <catch2/catch.hpp>

#include "nn/network.hpp"

using namespace charrnn;

namespace {

struct Run {
  std::vector<float> layer0_h, layer1_h, logits;
};

Run run(CellKind cell, float dropout, Rng* rng) {
  const int V = 6, H = 8, T = 7, B = 2;
  ModelShape shape{cell, V, H, 2};
  Model model(shape);
  Rng init(5);
  model.initialize(init);
  std::vector<std::int32_t> ids(T * B);
  for (int i = 0; i < T * B; ++i) ids[i] = i % V;
  Network net(shape, T, B);
  RecurrentState state;
  state.reset(shape, B);
  net.forward(model, T, ids.data(), nullptr, state, dropout, rng);
  return {net.layer(0).h, net.layer(1).h, net.outputs()};
}

}  // namespace

TEST_CASE("dropout never touches the recurrent path", "[nn][dropout]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    Rng rng(1);
    const Run plain = run(cell, 0.f, nullptr), dropped = run(cell, 0.5f, &rng);
    // Layer 0 gets no dropout at all (its input is the one-hot character): identical states.
    REQUIRE(dropped.layer0_h == plain.layer0_h);
    // Layer 1 sees a masked input, so its states change, and so do the logits.
    REQUIRE(dropped.layer1_h != plain.layer1_h);
    REQUIRE(dropped.logits != plain.logits);
  }
}

TEST_CASE("dropout masks are 0 or 1/(1-p), off without a random source", "[nn][dropout]") {
  const int V = 4, H = 16, T = 50, B = 4;
  ModelShape shape{CellKind::lstm, V, H, 1};
  Model model(shape);
  Network net(shape, T, B);
  RecurrentState state;
  state.reset(shape, B);
  std::vector<std::int32_t> ids(T * B, 1);
  Rng rng(9);
  net.forward(model, T, ids.data(), nullptr, state, 0.25f, &rng);
  const std::vector<float>& mask = net.dropout_mask(1);  // before the decoder of a 1-layer model
  REQUIRE(mask.size() == static_cast<std::size_t>(T * B * H));
  int zeros = 0;
  for (float m : mask) {
    REQUIRE((m == 0.f || m == Approx(1.f / 0.75f)));
    zeros += m == 0.f;
  }
  REQUIRE(zeros == Approx(0.25 * mask.size()).epsilon(0.1));  // 3200 draws: ±10% is > 5 sigma
}
