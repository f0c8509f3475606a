#include "kernels/activations.hpp"

#include <cmath>

#include "kernels/simd.hpp"

namespace charrnn {
namespace {

using namespace simd;

// Cephes expf: e^x = 2^n · e^r with n = round(x / ln 2), |r| ≤ ln2/2, e^r by a degree-5 polynomial.
inline f32x4 exp4(f32x4 x) {
  x = min(max(x, splat(-87.3f)), splat(88.f));  // e^x stays a normal float, 2^n stays representable
  const f32x4 n = round_nearest(mul(x, splat(1.44269504088896341f)));
  // r = x - n·ln2, with ln2 split in two so the product is exact in its high part.
  f32x4 r = sub(x, mul(n, splat(0.693359375f)));
  r = sub(r, mul(n, splat(-2.12194440e-4f)));
  f32x4 p = splat(1.9875691500e-4f);
  p = add(mul(p, r), splat(1.3981999507e-3f));
  p = add(mul(p, r), splat(8.3334519073e-3f));
  p = add(mul(p, r), splat(4.1665795894e-2f));
  p = add(mul(p, r), splat(1.6666665459e-1f));
  p = add(mul(p, r), splat(5.0000001201e-1f));
  const f32x4 er = add(add(mul(p, mul(r, r)), r), splat(1.f));
  return mul(er, pow2_of_integral(n));
}

inline f32x4 sigmoid4(f32x4 x) { return div(splat(1.f), add(splat(1.f), exp4(sub(splat(0.f), x)))); }

// tanh: odd polynomial (Cephes tanhf) for |x| < 0.625, else sign(x) · (1 - 2 / (e^{2|x|} + 1)).
inline f32x4 tanh4(f32x4 x) {
  const f32x4 sign_bit = splat(-0.f);
  const f32x4 ax = max(x, sub(splat(0.f), x));
  const f32x4 z = mul(x, x);
  f32x4 p = splat(-5.70498872745e-3f);
  p = add(mul(p, z), splat(2.06390887954e-2f));
  p = add(mul(p, z), splat(-5.37397155531e-2f));
  p = add(mul(p, z), splat(1.33314422036e-1f));
  p = add(mul(p, z), splat(-3.33332819422e-1f));
  const f32x4 small = add(x, mul(mul(p, z), x));
  const f32x4 e = exp4(add(ax, ax));
  const f32x4 large_abs = sub(splat(1.f), div(splat(2.f), add(e, splat(1.f))));
  const f32x4 large = bit_or(large_abs, bit_and(x, sign_bit));
  return select(less(ax, splat(0.625f)), small, large);
}

// A compare and select, not max(): SSE's max and wasm's pmax disagree on which operand a NaN wins.
inline f32x4 relu4(f32x4 x) { return select(less(x, splat(0.f)), splat(0.f), x); }

template <f32x4 (*F)(f32x4)>
void apply(float* x, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) store(x + i, F(load(x + i)));
  if (i < n) {
    float tail[4] = {0, 0, 0, 0};
    for (int j = i; j < n; ++j) tail[j - i] = x[j];
    store(tail, F(load(tail)));
    for (int j = i; j < n; ++j) x[j] = tail[j - i];
  }
}

}  // namespace

void exp_inplace(float* x, int n) noexcept { apply<exp4>(x, n); }
void sigmoid_inplace(float* x, int n) noexcept { apply<sigmoid4>(x, n); }
void tanh_inplace(float* x, int n) noexcept { apply<tanh4>(x, n); }
void relu_inplace(float* x, int n) noexcept { apply<relu4>(x, n); }

namespace reference {
void exp_inplace(float* x, int n) noexcept {
  for (int i = 0; i < n; ++i) x[i] = std::exp(x[i]);
}
void sigmoid_inplace(float* x, int n) noexcept {
  for (int i = 0; i < n; ++i) x[i] = 1.f / (1.f + std::exp(-x[i]));
}
void tanh_inplace(float* x, int n) noexcept {
  for (int i = 0; i < n; ++i) x[i] = std::tanh(x[i]);
}
void relu_inplace(float* x, int n) noexcept {
  for (int i = 0; i < n; ++i) x[i] = x[i] < 0.f ? 0.f : x[i];
}
}  // namespace reference

}  // namespace charrnn
