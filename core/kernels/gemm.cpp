// Register-blocked GEMM on the f32x4 vocabulary: each tile keeps an MR×8 block of C in registers
// (MR ≤ 4 rows × two f32x4), streams one row of B per k and broadcasts one element of A per row.
// K is cut into blocks so the B panel under a tile stays in L1 while all row tiles pass over it.
#include "kernels/gemm.hpp"

#include <algorithm>

#include "kernels/simd.hpp"

namespace charrnn {
namespace {

using namespace simd;

constexpr int kRowsPerTile = 4;
constexpr int kBlockK = 256;

// A element (r, k) lives at A[r * a_row + k * a_k]: (a_row, a_k) = (lda, 1) for A, (1, lda) for Aᵀ.
struct Strided {
  const float* base;
  int row, k;
  float at(int r, int kk) const { return base[r * row + kk * k]; }
};

template <int MR>
void tile_8(int K, Strided A, const float* B, int ldb, float* C, int ldc) {
  f32x4 acc[MR][2];
  for (int r = 0; r < MR; ++r) acc[r][0] = acc[r][1] = splat(0.f);
  for (int k = 0; k < K; ++k) {
    const f32x4 b0 = load(B + k * ldb), b1 = load(B + k * ldb + 4);
    for (int r = 0; r < MR; ++r) {
      const f32x4 a = splat(A.at(r, k));
      acc[r][0] = add(acc[r][0], mul(a, b0));
      acc[r][1] = add(acc[r][1], mul(a, b1));
    }
  }
  for (int r = 0; r < MR; ++r) {
    store(C + r * ldc, add(load(C + r * ldc), acc[r][0]));
    store(C + r * ldc + 4, add(load(C + r * ldc + 4), acc[r][1]));
  }
}

template <int MR>
void tile_4(int K, Strided A, const float* B, int ldb, float* C, int ldc) {
  f32x4 acc[MR];
  for (int r = 0; r < MR; ++r) acc[r] = splat(0.f);
  for (int k = 0; k < K; ++k) {
    const f32x4 b = load(B + k * ldb);
    for (int r = 0; r < MR; ++r) acc[r] = add(acc[r], mul(splat(A.at(r, k)), b));
  }
  for (int r = 0; r < MR; ++r) store(C + r * ldc, add(load(C + r * ldc), acc[r]));
}

template <int MR>
void tile_1(int K, Strided A, const float* B, int ldb, float* C, int ldc) {
  float acc[MR] = {};
  for (int k = 0; k < K; ++k)
    for (int r = 0; r < MR; ++r) acc[r] += A.at(r, k) * B[k * ldb];
  for (int r = 0; r < MR; ++r) C[r * ldc] += acc[r];
}

// One column strip (width 8, 4 or 1) of C over all rows, for one K block.
template <template <int> class Tile>
struct RowSweep {
  static void run(int M, int K, Strided A, const float* B, int ldb, float* C, int ldc) {
    int i = 0;
    for (; i + kRowsPerTile <= M; i += kRowsPerTile)
      Tile<kRowsPerTile>::run(K, shifted(A, i), B, ldb, C + i * ldc, ldc);
    switch (M - i) {
      case 3: Tile<3>::run(K, shifted(A, i), B, ldb, C + i * ldc, ldc); break;
      case 2: Tile<2>::run(K, shifted(A, i), B, ldb, C + i * ldc, ldc); break;
      case 1: Tile<1>::run(K, shifted(A, i), B, ldb, C + i * ldc, ldc); break;
      default: break;
    }
  }
  static Strided shifted(Strided A, int rows) { return {A.base + rows * A.row, A.row, A.k}; }
};

template <int MR> struct Tile8 { static void run(int K, Strided A, const float* B, int ldb, float* C, int ldc) { tile_8<MR>(K, A, B, ldb, C, ldc); } };
template <int MR> struct Tile4 { static void run(int K, Strided A, const float* B, int ldb, float* C, int ldc) { tile_4<MR>(K, A, B, ldb, C, ldc); } };
template <int MR> struct Tile1 { static void run(int K, Strided A, const float* B, int ldb, float* C, int ldc) { tile_1<MR>(K, A, B, ldb, C, ldc); } };

void gemm(int M, int N, int K, Strided A, const float* B, int ldb, float* C, int ldc) {
  for (int k0 = 0; k0 < K; k0 += kBlockK) {
    const int kc = std::min(kBlockK, K - k0);
    const Strided Ak{A.base + k0 * A.k, A.row, A.k};
    const float* Bk = B + k0 * ldb;
    int j = 0;
    for (; j + 8 <= N; j += 8) RowSweep<Tile8>::run(M, kc, Ak, Bk + j, ldb, C + j, ldc);
    for (; j + 4 <= N; j += 4) RowSweep<Tile4>::run(M, kc, Ak, Bk + j, ldb, C + j, ldc);
    for (; j < N; ++j) RowSweep<Tile1>::run(M, kc, Ak, Bk + j, ldb, C + j, ldc);
  }
}

}  // namespace

void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept {
  gemm(M, N, K, Strided{A, lda, 1}, B, ldb, C, ldc);
}

void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept {
  gemm(M, N, K, Strided{A, 1, lda}, B, ldb, C, ldc);
}

void transpose(int rows, int cols, const float* src, float* dst) noexcept {
  constexpr int kBlock = 16;  // cache blocking: both src and dst rows stay hot within a block
  for (int r0 = 0; r0 < rows; r0 += kBlock)
    for (int c0 = 0; c0 < cols; c0 += kBlock)
      for (int r = r0; r < std::min(r0 + kBlock, rows); ++r)
        for (int c = c0; c < std::min(c0 + kBlock, cols); ++c) dst[c * rows + r] = src[r * cols + c];
}

}  // namespace charrnn
