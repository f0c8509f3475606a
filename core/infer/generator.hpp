// The step API and sampling: one stream, fed one character at a time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/network.hpp"
#include "text/vocab.hpp"

namespace charrnn {

class Generator {
 public:
  explicit Generator(const Model& model);  // the model must outlive the generator

  void reset();                        // back to the zero state, nothing fed
  void feed(std::int32_t id);          // advance the state by one character (kUnknown: an all-zero input)
  bool has_input() const { return fed_ > 0; }
  long long fed() const { return fed_; }

  // Distribution of the next character after everything fed: softmax(logits / temperature), or one-hot
  // on the most likely character when temperature is 0. Needs at least one character fed.
  std::vector<float> next_probabilities(float temperature = 1.f) const;

  // Draws the next character: top_k > 0 keeps only the k most likely (renormalized); temperature 0
  // (or top_k 1) takes the most likely.
  std::int32_t sample(Rng& rng, float temperature = 1.f, int top_k = 0) const;

 private:
  const Model& model_;
  Network network_;
  RecurrentState state_;
  std::vector<float> logits_;  // (V) after the last feed
  long long fed_ = 0;
};

struct SampleSettings {
  int length = 200;          // characters generated after the prime
  float temperature = 1.f;   // 0 = argmax
  int top_k = 0;             // 0 = no cut
  std::uint64_t seed = 1;
  void validate() const;
};

// prime + `length` generated characters. An empty prime starts from a character drawn uniformly from
// the vocabulary (it is part of the output). Throws Error for characters the model does not know.
std::u32string sample_text(const Model& model, const Vocab& vocab, std::u32string_view prime,
                           const SampleSettings& settings);

}  // namespace charrnn
