#include "infer/generator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "nn/softmax.hpp"
#include "util/error.hpp"

namespace charrnn {

Generator::Generator(const Model& model) : model_(model), network_(model.shape(), 1, 1) { reset(); }

void Generator::reset() {
  state_.reset(model_.shape(), 1);
  logits_.assign(model_.shape().vocab_size, 0.f);
  fed_ = 0;
}

void Generator::feed(std::int32_t id) {
  require(id >= kUnknown && id < model_.shape().vocab_size, "character index outside the vocabulary");
  network_.forward(model_, 1, &id, nullptr, state_);
  logits_ = network_.outputs();
  ++fed_;
}

std::vector<float> Generator::next_probabilities(float temperature) const {
  require(fed_ > 0, "feed at least one character before asking for the next one");
  require(std::isfinite(temperature) && temperature >= 0.f, "settings.zeroOrMore", {{"setting", "temperature"}},
          "temperature must be 0 or more");
  std::vector<float> p = logits_;
  if (temperature == 0.f) {
    const auto best = std::max_element(p.begin(), p.end()) - p.begin();
    std::fill(p.begin(), p.end(), 0.f);
    p[best] = 1.f;
    return p;
  }
  softmax_rows(p.data(), 1, static_cast<int>(p.size()), std::max(temperature, 1e-3f));
  return p;
}

std::int32_t Generator::sample(Rng& rng, float temperature, int top_k) const {
  std::vector<float> p = next_probabilities(top_k == 1 ? 0.f : temperature);
  const int V = static_cast<int>(p.size());
  if (top_k > 0 && top_k < V) {
    std::vector<int> order(V);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + top_k, order.end(),
                      [&](int a, int b) { return p[a] > p[b] || (p[a] == p[b] && a < b); });
    std::vector<float> kept(V, 0.f);
    for (int i = 0; i < top_k; ++i) kept[order[i]] = p[order[i]];
    p.swap(kept);
  }
  double total = 0;
  for (float x : p) total += x;
  double u = rng.uniform() * total;
  for (int j = 0; j < V; ++j) {
    u -= p[j];
    if (u < 0) return j;
  }
  for (int j = V - 1; j >= 0; --j)  // rounding left u ≥ 0: the last character with any probability
    if (p[j] > 0) return j;
  return 0;
}

void SampleSettings::validate() const {
  require(length >= 0 && length <= 1000000, "settings.between", {{"setting", "sampleLength"}, {"min", "0"}, {"max", "1000000"}},
          "sample length must be between 0 and 1000000");
  require(std::isfinite(temperature) && temperature >= 0.f && temperature <= 100.f, "settings.between",
          {{"setting", "temperature"}, {"min", "0"}, {"max", "100"}}, "temperature must be between 0 and 100");
  require(top_k >= 0, "settings.zeroOrPositive", {{"setting", "topK"}}, "top-k must be 0 (off) or a positive number");
}

std::u32string sample_text(const Model& model, const Vocab& vocab, std::u32string_view prime,
                           const SampleSettings& settings) {
  settings.validate();
  require(model.shape().task == TaskKind::lm, std::string("only a language model (task lm) writes text; this model's task is ") +
                                                  task_name(model.shape().task));
  require(vocab.size() == model.shape().vocab_size, "the vocabulary does not match the model");
  Rng rng(settings.seed);
  Generator generator(model);
  std::u32string out(prime);
  if (out.empty()) out.push_back(vocab.character(static_cast<int>(rng.next_u32() % vocab.size())));
  for (std::int32_t id : vocab.encode(out)) generator.feed(id);
  for (int i = 0; i < settings.length; ++i) {
    const std::int32_t id = generator.sample(rng, settings.temperature, settings.top_k);
    out.push_back(vocab.character(id));
    generator.feed(id);
  }
  return out;
}

}  // namespace charrnn
