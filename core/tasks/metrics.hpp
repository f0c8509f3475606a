// How well a model does its task, counted from its decisions (the most probable class of each scored
// row). Class 1 is "positive" for spacing's boundary precision, recall and F1 (1 = a space follows).
// M rows, C classes.
#pragma once

#include <cstdint>
#include <vector>

#include "nn/config.hpp"

namespace charrnn {

struct Tally {
  long long scored = 0, correct = 0;
  long long true_positive = 0, false_positive = 0, false_negative = 0;  // of class 1

  // Adds the decisions of scores (M, C) (logits or probabilities) against targets (M); -1 is not scored.
  void add(const float* scores, const std::int32_t* targets, int M, int C);
  void add(const Tally& other);
  double accuracy() const { return scored ? static_cast<double>(correct) / scored : 0.0; }
  // 0 when undefined (nothing predicted positive, or nothing positive), as scikit-learn's zero_division=0.
  double precision() const;
  double recall() const;
  double f1() const;
};

// The most probable class of a row (the first of equals).
int decision(const float* scores, int C);

struct TaskMetrics {
  TaskKind task = TaskKind::lm;
  int classes = 0;
  double loss = 0;         // mean cross-entropy over the scored rows, nats
  Tally tally;
  std::vector<long long> confusion;  // classify: (C, C), row = the true label, column = the decision

  double bits_per_char() const;  // lm: loss / ln 2
};

}  // namespace charrnn
