// The vectorized exp, sigmoid, tanh and relu against <cmath> and plain loops, with the error bounds their header states.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "kernels/activations.hpp"
#include "kernels/simd.hpp"

using namespace charrnn;

namespace {

// x over [-30, 30] in fine steps plus the special points; an odd count exercises the tail path.
std::vector<float> grid() {
  std::vector<float> x;
  for (int i = -300001; i <= 300001; ++i) x.push_back(static_cast<float>(i) * 1e-4f);
  for (float v : {0.f, -0.f, 1e-30f, -1e-30f, 0.625f, -0.625f, 87.f, -87.f, 100.f, -100.f}) x.push_back(v);
  return x;
}

}  // namespace

TEST_CASE("exp has relative error at most 4e-7", "[kernels][activations]") {
  auto x = grid();
  auto y = x;
  exp_inplace(y.data(), static_cast<int>(y.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double want = std::exp(std::min(88.0, std::max(static_cast<double>(-87.3f), static_cast<double>(x[i]))));
    INFO("x = " << x[i]);
    REQUIRE(std::abs(y[i] - want) <= 4e-7 * want);
  }
}

TEST_CASE("sigmoid has absolute error at most 2e-7", "[kernels][activations]") {
  auto x = grid();
  auto y = x;
  sigmoid_inplace(y.data(), static_cast<int>(y.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    INFO("x = " << x[i]);
    REQUIRE(std::abs(y[i] - 1.0 / (1.0 + std::exp(-static_cast<double>(x[i])))) <= 2e-7);
  }
}

TEST_CASE("tanh has absolute error at most 3e-7 and relative error at most 1e-6 near 0", "[kernels][activations]") {
  auto x = grid();
  auto y = x;
  tanh_inplace(y.data(), static_cast<int>(y.size()));
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double want = std::tanh(static_cast<double>(x[i]));
    INFO("x = " << x[i]);
    REQUIRE(std::abs(y[i] - want) <= 3e-7);
    if (std::abs(x[i]) < 0.625f) REQUIRE(std::abs(y[i] - want) <= 1e-6 * std::abs(want) + 1e-38);
  }
}

TEST_CASE("relu equals its plain reference exactly, and keeps a NaN", "[kernels][activations]") {
  auto x = grid();
  x.push_back(std::nanf(""));
  auto fast = x, plain = x;
  relu_inplace(fast.data(), static_cast<int>(fast.size()));
  reference::relu_inplace(plain.data(), static_cast<int>(plain.size()));
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    INFO("x = " << x[i]);
    REQUIRE(fast[i] == plain[i]);
    REQUIRE(fast[i] == (x[i] > 0 ? x[i] : 0.f));
  }
  REQUIRE(std::isnan(fast.back()));
  REQUIRE(std::isnan(plain.back()));
}

TEST_CASE("a value's result does not depend on its position in the array", "[kernels][activations]") {
  std::vector<float> a = {0.3f, -1.7f, 2.5f, 0.01f, -4.f, 9.f, 0.5f};
  for (int n = 1; n <= static_cast<int>(a.size()); ++n) {
    std::vector<float> head(a.begin(), a.begin() + n), single{a[n - 1]};
    tanh_inplace(head.data(), n);
    tanh_inplace(single.data(), 1);
    REQUIRE(head[n - 1] == single[0]);
  }
}

TEST_CASE("the build uses the SIMD instruction set it was configured for", "[kernels][simd]") {
#if defined(__wasm__)
  // em++ without -msimd128 would silently fall back to the scalar vocabulary.
  REQUIRE(std::string(simd::kInstructionSet) == "wasm-simd128");
#elif defined(__x86_64__)
  REQUIRE(std::string(simd::kInstructionSet) == "sse2");
#else
  SUCCEED("no SIMD expectation for this architecture");
#endif
}
