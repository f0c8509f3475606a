// Packed, register-blocked GEMM on the f32x4 vocabulary (the GotoBLAS scheme, minus the L3 level):
// K is cut into blocks of kBlockK; each block of B is packed into 8-column strips and each block of A
// into 4-row panels, both contiguous in k, so the 4×8 microkernel streams two buffers linearly and
// keeps the C tile in 8 registers. Products with fewer than 4 rows of C (B = 1 generation and
// training) skip packing: each row of B is used once, so copying it would cost more than it saves.
#include "kernels/gemm.hpp"

#include <algorithm>
#include <vector>

#include "kernels/simd.hpp"

namespace charrnn {
namespace {

using namespace simd;

constexpr int kRows = 4;       // MR: rows of the C tile
constexpr int kCols = 8;       // NR: columns of the C tile (two f32x4)
constexpr int kBlockK = 256;   // K block: a packed A panel (4 × 256) and B strip (256 × 8) stay in L1
constexpr int kBlockM = 128;   // rows of A packed at once (128 × 256 floats = 128 KiB, in L2)

// Scratch for the packed operands, grown to the largest product seen and then reused: no allocation
// per call, and the heap stays flat once training has warmed up.
std::vector<float>& scratch_a() {
  static std::vector<float> buffer;
  return buffer;
}
std::vector<float>& scratch_b() {
  static std::vector<float> buffer;
  return buffer;
}

// Packs rows [i0, i0+mc) × columns [k0, k0+kc) of A — or of Aᵀ when `transposed` (A stored (K, M)) —
// into panels of 4 rows: panel p holds (kc, 4), element (k, r) at p*4*kc + 4k + r. Missing rows are 0.
void pack_a(bool transposed, const float* A, int lda, int i0, int mc, int k0, int kc, float* out) {
  for (int p = 0; p < mc; p += kRows) {
    const int rows = std::min(kRows, mc - p);
    float* dst = out + static_cast<std::size_t>(p) * kc;
    if (transposed) {
      for (int k = 0; k < kc; ++k) {
        const float* src = A + static_cast<std::size_t>(k0 + k) * lda + i0 + p;
        for (int r = 0; r < kRows; ++r) dst[k * kRows + r] = r < rows ? src[r] : 0.f;
      }
    } else {
      for (int r = 0; r < kRows; ++r) {
        const float* src = A + static_cast<std::size_t>(i0 + p + r) * lda + k0;
        for (int k = 0; k < kc; ++k) dst[k * kRows + r] = r < rows ? src[k] : 0.f;
      }
    }
  }
}

// Strips of 8 columns covering N, and where K block k0 of a packed matrix starts: every block before it
// holds kBlockK rows of each strip.
int strips_of(int N) { return (N + kCols - 1) / kCols; }
std::size_t block_offset(int N, int k0) { return static_cast<std::size_t>(k0) * strips_of(N) * kCols; }

// Packs rows [k0, k0+kc) of B (K, N) into strips of 8 columns: strip s holds (kc, 8) at s*8*kc. With
// `transposed`, B = Sᵀ for S stored (N, K): element (k, n) is read at S[n*ldb + k].
void pack_b(const float* B, int ldb, bool transposed, int k0, int kc, int N, float* out) {
  for (int j = 0; j < N; j += kCols) {
    const int cols = std::min(kCols, N - j);
    float* dst = out + static_cast<std::size_t>(j) * kc;
    for (int k = 0; k < kc; ++k) {
      if (transposed) {
        for (int c = 0; c < kCols; ++c) dst[k * kCols + c] = c < cols ? B[static_cast<std::size_t>(j + c) * ldb + k0 + k] : 0.f;
        continue;
      }
      const float* src = B + static_cast<std::size_t>(k0 + k) * ldb + j;
      if (cols == kCols) {
        store(dst + k * kCols, load(src));
        store(dst + k * kCols + 4, load(src + 4));
      } else {
        for (int c = 0; c < kCols; ++c) dst[k * kCols + c] = c < cols ? src[c] : 0.f;
      }
    }
  }
}

// C tile (rows ≤ 4, cols ≤ 8) += packed A panel · packed B strip over kc.
void microkernel(int kc, const float* a, const float* b, float* C, int ldc, int rows, int cols) {
  f32x4 c00 = splat(0.f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int k = 0; k < kc; ++k, a += kRows, b += kCols) {
    const f32x4 b0 = load(b), b1 = load(b + 4);
    f32x4 x = splat(a[0]);
    c00 = add(c00, mul(x, b0)), c01 = add(c01, mul(x, b1));
    x = splat(a[1]);
    c10 = add(c10, mul(x, b0)), c11 = add(c11, mul(x, b1));
    x = splat(a[2]);
    c20 = add(c20, mul(x, b0)), c21 = add(c21, mul(x, b1));
    x = splat(a[3]);
    c30 = add(c30, mul(x, b0)), c31 = add(c31, mul(x, b1));
  }
  const f32x4 tile[kRows][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
  if (rows == kRows && cols == kCols) {
    for (int r = 0; r < kRows; ++r) {
      float* row = C + static_cast<std::size_t>(r) * ldc;
      store(row, add(load(row), tile[r][0]));
      store(row + 4, add(load(row + 4), tile[r][1]));
    }
    return;
  }
  float spill[kRows][kCols];  // an edge tile: add only the part inside C
  for (int r = 0; r < kRows; ++r) store(spill[r], tile[r][0]), store(spill[r] + 4, tile[r][1]);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) C[static_cast<std::size_t>(r) * ldc + c] += spill[r][c];
}

// One row of C: c(N) += Σ_k a_k · B[k, :], for products with 1-3 rows (no packing).
void row_times_matrix(int N, int K, const float* a, int a_stride, const float* B, int ldb, float* c) {
  int j = 0;
  for (; j + 8 <= N; j += 8) {
    f32x4 s0 = splat(0.f), s1 = s0;
    for (int k = 0; k < K; ++k) {
      const f32x4 x = splat(a[static_cast<std::size_t>(k) * a_stride]);
      const float* row = B + static_cast<std::size_t>(k) * ldb + j;
      s0 = add(s0, mul(x, load(row))), s1 = add(s1, mul(x, load(row + 4)));
    }
    store(c + j, add(load(c + j), s0));
    store(c + j + 4, add(load(c + j + 4), s1));
  }
  for (; j < N; ++j) {
    float s = 0;
    for (int k = 0; k < K; ++k) s += a[static_cast<std::size_t>(k) * a_stride] * B[static_cast<std::size_t>(k) * ldb + j];
    c[j] += s;
  }
}

// One row of C against a packed B: the k order of row_times_matrix, so the sums are the same.
void row_times_packed(const float* a, const PackedMatrix& B, float* c) {
  for (int s = 0; s < strips_of(B.N); ++s) {
    f32x4 s0 = splat(0.f), s1 = s0;
    for (int k0 = 0; k0 < B.K; k0 += kBlockK) {
      const int kc = std::min(kBlockK, B.K - k0);
      const float* b = B.data.data() + block_offset(B.N, k0) + static_cast<std::size_t>(s) * kCols * kc;
      for (int k = 0; k < kc; ++k, b += kCols) {
        const f32x4 x = splat(a[k0 + k]);
        s0 = add(s0, mul(x, load(b))), s1 = add(s1, mul(x, load(b + 4)));
      }
    }
    float* out = c + s * kCols;
    const int cols = std::min(kCols, B.N - s * kCols);
    if (cols == kCols) {
      store(out, add(load(out), s0));
      store(out + 4, add(load(out + 4), s1));
      continue;
    }
    float sum[kCols];
    store(sum, s0), store(sum + 4, s1);
    for (int j = 0; j < cols; ++j) out[j] += sum[j];
  }
}

// C += A · (one packed K block of B): A's rows packed kBlockM at a time, then the 4×8 tiles.
void multiply_k_block(bool transposed, int M, int N, const float* A, int lda, int k0, int kc, const float* b_block,
                      float* C, int ldc) {
  std::vector<float>& a_packed = scratch_a();
  const std::size_t a_need = static_cast<std::size_t>(kBlockK) * ((std::min(kBlockM, M) + kRows - 1) / kRows * kRows);
  if (a_packed.size() < a_need) a_packed.resize(a_need);
  for (int i0 = 0; i0 < M; i0 += kBlockM) {
    const int mc = std::min(kBlockM, M - i0);
    pack_a(transposed, A, lda, i0, mc, k0, kc, a_packed.data());
    for (int j = 0; j < N; j += kCols)
      for (int p = 0; p < mc; p += kRows)
        microkernel(kc, a_packed.data() + static_cast<std::size_t>(p) * kc, b_block + static_cast<std::size_t>(j) * kc,
                    C + static_cast<std::size_t>(i0 + p) * ldc + j, ldc, std::min(kRows, mc - p), std::min(kCols, N - j));
  }
}

void gemm(bool transposed, int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
  if (M <= 0 || N <= 0 || K <= 0) return;
  if (M < kRows) {
    for (int i = 0; i < M; ++i) {
      const float* a = transposed ? A + i : A + static_cast<std::size_t>(i) * lda;
      row_times_matrix(N, K, a, transposed ? lda : 1, B, ldb, C + static_cast<std::size_t>(i) * ldc);
    }
    return;
  }
  std::vector<float>& b_packed = scratch_b();
  const std::size_t b_need = static_cast<std::size_t>(kBlockK) * strips_of(N) * kCols;
  if (b_packed.size() < b_need) b_packed.resize(b_need);
  for (int k0 = 0; k0 < K; k0 += kBlockK) {
    const int kc = std::min(kBlockK, K - k0);
    pack_b(B, ldb, false, k0, kc, N, b_packed.data());
    multiply_k_block(transposed, M, N, A, lda, k0, kc, b_packed.data(), C, ldc);
  }
}

}  // namespace

void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept {
  gemm(false, M, N, K, A, lda, B, ldb, C, ldc);
}

void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept {
  gemm(true, M, N, K, A, lda, B, ldb, C, ldc);
}

void pack_matrix(int K, int N, const float* src, int ld, bool from_transpose, PackedMatrix& out) {
  out.K = K, out.N = N;
  out.data.resize(static_cast<std::size_t>(K) * strips_of(N) * kCols);
  for (int k0 = 0; k0 < K; k0 += kBlockK) pack_b(src, ld, from_transpose, k0, std::min(kBlockK, K - k0), N, out.data.data() + block_offset(N, k0));
}

void gemm_nn(int M, const float* A, int lda, const PackedMatrix& B, float* C, int ldc) noexcept {
  if (M <= 0 || B.N <= 0 || B.K <= 0) return;
  if (M < kRows) {
    for (int i = 0; i < M; ++i) row_times_packed(A + static_cast<std::size_t>(i) * lda, B, C + static_cast<std::size_t>(i) * ldc);
    return;
  }
  for (int k0 = 0; k0 < B.K; k0 += kBlockK) multiply_k_block(false, M, B.N, A, lda, k0, std::min(kBlockK, B.K - k0), B.data.data() + block_offset(B.N, k0), C, ldc);
}

void transpose(int rows, int cols, const float* src, float* dst) noexcept {
  constexpr int kBlock = 16;  // cache blocking: both src and dst rows stay hot within a block
  for (int r0 = 0; r0 < rows; r0 += kBlock)
    for (int c0 = 0; c0 < cols; c0 += kBlock)
      for (int r = r0; r < std::min(r0 + kBlock, rows); ++r)
        for (int c = c0; c < std::min(c0 + kBlock, cols); ++c) dst[static_cast<std::size_t>(c) * rows + r] = src[static_cast<std::size_t>(r) * cols + c];
}

}  // namespace charrnn
