// The machine's practical wasm SIMD GEMM ceiling: C += A·B with a register-blocked f32x4 microkernel
// (4×8 tile: 8 accumulators, no FMA — relaxed SIMD is unusable with clang 14) on packed operands small
// enough to stay in cache. bench/contenders/ceiling.mjs times repeated calls of ceiling_run after a
// warm-up and reports GFLOP/s = 2·M·N·K·reps / seconds. ceiling_check compares one product with a
// plain-loop reference, so the fast path is known to compute the right thing.
// M rows of A and C, N columns of B and C, K the shared dimension. Built by bench/CMakeLists.txt (em++ only).
#include <wasm_simd128.h>

#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

constexpr int kMr = 4;  // rows of the register tile
constexpr int kNr = 8;  // columns of the register tile (two f32x4)

int M = 0, N = 0, K = 0;
std::vector<float> a_packed;  // (M/4, K, 4): panel p holds rows 4p..4p+3, column by column
std::vector<float> b_packed;  // (N/8, K, 8): panel q holds columns 8q..8q+7, row by row
std::vector<float> c;         // (M, N) row-major
std::vector<float> a_plain, b_plain;  // (M, K), (K, N) row-major: for the reference only

// C[0:4, 0:8] += A_panel(4×K) · B_panel(K×8); ldc is C's row stride.
__attribute__((noinline)) void microkernel_4x8(const float* a, const float* b, float* c_tile, int k_size, int ldc) {
  v128_t c00 = wasm_f32x4_splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int k = 0; k < k_size; ++k, a += kMr, b += kNr) {
    const v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
    const v128_t a0 = wasm_v128_load32_splat(a + 0), a1 = wasm_v128_load32_splat(a + 1);
    c00 = wasm_f32x4_add(c00, wasm_f32x4_mul(a0, b0));
    c01 = wasm_f32x4_add(c01, wasm_f32x4_mul(a0, b1));
    c10 = wasm_f32x4_add(c10, wasm_f32x4_mul(a1, b0));
    c11 = wasm_f32x4_add(c11, wasm_f32x4_mul(a1, b1));
    const v128_t a2 = wasm_v128_load32_splat(a + 2), a3 = wasm_v128_load32_splat(a + 3);
    c20 = wasm_f32x4_add(c20, wasm_f32x4_mul(a2, b0));
    c21 = wasm_f32x4_add(c21, wasm_f32x4_mul(a2, b1));
    c30 = wasm_f32x4_add(c30, wasm_f32x4_mul(a3, b0));
    c31 = wasm_f32x4_add(c31, wasm_f32x4_mul(a3, b1));
  }
  const v128_t acc[kMr][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  for (int r = 0; r < kMr; ++r) {
    float* row = c_tile + r * ldc;
    wasm_v128_store(row, wasm_f32x4_add(wasm_v128_load(row), acc[r][0]));
    wasm_v128_store(row + 4, wasm_f32x4_add(wasm_v128_load(row + 4), acc[r][1]));
  }
}

void gemm_packed() {
  // B panel outer: one 8-column panel (K·8 floats) stays in L1 while every A panel streams past it.
  for (int q = 0; q < N / kNr; ++q)
    for (int p = 0; p < M / kMr; ++p)
      microkernel_4x8(&a_packed[static_cast<std::size_t>(p) * K * kMr], &b_packed[static_cast<std::size_t>(q) * K * kNr],
                      &c[static_cast<std::size_t>(p) * kMr * N + q * kNr], K, N);
}

void gemm_reference(std::vector<float>& out) {
  out.assign(static_cast<std::size_t>(M) * N, 0.f);
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float s = 0;
      for (int k = 0; k < K; ++k) s += a_plain[static_cast<std::size_t>(i) * K + k] * b_plain[static_cast<std::size_t>(k) * N + j];
      out[static_cast<std::size_t>(i) * N + j] = s;
    }
}

}  // namespace

extern "C" {

// Sizes must be multiples of the tile (M of 4, N of 8). Returns 0, or -1 for bad sizes.
int ceiling_setup(int m, int n, int k) {
  if (m <= 0 || n <= 0 || k <= 0 || m % kMr || n % kNr) return -1;
  M = m, N = n, K = k;
  a_plain.resize(static_cast<std::size_t>(M) * K);
  b_plain.resize(static_cast<std::size_t>(K) * N);
  unsigned state = 12345u;  // fixed LCG: values in [-1, 1)
  auto next = [&state] { state = state * 1664525u + 1013904223u; return static_cast<float>(state >> 8) / 8388608.f - 1.f; };
  for (float& x : a_plain) x = next();
  for (float& x : b_plain) x = next();
  a_packed.resize(a_plain.size());
  for (int p = 0; p < M / kMr; ++p)
    for (int kk = 0; kk < K; ++kk)
      for (int r = 0; r < kMr; ++r)
        a_packed[(static_cast<std::size_t>(p) * K + kk) * kMr + r] = a_plain[static_cast<std::size_t>(p * kMr + r) * K + kk];
  b_packed.resize(b_plain.size());
  for (int q = 0; q < N / kNr; ++q)
    for (int kk = 0; kk < K; ++kk)
      for (int j = 0; j < kNr; ++j)
        b_packed[(static_cast<std::size_t>(q) * K + kk) * kNr + j] = b_plain[static_cast<std::size_t>(kk) * N + q * kNr + j];
  c.assign(static_cast<std::size_t>(M) * N, 0.f);
  return 0;
}

// reps products C += A·B; returns one element so the work cannot be optimized away.
double ceiling_run(int reps) {
  for (int r = 0; r < reps; ++r) gemm_packed();
  return c[0];
}

// Max |fast - reference| / max(1, |reference|) over C for one product from C = 0.
double ceiling_check() {
  c.assign(static_cast<std::size_t>(M) * N, 0.f);
  gemm_packed();
  std::vector<float> ref;
  gemm_reference(ref);
  double worst = 0;
  for (std::size_t i = 0; i < ref.size(); ++i)
    worst = std::fmax(worst, std::fabs(c[i] - ref[i]) / std::fmax(1.0, std::fabs(ref[i])));
  c.assign(c.size(), 0.f);
  return worst;
}

}  // extern "C"
