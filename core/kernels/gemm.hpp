// Matrix products of the training hot path. Every matrix is row-major with a leading dimension
// (ld = distance in floats between rows), and every product ACCUMULATES into C (C += ...):
// backward passes sum contributions over time steps, so zeroing is the caller's explicit job.
//   M rows of C, N columns of C, K the summed dimension.
#pragma once

#include <vector>

namespace charrnn {

// C(M,N) += A(M,K) · B(K,N)
void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;

// C(M,N) += Aᵀ · B where A is stored (K,M): the weight-gradient form dW += dYᵀ · X.
void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;

// B (K, N) packed once for many products: the recurrent weights, read at every time step of a sequence
// and changed only by an optimizer step. Packed per product, the copy of all K×N floats cost as much as
// the product itself at 16–32 rows (a batch), and made a step's time barely shrink with its batch.
struct PackedMatrix {
  int K = 0, N = 0;
  std::vector<float> data;  // K blocks of 256 rows, each a run of 8-column strips (zero-padded)
};

// Packs B (K, N), or — from_transpose — B = Sᵀ for S stored (N, K) with leading dimension ld.
void pack_matrix(int K, int N, const float* src, int ld, bool from_transpose, PackedMatrix& out);

// C(M,N) += A(M,K) · B for a packed B: the same arithmetic, in the same order, as gemm_nn on B.
void gemm_nn(int M, const float* A, int lda, const PackedMatrix& B, float* C, int ldc) noexcept;

// Plain triple loops, kept beside the fast kernels as their specification; tests compare the two.
namespace reference {
void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;
void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;
}  // namespace reference

// dst(cols, rows) = srcᵀ for a (rows, cols) source: packs W_hh (G*H, H) into the (H, G*H) form
// whose rows the broadcast kernels above read contiguously.
void transpose(int rows, int cols, const float* src, float* dst) noexcept;

}  // namespace charrnn
