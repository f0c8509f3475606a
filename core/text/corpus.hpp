// A training text: decoded, its vocabulary, its indices, and the split into a training head and a
// held-out validation tail.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/vocab.hpp"

namespace charrnn {

struct Corpus {
  long long characters = 0;              // code points in the whole text
  std::string fingerprint;               // FNV-1a 64 of the code points, hex: "is this the same text?"
  Vocab vocab;
  std::vector<std::int32_t> train;       // the first (1 - val_frac) of the text
  std::vector<std::int32_t> validation;  // the tail; empty when val_frac is 0 or the tail is under 2 characters
  UnknownCharacters unknown;             // characters outside vocab_source (encoded as kUnknown)

  // Throws Error for invalid UTF-8 (naming the byte offset) or a val_frac outside [0, 0.5].
  // vocab_source: when given (continuing or evaluating a loaded model), the text is read with it, and
  // `unknowns` says what becomes of a character it does not hold (text/vocab.hpp).
  static Corpus from_utf8(std::string_view utf8, float val_frac, const Vocab* vocab_source = nullptr,
                          Unknowns unknowns = Unknowns::zero);
};

// FNV-1a 64 of the code points, hex: "is this the same text?"
std::string text_fingerprint(std::u32string_view text);

}  // namespace charrnn
