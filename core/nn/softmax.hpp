// Softmax over rows of logits. N rows, V vocabulary.
#pragma once

#include <cstdint>

namespace charrnn {

// Rows of `x` (N, V) become softmax(x / temperature) in place. temperature > 0.
void softmax_rows(float* x, int N, int V, float temperature = 1.f);

// Turns logits (N, V) into probabilities in place and returns the summed cross-entropy
// Σ_n -log p_n[target_n] in nats, computed as log-sum-exp in double so it stays finite and exact
// when a probability underflows. A row whose target is negative is not scored (it adds nothing).
double softmax_cross_entropy(float* x, const std::int32_t* targets, int N, int V);

}  // namespace charrnn
