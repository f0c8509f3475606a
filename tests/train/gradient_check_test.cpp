#include <catch2/catch.hpp>

#include "train/gradient_check.hpp"

using namespace charrnn;

TEST_CASE("the learner's gradient check passes for a correct model and fails for a broken gradient", "[train][gradcheck]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    Model model({cell, 6, 16, 2});
    Rng rng(1);
    model.initialize(rng);
    std::vector<std::int32_t> ids(40);
    for (auto& id : ids) id = static_cast<std::int32_t>(rng.next_u32() % 6);
    const auto good = gradient_check(model, ids, 20, 2);
    REQUIRE(good.size() == model.layout().tensors().size() * 2);
    for (const auto& e : good) {
      INFO(cell_name(cell) << " " << e.tensor << "[" << e.index << "] analytic " << e.analytic << " numeric " << e.numeric);
      REQUIRE(e.relative_error < 2e-2f);
    }
    // A backward pass that got W_hh's gradient 30% wrong is caught.
    const std::size_t at = model.layout().layer(0).W_hh, n = model.layout().tensors()[1].size;
    const auto bad = gradient_check(model, ids, 20, 2, [&](std::vector<float>& g) {
      for (std::size_t i = at; i < at + n; ++i) g[i] *= 1.3f;
    });
    for (const auto& e : bad)
      if (e.tensor == "rnn.weight_hh_l0") REQUIRE(e.relative_error > 0.2f);
  }
}
