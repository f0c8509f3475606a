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
  compare(static_cast<void (*)(int, int, int, const float*, int, const float*, int, float*, int) noexcept>(gemm_nn), reference::gemm_nn, false);
}

TEST_CASE("gemm_tn equals the plain-loop reference on every tile edge", "[kernels][gemm]") {
  compare(gemm_tn, reference::gemm_tn, true);
}

TEST_CASE("gemm_nn on a packed B equals the plain-loop reference, packed as it is or from its transpose", "[kernels][gemm]") {
  for (const bool from_transpose : {false, true}) {
    const auto packed_product = [from_transpose](int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) {
      // The transposed source S = Bᵀ (N, K), written out from B, is what the forward pass packs W_hh from.
      std::vector<float> S(static_cast<std::size_t>(N) * (K + 1));
      for (int k = 0; k < K; ++k)
        for (int n = 0; n < N; ++n) S[static_cast<std::size_t>(n) * (K + 1) + k] = B[static_cast<std::size_t>(k) * ldb + n];
      PackedMatrix packed;
      if (from_transpose) pack_matrix(K, N, S.data(), K + 1, true, packed);
      else pack_matrix(K, N, B, ldb, false, packed);
      gemm_nn(M, A, lda, packed, C, ldc);
    };
    INFO("packed from the transpose: " << from_transpose);
    compare(packed_product, reference::gemm_nn, false);
  }
}

TEST_CASE("gemm_nn on a packed B adds exactly what gemm_nn on B adds", "[kernels][gemm]") {
  // The recurrent products moved to packed weights: training must give the same numbers as before.
  Rng rng(5);
  for (int M : {1, 2, 4, 16, 33})
    for (int N : {7, 64}) {
      const int K = 300;
      const auto A = random_matrix(rng, static_cast<std::size_t>(M) * K), B = random_matrix(rng, static_cast<std::size_t>(K) * N);
      auto C_packed = random_matrix(rng, static_cast<std::size_t>(M) * N);
      auto C_plain = C_packed;
      PackedMatrix packed;
      pack_matrix(K, N, B.data(), N, false, packed);
      gemm_nn(M, A.data(), K, packed, C_packed.data(), N);
      gemm_nn(M, N, K, A.data(), K, B.data(), N, C_plain.data(), N);
      INFO("M=" << M << " N=" << N);
      REQUIRE(C_packed == C_plain);
    }
}

TEST_CASE("transpose puts element (r, c) at (c, r)", "[kernels]") {
  const int rows = 19, cols = 37;
  std::vector<float> src(rows * cols), dst(rows * cols, -1.f);
  for (int i = 0; i < rows * cols; ++i) src[i] = static_cast<float>(i);
  transpose(rows, cols, src.data(), dst.data());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) REQUIRE(dst[c * rows + r] == src[r * cols + c]);
}
