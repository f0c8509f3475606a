// Gate nonlinearities and exp, vectorized on the f32x4 vocabulary (in place over n floats).
// Accuracy against <cmath> in float, measured over [-30, 30] by tests/kernels/activations_test.cpp:
//   exp      relative error ≤ 4e-7 (inputs clamped to [-87.3, 88]: results stay normal floats)
//   sigmoid  absolute error ≤ 2e-7
//   tanh     absolute error ≤ 3e-7, and relative ≤ 1e-6 near zero (a polynomial there, not 1 - 2/(e^2x+1))
//   relu     exact: x < 0 ? 0 : x (a NaN stays NaN, so divergence is still seen)
// Tails shorter than a vector go through the same vector code, so a value's result never depends
// on where it sits in the array.
#pragma once

namespace charrnn {

void exp_inplace(float* x, int n) noexcept;
void sigmoid_inplace(float* x, int n) noexcept;
void tanh_inplace(float* x, int n) noexcept;
void relu_inplace(float* x, int n) noexcept;

namespace reference {
void exp_inplace(float* x, int n) noexcept;
void sigmoid_inplace(float* x, int n) noexcept;
void tanh_inplace(float* x, int n) noexcept;
void relu_inplace(float* x, int n) noexcept;
}  // namespace reference

}  // namespace charrnn
