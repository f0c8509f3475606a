#include <catch2/catch.hpp>
#include <algorithm>
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

TEST_CASE("pre-activations are what each nonlinearity was applied to, from the same forward", "[infer][inspect]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (Nonlinearity f : {Nonlinearity::tanh, Nonlinearity::relu}) {
      if (f == Nonlinearity::relu && cell != CellKind::rnn) continue;
      ModelShape shape{cell, 7, 6, 2};
      shape.nonlinearity = f;
      Model model(shape);
      Rng rng(4);
      model.initialize(rng);
      for (float& x : model.mutable_parameters()) x *= 3.f;  // well into saturation and below zero
      const Inspection ins = inspect(model, {1, 4, 2, 6, 0, 3}, 2);
      INFO(cell_name(cell) << " " << nonlinearity_name(f));
      for (const LayerTrace& layer : ins.layers) {
        REQUIRE(layer.pre_names == pre_activation_names(cell));
        for (std::size_t g = 0; g < layer.pre_names.size(); ++g) {
          const std::string& name = layer.pre_names[g];
          const std::vector<float>& pre = layer.pre_values[g];
          // The post-activation of the same gate: its position among the traced names.
          const auto& names = layer.names;
          const std::vector<float>& post = layer.values[std::find(names.begin(), names.end(), name) - names.begin()];
          for (std::size_t k = 0; k < pre.size(); ++k) {
            const double x = pre[k];
            const bool squashed_by_sigmoid = name == "i" || name == "f" || name == "o" || name == "r" || name == "z";
            const double want = squashed_by_sigmoid ? 1 / (1 + std::exp(-x)) : f == Nonlinearity::relu ? std::max(0.0, x) : std::tanh(x);
            REQUIRE(post[k] == Approx(want).margin(1e-6));
          }
        }
      }
    }
}

TEST_CASE("a bidirectional model's backward direction is traced in text order", "[infer][inspect]") {
  // The backward direction of layer 0 is a forward-only RNN with the _reverse weights reading the
  // reversed text: its trace at text position t is that RNN's at step T - 1 - t.
  ModelShape bi{CellKind::lstm, 5, 4, 1};
  bi.bidirectional = true;
  bi.task = TaskKind::spacing;
  Model model(bi);
  Rng rng(8);
  model.initialize(rng);
  ModelShape one = bi;
  one.bidirectional = false;
  Model reverse_only(one);
  for (const TensorInfo& dst : reverse_only.layout().tensors()) {
    if (dst.name.rfind("rnn.", 0) != 0) continue;  // the decoder plays no part here
    for (const TensorInfo& src : model.layout().tensors())
      if (src.name == dst.name + "_reverse")
        std::copy_n(model.parameters().begin() + static_cast<std::ptrdiff_t>(src.offset), src.size,
                    reverse_only.mutable_parameters().begin() + static_cast<std::ptrdiff_t>(dst.offset));
  }
  const std::vector<std::int32_t> text = {1, 4, 2, 0, 3}, reversed(text.rbegin(), text.rend());
  const Inspection both = inspect(model, text, 1), alone = inspect(reverse_only, reversed, 1);
  REQUIRE(both.directions == 2);
  REQUIRE(both.layers.size() == 2);
  REQUIRE(both.layers[1].direction == 1);
  const int T = 5, H = 4;
  for (std::size_t g = 0; g < both.layers[1].values.size(); ++g)
    for (int t = 0; t < T; ++t)
      for (int j = 0; j < H; ++j)
        REQUIRE(both.layers[1].values[g][t * H + j] == Approx(alone.layers[0].values[g][(T - 1 - t) * H + j]).margin(1e-6));
  REQUIRE(both.top_k == 1);  // spacing: its two classes
}

TEST_CASE("inspecting nothing or too much is an error", "[infer][inspect]") {
  Model model({CellKind::gru, 3, 4, 1});
  REQUIRE_THROWS_WITH(inspect(model, {}, 3), "the text to inspect is empty");
  REQUIRE_THROWS_WITH(inspect(model, std::vector<std::int32_t>(5000, 0), 3), Catch::Contains("at most 4096"));
}
