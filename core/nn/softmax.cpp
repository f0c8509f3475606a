#include "nn/softmax.hpp"

#include <algorithm>
#include <cmath>

#include "kernels/activations.hpp"

namespace charrnn {
namespace {

// Row ← exp(row/temperature - max) and returns Σ exp (the shift keeps exp from overflowing).
double exp_shifted(float* row, int V, float inv_temperature, float& max_out) {
  float m = row[0];
  for (int j = 1; j < V; ++j) m = std::max(m, row[j]);
  max_out = m;
  for (int j = 0; j < V; ++j) row[j] = (row[j] - m) * inv_temperature;
  exp_inplace(row, V);
  double s = 0;
  for (int j = 0; j < V; ++j) s += row[j];
  return s;
}

}  // namespace

void softmax_rows(float* x, int N, int V, float temperature) {
  for (int n = 0; n < N; ++n) {
    float* row = x + static_cast<std::size_t>(n) * V;
    float m;
    const double s = exp_shifted(row, V, 1.f / temperature, m);
    const float inv = static_cast<float>(1.0 / s);
    for (int j = 0; j < V; ++j) row[j] *= inv;
  }
}

double softmax_cross_entropy(float* x, const std::int32_t* targets, int N, int V) {
  double loss = 0;
  for (int n = 0; n < N; ++n) {
    float* row = x + static_cast<std::size_t>(n) * V;
    const float target_logit = targets[n] >= 0 ? row[targets[n]] : 0.f;
    float m;
    const double s = exp_shifted(row, V, 1.f, m);
    if (targets[n] >= 0) loss += std::log(s) - (static_cast<double>(target_logit) - m);
    const float inv = static_cast<float>(1.0 / s);
    for (int j = 0; j < V; ++j) row[j] *= inv;
  }
  return loss;
}

}  // namespace charrnn
