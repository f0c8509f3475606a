#include "train/optimizer.hpp"

#include <cmath>
#include <cstdio>

#include "nn/config.hpp"
#include "util/error.hpp"

namespace charrnn {

const char* optimizer_name(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::sgd: return "sgd";
    case OptimizerKind::adagrad: return "adagrad";
    case OptimizerKind::rmsprop: return "rmsprop";
    case OptimizerKind::adam: return "adam";
  }
  return "?";
}

OptimizerKind parse_optimizer(std::string_view name) {
  if (name == "sgd") return OptimizerKind::sgd;
  if (name == "adagrad") return OptimizerKind::adagrad;
  if (name == "rmsprop") return OptimizerKind::rmsprop;
  if (name == "adam") return OptimizerKind::adam;
  throw Error("settings.unknownChoice",
              {{"setting", "optimizer"}, {"value", std::string(name)}, {"expected", "adam, sgd, rmsprop, adagrad"}},
              "unknown optimizer '" + std::string(name) + "' (expected adam, sgd, rmsprop or adagrad)");
}

namespace {
std::string shown(float x) {  // as a person would write it: 0.002, not 0.002000
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(x));
  return buf;
}
}  // namespace

void OptimizerSettings::validate() const {
  require(std::isfinite(lr) && lr > 0.f && lr <= 10.f, "settings.aboveZeroAtMost",
          {{"setting", "learningRate"}, {"max", "10"}, {"value", shown(lr)}},
          "learning rate must be a number above 0 and at most 10 (got " + std::to_string(lr) + ")");
  require(std::isfinite(momentum) && momentum >= 0.f && momentum < 1.f, "settings.belowOne", {{"setting", "momentum"}},
          "momentum must be in [0, 1)");
  require(std::isfinite(beta1) && beta1 >= 0.f && beta1 < 1.f, "settings.belowOne", {{"setting", "beta1"}},
          "Adam beta1 must be in [0, 1)");
  require(std::isfinite(beta2) && beta2 >= 0.f && beta2 < 1.f, "settings.belowOne", {{"setting", "beta2"}},
          "Adam beta2 must be in [0, 1)");
  require(std::isfinite(alpha) && alpha >= 0.f && alpha < 1.f, "settings.belowOne", {{"setting", "alpha"}},
          "RMSprop alpha must be in [0, 1)");
}

Optimizer::Optimizer(const OptimizerSettings& settings, std::size_t n) : settings_(settings) {
  settings_.validate();
  auto slot = [&](const char* name) { slots_.push_back({name, std::vector<float>(n, 0.f)}); };
  switch (settings_.kind) {
    case OptimizerKind::sgd: slot("momentum_buffer"); break;
    case OptimizerKind::adagrad: slot("sum"); break;
    case OptimizerKind::rmsprop: slot("square_avg"); break;
    case OptimizerKind::adam: slot("exp_avg"), slot("exp_avg_sq"); break;
  }
}

void Optimizer::set_learning_rate(float lr) {
  OptimizerSettings s = settings_;
  s.lr = lr;
  s.validate();
  settings_ = s;
}

void Optimizer::step(std::vector<float>& params, const std::vector<float>& grads) {
  ++steps_;
  const std::size_t n = params.size();
  const float lr = settings_.lr, eps = settings_.epsilon();
  float* p = params.data();
  const float* g = grads.data();
  switch (settings_.kind) {
    case OptimizerKind::sgd: {  // buf = μ·buf + g; p -= lr·buf
      float* buf = slots_[0].values.data();
      const float mu = settings_.momentum;
      for (std::size_t i = 0; i < n; ++i) {
        buf[i] = mu * buf[i] + g[i];
        p[i] -= lr * buf[i];
      }
      break;
    }
    case OptimizerKind::adagrad: {  // sum += g²; p -= lr·g / (√sum + ε)
      float* sum = slots_[0].values.data();
      for (std::size_t i = 0; i < n; ++i) {
        sum[i] += g[i] * g[i];
        p[i] -= lr * g[i] / (std::sqrt(sum[i]) + eps);
      }
      break;
    }
    case OptimizerKind::rmsprop: {  // v = α·v + (1-α)·g²; p -= lr·g / (√v + ε)
      float* v = slots_[0].values.data();
      const float a = settings_.alpha;
      for (std::size_t i = 0; i < n; ++i) {
        v[i] = a * v[i] + (1.f - a) * g[i] * g[i];
        p[i] -= lr * g[i] / (std::sqrt(v[i]) + eps);
      }
      break;
    }
    case OptimizerKind::adam: {  // bias-corrected moments; p -= (lr/bc1)·m / (√v/√bc2 + ε)
      float* m = slots_[0].values.data();
      float* v = slots_[1].values.data();
      const float b1 = settings_.beta1, b2 = settings_.beta2;
      const double bc1 = 1.0 - std::pow(static_cast<double>(b1), static_cast<double>(steps_));
      const double bc2 = 1.0 - std::pow(static_cast<double>(b2), static_cast<double>(steps_));
      const float step_size = static_cast<float>(lr / bc1);
      const float inv_sqrt_bc2 = static_cast<float>(1.0 / std::sqrt(bc2));
      for (std::size_t i = 0; i < n; ++i) {
        m[i] = b1 * m[i] + (1.f - b1) * g[i];
        v[i] = b2 * v[i] + (1.f - b2) * g[i] * g[i];
        p[i] -= step_size * m[i] / (std::sqrt(v[i]) * inv_sqrt_bc2 + eps);
      }
      break;
    }
  }
}

float clip_gradient_norm(std::vector<float>& grads, float max_norm) {
  double sq = 0;
  for (float x : grads) sq += static_cast<double>(x) * x;
  const float norm = static_cast<float>(std::sqrt(sq));
  if (max_norm > 0.f && std::isfinite(norm)) {
    const float coef = max_norm / (norm + 1e-6f);
    if (coef < 1.f)
      for (float& x : grads) x *= coef;
  }
  return norm;
}

}  // namespace charrnn
