#include <catch2/catch.hpp>
#include <cmath>

#include "infer/generator.hpp"
#include "infer/inspect.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("inspection returns each gate per step and layer, consistent with the cell equations", "[infer][inspect]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    const int V = 7, H = 6, L = 2;
    Model model({cell, V, H, L});
    Rng rng(2);
    model.initialize(rng);
    const std::vector<std::int32_t> ids = {1, 4, 2, 6, 0, 3};
    const int T = static_cast<int>(ids.size());
    const Inspection ins = inspect(model, ids, 3);
    REQUIRE(ins.layers.size() == static_cast<std::size_t>(L));
    for (const LayerTrace& layer : ins.layers) {
      REQUIRE(layer.names == trace_names(cell));
      for (std::size_t g = 0; g < layer.names.size(); ++g) {
        REQUIRE(layer.values[g].size() == static_cast<std::size_t>(T * H));
        const std::string& name = layer.names[g];
        for (float v : layer.values[g]) {
          if (name == "i" || name == "f" || name == "o" || name == "r" || name == "z") REQUIRE((v >= 0.f && v <= 1.f));
          if (name == "g" || name == "n" || name == "h") REQUIRE(std::abs(v) <= 1.f);
        }
      }
      if (cell == CellKind::lstm)  // h = o ⊙ tanh(c)
        for (int k = 0; k < T * H; ++k) REQUIRE(layer.values[5][k] == Approx(layer.values[3][k] * std::tanh(layer.values[4][k])).margin(1e-6));
    }
    // The top-k after the last step equals the step API's distribution after feeding the same text.
    Generator gen(model);
    for (auto id : ids) gen.feed(id);
    const auto p = gen.next_probabilities();
    for (int k = 0; k < 3; ++k) {
      const int id = ins.top_ids[(T - 1) * 3 + k];
      REQUIRE(ins.top_probs[(T - 1) * 3 + k] == Approx(p[id]).margin(1e-6));
      if (k > 0) REQUIRE(ins.top_probs[(T - 1) * 3 + k] <= ins.top_probs[(T - 1) * 3 + k - 1]);
    }
  }
}

TEST_CASE("inspecting nothing or too much is an error", "[infer][inspect]") {
  Model model({CellKind::gru, 3, 4, 1});
  REQUIRE_THROWS_WITH(inspect(model, {}, 3), "the text to inspect is empty");
  REQUIRE_THROWS_WITH(inspect(model, std::vector<std::int32_t>(5000, 0), 3), Catch::Contains("at most 4096"));
}
