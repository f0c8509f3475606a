// Matrix products of the training hot path. Every matrix is row-major with a leading dimension
// (ld = distance in floats between rows), and every product ACCUMULATES into C (C += ...):
// backward passes sum contributions over time steps, so zeroing is the caller's explicit job.
//   M rows of C, N columns of C, K the summed dimension.
#pragma once

namespace charrnn {

// C(M,N) += A(M,K) · B(K,N)
void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;

// C(M,N) += Aᵀ · B where A is stored (K,M): the weight-gradient form dW += dYᵀ · X.
void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;

// Plain triple loops, kept beside the fast kernels as their specification; tests compare the two.
namespace reference {
void gemm_nn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;
void gemm_tn(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C, int ldc) noexcept;
}  // namespace reference

// dst(cols, rows) = srcᵀ for a (rows, cols) source: packs W_hh (G*H, H) into the (H, G*H) form
// whose rows the broadcast kernels above read contiguously.
void transpose(int rows, int cols, const float* src, float* dst) noexcept;

}  // namespace charrnn
