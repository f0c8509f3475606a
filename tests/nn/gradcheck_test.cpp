// Finite-difference gradient checks: the float analytic backward of every cell, 1 and 2 layers,
// batch > 1, against central differences of the independent double-precision reference model —
// every single parameter, and the carried-in hidden (and cell) state.
#include <catch2/catch.hpp>
#include <cmath>

#include "nn/network.hpp"
#include "support/reference_model.hpp"

using namespace charrnn;
using charrnn::testing::reference_loss;
using charrnn::testing::ReferenceState;

namespace {

struct Case {
  CellKind cell;
  int layers;
  float dropout;
  Nonlinearity nonlinearity = Nonlinearity::tanh;
};

// |analytic - numeric| ≤ kAbs + kRel·|numeric|: the analytic side is float (≈1e-7 relative per op),
// the numeric side double central differences with step 1e-6 (truncation ≈1e-12).
constexpr double kAbs = 3e-6, kRel = 2e-4, kStep = 1e-6;

void check_case(const Case& c) {
  const int V = 5, H = 4, T = 5, B = 3;
  ModelShape shape{c.cell, V, H, c.layers};
  shape.nonlinearity = c.nonlinearity;
  Model model(shape);
  Rng rng(42 + c.layers);
  model.initialize(rng);
  for (float& x : model.mutable_parameters()) x *= 2.f;  // larger weights: gates away from their linear middle

  std::vector<std::int32_t> inputs(T * B), targets(T * B);
  for (auto& id : inputs) id = static_cast<std::int32_t>(rng.next_u32() % V);
  for (auto& id : targets) id = static_cast<std::int32_t>(rng.next_u32() % V);
  RecurrentState state;
  state.reset(shape, B);
  for (float& x : state.h) x = rng.uniform(-0.8f, 0.8f);
  for (float& x : state.c) x = rng.uniform(-0.8f, 0.8f);
  ReferenceState ref_state{{state.h.begin(), state.h.end()}, {state.c.begin(), state.c.end()}};

  Network net(shape, T, B);
  Rng dropout_rng(7);
  RecurrentState carried = state;
  const double loss = net.forward(model, T, inputs.data(), targets.data(), carried, c.dropout, &dropout_rng);
  std::vector<float> grads(model.parameters().size(), 0.f);
  net.backward(model, grads);

  std::vector<std::vector<float>> masks;
  if (c.dropout > 0)
    for (int site = 0; site <= c.layers; ++site) masks.push_back(net.dropout_mask(site));
  const auto* mask_ptr = c.dropout > 0 ? &masks : nullptr;

  std::vector<double> p(model.parameters().begin(), model.parameters().end());
  const ParameterLayout& layout = model.layout();
  REQUIRE(loss == Approx(reference_loss(layout, p, T, B, inputs, targets, ref_state, mask_ptr)).epsilon(1e-5));

  int checked = 0;
  for (const TensorInfo& t : layout.tensors()) {
    for (std::size_t k = 0; k < t.size; ++k) {
      const std::size_t i = t.offset + k;
      const double saved = p[i];
      p[i] = saved + kStep;
      const double up = reference_loss(layout, p, T, B, inputs, targets, ref_state, mask_ptr);
      p[i] = saved - kStep;
      const double down = reference_loss(layout, p, T, B, inputs, targets, ref_state, mask_ptr);
      p[i] = saved;
      const double numeric = (up - down) / (2 * kStep);
      INFO(t.name << "[" << k << "] analytic " << grads[i] << " numeric " << numeric);
      REQUIRE(std::abs(grads[i] - numeric) <= kAbs + kRel * std::abs(numeric));
      ++checked;
    }
  }
  REQUIRE(checked == static_cast<int>(p.size()));

  // ∂L/∂(carried-in state), per layer
  for (int l = 0; l < c.layers; ++l) {
    const CellGradients& g = net.layer_gradients(l);
    for (int which = 0; which < (c.cell == CellKind::lstm ? 2 : 1); ++which) {
      std::vector<double>& s = which == 0 ? ref_state.h : ref_state.c;
      const std::vector<float>& analytic = which == 0 ? g.dh : g.dc;
      for (int k = 0; k < B * H; ++k) {
        const std::size_t i = static_cast<std::size_t>(l) * B * H + k;
        const double saved = s[i];
        s[i] = saved + kStep;
        const double up = reference_loss(layout, p, T, B, inputs, targets, ref_state, mask_ptr);
        s[i] = saved - kStep;
        const double down = reference_loss(layout, p, T, B, inputs, targets, ref_state, mask_ptr);
        s[i] = saved;
        const double numeric = (up - down) / (2 * kStep);
        INFO("layer " << l << (which ? " c0" : " h0") << "[" << k << "] analytic " << analytic[k] << " numeric " << numeric);
        REQUIRE(std::abs(analytic[k] - numeric) <= kAbs + kRel * std::abs(numeric));
      }
    }
  }
}

}  // namespace

TEST_CASE("gradients of every parameter and the carried-in state match finite differences", "[nn][gradcheck]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (int layers : {1, 2}) {
      SECTION(std::string(cell_name(cell)) + " with " + std::to_string(layers) + " layer(s)") {
        check_case({cell, layers, 0.f});
      }
    }
}

TEST_CASE("gradients of a relu RNN match finite differences", "[nn][gradcheck][relu]") {
  for (int layers : {1, 2}) {
    SECTION(std::to_string(layers) + " layer(s)") { check_case({CellKind::rnn, layers, 0.f, Nonlinearity::relu}); }
  }
  SECTION("with dropout") { check_case({CellKind::rnn, 2, 0.3f, Nonlinearity::relu}); }
}

TEST_CASE("gradients with dropout masks match finite differences of the same masked model", "[nn][gradcheck][dropout]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    SECTION(cell_name(cell)) { check_case({cell, 2, 0.3f}); }
  }
}
