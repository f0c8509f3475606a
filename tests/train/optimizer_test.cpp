// Optimizer updates against values worked out by hand from PyTorch's update rules.
#include <catch2/catch.hpp>
#include <cmath>

#include "train/optimizer.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::vector<float> run(OptimizerKind kind, float lr, const std::vector<std::vector<float>>& grads, float p0) {
  OptimizerSettings s;
  s.kind = kind;
  s.lr = lr;
  Optimizer opt(s, grads[0].size());
  std::vector<float> p(grads[0].size(), p0);
  for (const auto& g : grads) opt.step(p, g);
  return p;
}

}  // namespace

TEST_CASE("SGD with momentum 0.9: buf = 0.9 buf + g, p -= lr buf", "[train][optimizer]") {
  // step 1: buf = 1, p = 1 - 0.1 = 0.9; step 2: buf = 0.9 + 2 = 2.9, p = 0.9 - 0.29 = 0.61
  REQUIRE(run(OptimizerKind::sgd, 0.1f, {{1.f}, {2.f}}, 1.f)[0] == Approx(0.61f));
}

TEST_CASE("Adagrad: sum += g², p -= lr g / (sqrt(sum) + 1e-10)", "[train][optimizer]") {
  // step 1: sum = 9, p = 1 - 0.1·3/3 = 0.9; step 2: sum = 25, p = 0.9 - 0.1·4/5 = 0.82
  REQUIRE(run(OptimizerKind::adagrad, 0.1f, {{3.f}, {4.f}}, 1.f)[0] == Approx(0.82f));
}

TEST_CASE("RMSprop: v = 0.99 v + 0.01 g², p -= lr g / (sqrt(v) + 1e-8)", "[train][optimizer]") {
  // step 1: v = 0.01·4 = 0.04, p = 1 - 0.01·2/0.2 = 0.9
  // step 2: v = 0.0396 + 0.01·1 = 0.0496, p = 0.9 - 0.01·1/0.222711 = 0.855098
  REQUIRE(run(OptimizerKind::rmsprop, 0.01f, {{2.f}, {1.f}}, 1.f)[0] == Approx(0.855098f).epsilon(1e-5));
}

TEST_CASE("Adam: bias-corrected moments", "[train][optimizer]") {
  // step 1: m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25 → p = 1 - 0.1·0.5/0.5 = 0.9
  REQUIRE(run(OptimizerKind::adam, 0.1f, {{0.5f}}, 1.f)[0] == Approx(0.9f));
  // step 2 with g = -1: m = 0.045 - 0.1 = -0.055, v = 0.00024975 + 0.001 = 0.00124975
  //   m̂ = -0.055/0.19 = -0.289474, v̂ = 0.00124975/0.001999 = 0.625188 → p = 0.9 + 0.1·0.289474/0.790688 = 0.936611
  REQUIRE(run(OptimizerKind::adam, 0.1f, {{0.5f}, {-1.f}}, 1.f)[0] == Approx(0.936611f).epsilon(1e-5));
}

TEST_CASE("clipping reports the norm before clipping and scales to the threshold", "[train][optimizer]") {
  std::vector<float> g = {3.f, 4.f};
  REQUIRE(clip_gradient_norm(g, 1.f) == Approx(5.f));
  REQUIRE(std::sqrt(g[0] * g[0] + g[1] * g[1]) == Approx(1.f).epsilon(1e-5));
  REQUIRE(g[0] / g[1] == Approx(0.75f));
  std::vector<float> small = {0.3f, 0.4f};
  REQUIRE(clip_gradient_norm(small, 1.f) == Approx(0.5f));
  REQUIRE(small[0] == 0.3f);  // under the threshold: untouched
  std::vector<float> off = {30.f, 40.f};
  REQUIRE(clip_gradient_norm(off, 0.f) == Approx(50.f));
  REQUIRE(off[0] == 30.f);  // 0 turns clipping off
}

TEST_CASE("bad optimizer settings are rejected by name", "[train][optimizer]") {
  OptimizerSettings s;
  s.lr = 0.f;
  REQUIRE_THROWS_WITH(s.validate(), Catch::Contains("learning rate must be a number above 0"));
  s.lr = std::nanf("");
  REQUIRE_THROWS_WITH(s.validate(), Catch::Contains("learning rate"));
  REQUIRE_THROWS_WITH(parse_optimizer("lbfgs"), "unknown optimizer 'lbfgs' (expected adam, sgd, rmsprop or adagrad)");
}
