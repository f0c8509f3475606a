// The blocked SIMD GEMMs against their plain-loop references, over shapes that hit every tile edge
// (rows not a multiple of 4, columns not a multiple of 8 or 4, K across the 256 block) and leading
// dimensions wider than the matrices.
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "kernels/gemm.hpp"
#include "util/rng.hpp"

using namespace charrnn;

namespace {

std::vector<float> random_matrix(Rng& rng, std::size_t n) {
  std::vector<float> m(n);
  for (float& x : m) x = rng.uniform(-1.f, 1.f);
  return m;
}

template <class Fast, class Ref>
void compare(Fast fast, Ref ref, bool transposed_a) {
  Rng rng(3);
  for (int M : {1, 3, 4, 5, 9, 32})
    for (int N : {1, 4, 7, 8, 13, 24, 33})
      for (int K : {1, 5, 64, 257, 600}) {
        const int lda = (transposed_a ? M : K) + 3, ldb = N + 2, ldc = N + 5;
        const auto A = random_matrix(rng, static_cast<std::size_t>(transposed_a ? K : M) * lda);
        const auto B = random_matrix(rng, static_cast<std::size_t>(K) * ldb);
        auto C_fast = random_matrix(rng, static_cast<std::size_t>(M) * ldc);  // products accumulate into C
        auto C_ref = C_fast;
        fast(M, N, K, A.data(), lda, B.data(), ldb, C_fast.data(), ldc);
        ref(M, N, K, A.data(), lda, B.data(), ldb, C_ref.data(), ldc);
        for (int i = 0; i < M; ++i)
          for (int j = 0; j < ldc; ++j) {
            const float f = C_fast[i * ldc + j], r = C_ref[i * ldc + j];
            INFO("M=" << M << " N=" << N << " K=" << K << " at (" << i << "," << j << ")");
            // Summation order differs (K blocks, SIMD lanes): allow float rounding of a K-term sum.
            REQUIRE(std::abs(f - r) <= 1e-6f * K + 1e-6f);
          }
      }
}

}  // namespace

TEST_CASE("gemm_nn equals the plain-loop reference on every tile edge", "[kernels][gemm]") {
  compare(gemm_nn, reference::gemm_nn, false);
}

TEST_CASE("gemm_tn equals the plain-loop reference on every tile edge", "[kernels][gemm]") {
  compare(gemm_tn, reference::gemm_tn, true);
}

TEST_CASE("transpose puts element (r, c) at (c, r)", "[kernels]") {
  const int rows = 19, cols = 37;
  std::vector<float> src(rows * cols), dst(rows * cols, -1.f);
  for (int i = 0; i < rows * cols; ++i) src[i] = static_cast<float>(i);
  transpose(rows, cols, src.data(), dst.data());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) REQUIRE(dst[c * rows + r] == src[r * cols + c]);
}
