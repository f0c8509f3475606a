// The four optimizers, each exactly as PyTorch's torch.optim defines its update (default extras:
// no weight decay, no Nesterov, no centering), over the model's flat parameter buffer. Their state
// slots carry PyTorch's names so a saved file reads like a torch optimizer state_dict.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace charrnn {

enum class OptimizerKind { sgd, adagrad, rmsprop, adam };
const char* optimizer_name(OptimizerKind kind);
OptimizerKind parse_optimizer(std::string_view name);  // throws Error for anything else

struct OptimizerSettings {
  OptimizerKind kind = OptimizerKind::adam;
  float lr = 2e-3f;
  float momentum = 0.9f;                     // SGD
  float beta1 = 0.9f, beta2 = 0.999f;        // Adam
  float alpha = 0.99f;                       // RMSprop smoothing
  float eps = -1.f;                          // < 0: PyTorch's default for the kind (1e-10 Adagrad, else 1e-8)
  float epsilon() const { return eps >= 0 ? eps : (kind == OptimizerKind::adagrad ? 1e-10f : 1e-8f); }
  void validate() const;
};

struct OptimizerSlot {
  std::string name;           // exp_avg, exp_avg_sq (Adam); momentum_buffer (SGD); sum (Adagrad); square_avg (RMSprop)
  std::vector<float> values;  // same layout as the parameters
};

class Optimizer {
 public:
  Optimizer(const OptimizerSettings& settings, std::size_t parameter_count);

  void step(std::vector<float>& params, const std::vector<float>& grads);

  const OptimizerSettings& settings() const { return settings_; }
  void set_learning_rate(float lr);
  long long steps() const { return steps_; }
  void set_steps(long long n) { steps_ = n; }
  std::vector<OptimizerSlot>& slots() { return slots_; }
  const std::vector<OptimizerSlot>& slots() const { return slots_; }

 private:
  OptimizerSettings settings_;
  long long steps_ = 0;
  std::vector<OptimizerSlot> slots_;
};

// Global-norm clipping as torch.nn.utils.clip_grad_norm_: returns the norm before clipping; when
// max_norm > 0 and the norm exceeds it, scales every gradient by max_norm / (norm + 1e-6).
float clip_gradient_norm(std::vector<float>& grads, float max_norm);

}  // namespace charrnn
