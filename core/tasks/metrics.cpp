#include "tasks/metrics.hpp"

#include <cmath>

namespace charrnn {

int decision(const float* scores, int C) {
  int best = 0;
  for (int c = 1; c < C; ++c)
    if (scores[c] > scores[best]) best = c;
  return best;
}

void Tally::add(const float* scores, const std::int32_t* targets, int M, int C) {
  for (int m = 0; m < M; ++m) {
    const int y = targets[m];
    if (y < 0) continue;
    const int predicted = decision(scores + static_cast<std::size_t>(m) * C, C);
    ++scored;
    correct += predicted == y;
    true_positive += predicted == 1 && y == 1;
    false_positive += predicted == 1 && y != 1;
    false_negative += predicted != 1 && y == 1;
  }
}

void Tally::add(const Tally& o) {
  scored += o.scored, correct += o.correct;
  true_positive += o.true_positive, false_positive += o.false_positive, false_negative += o.false_negative;
}

double Tally::precision() const {
  const long long predicted = true_positive + false_positive;
  return predicted ? static_cast<double>(true_positive) / predicted : 0.0;
}

double Tally::recall() const {
  const long long actual = true_positive + false_negative;
  return actual ? static_cast<double>(true_positive) / actual : 0.0;
}

double Tally::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double TaskMetrics::bits_per_char() const { return loss / std::log(2.0); }

}  // namespace charrnn
