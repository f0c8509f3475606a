// The one SIMD vocabulary every fast kernel is written against: 4 floats per vector on every target,
// so the wasm build and the native build run the same kernels (and the same arithmetic order).
//   wasm   : <wasm_simd128.h>  (em++ -msimd128)
//   x86-64 : SSE2               (baseline of every x86-64 CPU)
//   other  : plain structs      (correct everywhere, just not fast)
// No FMA anywhere: wasm has none that node 20 / Chromium accept from clang 14, and keeping the native
// build without it keeps the two builds' numerics alike.
#pragma once

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define CHARRNN_SIMD_WASM 1
#elif defined(__SSE2__)
#include <emmintrin.h>
#define CHARRNN_SIMD_SSE2 1
#else
#define CHARRNN_SIMD_SCALAR 1
#include <cmath>
#include <cstdint>
#include <cstring>
#endif

namespace charrnn::simd {

#if defined(CHARRNN_SIMD_WASM)
inline constexpr const char* kInstructionSet = "wasm-simd128";
using f32x4 = v128_t;
inline f32x4 load(const float* p) { return wasm_v128_load(p); }
inline void store(float* p, f32x4 v) { wasm_v128_store(p, v); }
inline f32x4 splat(float x) { return wasm_f32x4_splat(x); }
inline f32x4 add(f32x4 a, f32x4 b) { return wasm_f32x4_add(a, b); }
inline f32x4 sub(f32x4 a, f32x4 b) { return wasm_f32x4_sub(a, b); }
inline f32x4 mul(f32x4 a, f32x4 b) { return wasm_f32x4_mul(a, b); }
inline f32x4 div(f32x4 a, f32x4 b) { return wasm_f32x4_div(a, b); }
inline f32x4 min(f32x4 a, f32x4 b) { return wasm_f32x4_pmin(a, b); }
inline f32x4 max(f32x4 a, f32x4 b) { return wasm_f32x4_pmax(a, b); }
// Round to nearest integer (as float), then to int32, and 2^n built from the exponent bits.
inline f32x4 round_nearest(f32x4 a) { return wasm_f32x4_nearest(a); }
inline f32x4 pow2_of_integral(f32x4 n) {
  return wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
}
inline f32x4 bit_and(f32x4 a, f32x4 b) { return wasm_v128_and(a, b); }
inline f32x4 bit_or(f32x4 a, f32x4 b) { return wasm_v128_or(a, b); }
inline f32x4 bit_xor(f32x4 a, f32x4 b) { return wasm_v128_xor(a, b); }
inline f32x4 less(f32x4 a, f32x4 b) { return wasm_f32x4_lt(a, b); }  // all-ones lanes where a < b
// Lanes of `a` where mask is all-ones, else lanes of `b`.
inline f32x4 select(f32x4 mask, f32x4 a, f32x4 b) { return wasm_v128_bitselect(a, b, mask); }
inline float sum(f32x4 v) {
  return wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1) + wasm_f32x4_extract_lane(v, 2) +
         wasm_f32x4_extract_lane(v, 3);
}
#elif defined(CHARRNN_SIMD_SSE2)
inline constexpr const char* kInstructionSet = "sse2";
using f32x4 = __m128;
inline f32x4 load(const float* p) { return _mm_loadu_ps(p); }
inline void store(float* p, f32x4 v) { _mm_storeu_ps(p, v); }
inline f32x4 splat(float x) { return _mm_set1_ps(x); }
inline f32x4 add(f32x4 a, f32x4 b) { return _mm_add_ps(a, b); }
inline f32x4 sub(f32x4 a, f32x4 b) { return _mm_sub_ps(a, b); }
inline f32x4 mul(f32x4 a, f32x4 b) { return _mm_mul_ps(a, b); }
inline f32x4 div(f32x4 a, f32x4 b) { return _mm_div_ps(a, b); }
// Operand order matches wasm's pmin/pmax (b < a ? b : a), which is what _mm_min_ps does.
inline f32x4 min(f32x4 a, f32x4 b) { return _mm_min_ps(a, b); }
inline f32x4 max(f32x4 a, f32x4 b) { return _mm_max_ps(a, b); }
inline f32x4 round_nearest(f32x4 a) { return _mm_cvtepi32_ps(_mm_cvtps_epi32(a)); }  // MXCSR default: nearest-even
inline f32x4 pow2_of_integral(f32x4 n) {
  return _mm_castsi128_ps(_mm_slli_epi32(_mm_add_epi32(_mm_cvttps_epi32(n), _mm_set1_epi32(127)), 23));
}
inline f32x4 bit_and(f32x4 a, f32x4 b) { return _mm_and_ps(a, b); }
inline f32x4 bit_or(f32x4 a, f32x4 b) { return _mm_or_ps(a, b); }
inline f32x4 bit_xor(f32x4 a, f32x4 b) { return _mm_xor_ps(a, b); }
inline f32x4 less(f32x4 a, f32x4 b) { return _mm_cmplt_ps(a, b); }
inline f32x4 select(f32x4 mask, f32x4 a, f32x4 b) { return _mm_or_ps(_mm_and_ps(mask, a), _mm_andnot_ps(mask, b)); }
inline float sum(f32x4 v) {
  alignas(16) float l[4];
  _mm_store_ps(l, v);
  return l[0] + l[1] + l[2] + l[3];
}
#else
inline constexpr const char* kInstructionSet = "scalar";
struct f32x4 {
  float v[4];
};
template <class F>
inline f32x4 lanewise(f32x4 a, f32x4 b, F f) {
  return {{f(a.v[0], b.v[0]), f(a.v[1], b.v[1]), f(a.v[2], b.v[2]), f(a.v[3], b.v[3])}};
}
inline f32x4 load(const float* p) { return {{p[0], p[1], p[2], p[3]}}; }
inline void store(float* p, f32x4 v) { for (int i = 0; i < 4; ++i) p[i] = v.v[i]; }
inline f32x4 splat(float x) { return {{x, x, x, x}}; }
inline f32x4 add(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return x + y; }); }
inline f32x4 sub(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return x - y; }); }
inline f32x4 mul(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return x * y; }); }
inline f32x4 div(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return x / y; }); }
inline f32x4 min(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return y < x ? y : x; }); }
inline f32x4 max(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return x < y ? y : x; }); }
inline std::uint32_t bits_of(float x) { std::uint32_t u; std::memcpy(&u, &x, 4); return u; }
inline float float_of(std::uint32_t u) { float x; std::memcpy(&x, &u, 4); return x; }
inline f32x4 bit_and(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return float_of(bits_of(x) & bits_of(y)); }); }
inline f32x4 bit_or(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return float_of(bits_of(x) | bits_of(y)); }); }
inline f32x4 bit_xor(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return float_of(bits_of(x) ^ bits_of(y)); }); }
inline f32x4 less(f32x4 a, f32x4 b) { return lanewise(a, b, [](float x, float y) { return float_of(x < y ? ~0u : 0u); }); }
inline f32x4 select(f32x4 mask, f32x4 a, f32x4 b) { return bit_or(bit_and(mask, a), lanewise(mask, b, [](float m, float y) { return float_of(~bits_of(m) & bits_of(y)); })); }
inline f32x4 round_nearest(f32x4 a) { return lanewise(a, a, [](float x, float) { return std::nearbyint(x); }); }
inline f32x4 pow2_of_integral(f32x4 n) {
  return lanewise(n, n, [](float x, float) { return float_of(std::uint32_t(int(x) + 127) << 23); });
}
inline float sum(f32x4 v) { return v.v[0] + v.v[1] + v.v[2] + v.v[3]; }
#endif

inline constexpr int kWidth = 4;

}  // namespace charrnn::simd
