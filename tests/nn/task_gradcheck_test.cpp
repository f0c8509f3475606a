// Finite-difference gradient checks of every path the tasks added: bidirectional layers (each cell, one
// and two layers), the relu RNN, the tagging head with unscored steps, and the classification head over
// a packed batch of sequences of different lengths — the float analytic backward against central
// differences of the independent double-precision reference (tests/support/reference_sequences.hpp),
// which runs every sequence on its own, so padding or packing cannot hide in both.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "nn/network.hpp"
#include "support/packed_batch.hpp"
#include "support/reference_sequences.hpp"

using namespace charrnn;
using namespace charrnn::testing;

namespace {

// |analytic - numeric| ≤ kAbs + kRel·|numeric| (see nn/gradcheck_test.cpp for why these).
constexpr double kAbs = 3e-6, kRel = 2e-4, kStep = 1e-6;

struct Case {
  CellKind cell;
  int layers;
  bool bidirectional;
  TaskKind task;
  std::vector<int> lengths;  // decreasing
  float dropout = 0.f;
  Nonlinearity nonlinearity = Nonlinearity::tanh;
};

void check_case(const Case& c) {
  const int V = 5, H = 4;
  ModelShape shape{c.cell, V, H, c.layers};
  shape.bidirectional = c.bidirectional;
  shape.task = c.task;
  shape.labels = 3;
  shape.nonlinearity = c.nonlinearity;
  Model model(shape);
  Rng rng(17 + c.layers);
  model.initialize(rng);
  for (float& x : model.mutable_parameters()) x *= 2.f;  // larger weights: gates away from their linear middle

  std::vector<ReferenceSequence> batch;
  for (int len : c.lengths) {
    ReferenceSequence s;
    for (int t = 0; t < len; ++t) s.ids.push_back(static_cast<std::int32_t>(rng.next_u32() % V));
    if (c.task == TaskKind::classify) {
      s.targets.push_back(static_cast<std::int32_t>(rng.next_u32() % 3));
    } else {
      // Every third step unscored (-1), as spacing's gaps next to a line break.
      for (int t = 0; t < len; ++t) s.targets.push_back(t % 3 == 2 ? -1 : static_cast<std::int32_t>(rng.next_u32() % 2));
    }
    batch.push_back(s);
  }
  const PackedBatch packed = pack(batch, c.task);
  Network net(shape, packed.layout.steps(), packed.layout.batch());
  Rng dropout_rng(7);
  const double loss = net.forward(model, packed.layout, packed.inputs.data(), packed.targets.data(), nullptr, c.dropout,
                                  &dropout_rng);
  std::vector<float> grads(model.parameters().size(), 0.f);
  net.backward(model, grads);

  std::vector<std::vector<float>> masks;
  for (int site = 0; site <= c.layers && c.dropout > 0; ++site) masks.push_back(net.dropout_mask(site));
  const int DH = shape.output_width();
  const ReferenceMask mask = [&](int site, int s, int t, int j) {
    return static_cast<double>(masks[site][static_cast<std::size_t>(packed.layout.row(t, s)) * DH + j]);
  };
  const ReferenceMask* mask_ptr = c.dropout > 0 ? &mask : nullptr;

  std::vector<double> p(model.parameters().begin(), model.parameters().end());
  const ParameterLayout& layout = model.layout();
  REQUIRE(loss == Approx(reference_batch_loss(layout, p, batch, mask_ptr)).epsilon(1e-5));
  for (const TensorInfo& t : layout.tensors()) {
    for (std::size_t k = 0; k < t.size; ++k) {
      const std::size_t i = t.offset + k;
      const double saved = p[i];
      p[i] = saved + kStep;
      const double up = reference_batch_loss(layout, p, batch, mask_ptr);
      p[i] = saved - kStep;
      const double down = reference_batch_loss(layout, p, batch, mask_ptr);
      p[i] = saved;
      const double numeric = (up - down) / (2 * kStep);
      INFO(t.name << "[" << k << "] analytic " << grads[i] << " numeric " << numeric);
      REQUIRE(std::abs(grads[i] - numeric) <= kAbs + kRel * std::abs(numeric));
    }
  }
}

std::string name_of(CellKind cell, int layers) { return std::string(cell_name(cell)) + ", " + std::to_string(layers) + " layer(s)"; }

}  // namespace

TEST_CASE("bidirectional layers with a tagging head match finite differences", "[nn][gradcheck][bidirectional]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (int layers : {1, 2}) {
      SECTION(name_of(cell, layers)) { check_case({cell, layers, true, TaskKind::spacing, {5, 5, 5}}); }
    }
}

TEST_CASE("the classification head over sequences of different lengths matches finite differences",
          "[nn][gradcheck][classify]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (bool bidirectional : {false, true}) {
      SECTION(name_of(cell, 2) + (bidirectional ? ", bidirectional" : ", forward only")) {
        check_case({cell, 2, bidirectional, TaskKind::classify, {6, 4, 4, 1}});
      }
    }
}

TEST_CASE("a relu RNN in both directions and both heads matches finite differences", "[nn][gradcheck][relu]") {
  SECTION("tagging") { check_case({CellKind::rnn, 2, true, TaskKind::spacing, {5, 5}, 0.f, Nonlinearity::relu}); }
  SECTION("classification") { check_case({CellKind::rnn, 2, true, TaskKind::classify, {6, 3, 2}, 0.f, Nonlinearity::relu}); }
}

TEST_CASE("bidirectional dropout masks match finite differences of the same masked model", "[nn][gradcheck][dropout]") {
  SECTION("lstm tagging") { check_case({CellKind::lstm, 2, true, TaskKind::spacing, {5, 5, 5}, 0.3f}); }
  SECTION("gru classification") { check_case({CellKind::gru, 2, true, TaskKind::classify, {6, 4, 1}, 0.3f}); }
}
