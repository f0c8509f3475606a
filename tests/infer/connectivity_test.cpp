// The connectivity view's values against finite differences: for each earlier position s, the norm of
// ∂ log p(target at t) / ∂(the input-weight column position s reads), with the log-probability taken
// from the independent double-precision reference model (tests/support/reference_model.hpp).
// The text's characters up to t are all different, so moving one column of W_ih moves exactly one
// position's input.
#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>

#include "api/session.hpp"
#include "infer/connectivity.hpp"
#include "infer/generator.hpp"
#include "support/reference_model.hpp"
#include "util/error.hpp"

using namespace charrnn;
using charrnn::testing::reference_loss;
using charrnn::testing::ReferenceState;

namespace {

constexpr double kStep = 1e-6;

// log p(target | ids[0..t]) from a zero state, by the reference: the summed loss of t + 1 steps minus
// that of the first t (the same steps, the same targets) leaves step t's alone.
double reference_log_prob(const ParameterLayout& layout, const std::vector<double>& p, const std::vector<std::int32_t>& ids,
                          int t, std::int32_t target) {
  const ModelShape& s = layout.shape();
  ReferenceState zero{std::vector<double>(static_cast<std::size_t>(s.num_layers) * s.hidden_size, 0.0),
                      std::vector<double>(s.cell == CellKind::lstm ? static_cast<std::size_t>(s.num_layers) * s.hidden_size : 0, 0.0)};
  std::vector<std::int32_t> in(ids.begin(), ids.begin() + t + 1), targets(static_cast<std::size_t>(t) + 1, 0);
  targets.back() = target;
  const double all = reference_loss(layout, p, t + 1, 1, in, targets, zero) * (t + 1);
  if (t == 0) return -all;
  in.pop_back(), targets.pop_back();
  return -(all - reference_loss(layout, p, t, 1, in, targets, zero) * t);
}

// ‖∂ log p / ∂ W_ih[:, ids[s]]‖ by central differences, every entry of the column.
std::vector<double> numeric_norms(const Model& model, const std::vector<std::int32_t>& ids, int t, std::int32_t target) {
  const ParameterLayout& layout = model.layout();
  const ModelShape& s = layout.shape();
  const int GH = s.gates() * s.hidden_size, V = s.vocab_size;
  std::vector<double> p(model.parameters().begin(), model.parameters().end());
  std::vector<double> norms;
  for (int pos = 0; pos <= t; ++pos) {
    double sum = 0;
    for (int k = 0; k < GH; ++k) {
      double& w = p[layout.layer(0).W_ih + static_cast<std::size_t>(k) * V + ids[static_cast<std::size_t>(pos)]];
      const double keep = w;
      w = keep + kStep;
      const double up = reference_log_prob(layout, p, ids, t, target);
      w = keep - kStep;
      const double down = reference_log_prob(layout, p, ids, t, target);
      w = keep;
      const double d = (up - down) / (2 * kStep);
      sum += d * d;
    }
    norms.push_back(std::sqrt(sum));
  }
  return norms;
}

Model random_model(CellKind cell, int layers) {
  Model model({cell, 8, 5, layers});
  Rng rng(11 + layers);
  model.initialize(rng);
  for (float& x : model.mutable_parameters()) x *= 2.f;  // gates away from their linear middle
  return model;
}

// |analytic - numeric| ≤ kAbs + kRel·numeric: float backward against double central differences.
constexpr double kAbs = 1e-5, kRel = 2e-3;

}  // namespace

TEST_CASE("connectivity equals finite differences of the log-probability w.r.t. each position's input column", "[infer][connectivity]") {
  const std::vector<std::int32_t> ids = {3, 0, 6, 1, 7, 2, 5};
  for (int layers : {1, 2})
    for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
      const Model model = random_model(cell, layers);
      for (int t : {0, 3, 6}) {
        INFO(cell_name(cell) << ", " << layers << " layer(s), position " << t);
        const Connectivity c = connectivity(model, ids, t);
        REQUIRE(c.position == t);
        REQUIRE(c.norms.size() == static_cast<std::size_t>(t) + 1);
        REQUIRE(c.target_is_next == (t < 6));
        if (t < 6) REQUIRE(c.target == ids[static_cast<std::size_t>(t) + 1]);
        REQUIRE(c.probability == Approx(std::exp(reference_log_prob(model.layout(), {model.parameters().begin(), model.parameters().end()}, ids, t, c.target))).epsilon(1e-5));
        const std::vector<double> numeric = numeric_norms(model, ids, t, c.target);
        for (int s = 0; s <= t; ++s) {
          INFO("earlier position " << s);
          REQUIRE(std::abs(c.norms[static_cast<std::size_t>(s)] - numeric[static_cast<std::size_t>(s)]) <= kAbs + kRel * numeric[static_cast<std::size_t>(s)]);
        }
        // The check can tell positions apart: read one step off, some value would be far from its own.
        if (t > 0) {
          double worst = 0;
          for (int s = 0; s < t; ++s) worst = std::max(worst, std::abs(c.norms[static_cast<std::size_t>(s) + 1] - numeric[static_cast<std::size_t>(s)]));
          REQUIRE(worst > 100 * kAbs);
        }
      }
    }
}

TEST_CASE("at the text's last character the traced output is the model's most likely next one", "[infer][connectivity]") {
  const Model model = random_model(CellKind::lstm, 1);
  const std::vector<std::int32_t> ids = {4, 4, 1, 4};
  Generator gen(model);
  for (auto id : ids) gen.feed(id);
  const std::vector<float> p = gen.next_probabilities();
  const Connectivity c = connectivity(model, ids, 3);
  REQUIRE_FALSE(c.target_is_next);
  REQUIRE(c.target == std::max_element(p.begin(), p.end()) - p.begin());
  REQUIRE(c.probability == Approx(p[static_cast<std::size_t>(c.target)]).epsilon(1e-5));
  for (float v : c.norms) REQUIRE((std::isfinite(v) && v > 0));
}

TEST_CASE("connectivity says what is wrong with its question", "[infer][connectivity]") {
  const Model model = random_model(CellKind::gru, 1);
  REQUIRE_THROWS_WITH(connectivity(model, {}, 0), "the text to trace is empty");
  REQUIRE_THROWS_WITH(connectivity(model, {1, 2}, 2), "position 2 is outside the text (2 characters)");
  REQUIRE_THROWS_WITH(connectivity(model, {1, 2}, -1), "position -1 is outside the text (2 characters)");
  REQUIRE_THROWS_WITH(connectivity(model, {1, 9}, 0), "character index outside the vocabulary");
  ModelShape spacing{CellKind::lstm, 8, 5, 1};
  spacing.task = TaskKind::spacing;
  spacing.bidirectional = true;
  REQUIRE_THROWS_WITH(connectivity(Model(spacing), {1, 2}, 1),
                      "the dependence on earlier characters needs a language model (task lm); this model's task is spacing");
}

TEST_CASE("a session traces its text's characters and refuses ones it does not know", "[infer][connectivity][api]") {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "(ab) (cd) [ef] ";
  SessionSettings s;
  s.cell = CellKind::lstm, s.hidden_size = 8, s.train.seq_len = 12, s.train.batch = 2;
  Session session(text, s);
  session.train_slice(3, 1e9);
  const Connectivity c = session.connectivity("(ab)", 1);
  REQUIRE(c.norms.size() == 2);
  REQUIRE(c.target == session.vocab().encode(U"b")[0]);
  REQUIRE_THROWS_WITH(session.connectivity("(aZ)", 1), Catch::Contains("'Z'") && Catch::Contains("not in the model's vocabulary"));
}
