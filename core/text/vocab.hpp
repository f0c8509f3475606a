// The vocabulary: the distinct Unicode code points of a text, in ascending code-point order (so the
// same text always gives the same indices), and the text as a sequence of indices into it.
//
// Text a model was not built on (held-out text, a probe, a model file opened on another text) may hold
// characters outside its vocabulary. The rule, decided here once (README "Model files"): such a
// character is encoded as kUnknown; the network reads it as an all-zero one-hot column, so the hidden
// state carries on from the characters before it, and a position whose target is kUnknown is left out
// of the loss and the task's metrics. Unknowns::refuse keeps the old behaviour (`charrnn eval --strict`).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace charrnn {

inline constexpr std::int32_t kUnknown = -1;  // the index of a character outside the vocabulary

// What encoding does with a character outside the vocabulary: an Error naming it, or kUnknown.
enum class Unknowns { refuse, zero };

// The characters of a text that a vocabulary does not hold.
struct UnknownCharacters {
  long long count = 0;                       // occurrences
  std::map<char32_t, long long> characters;  // each distinct one, in code point order, with its occurrences

  void add(char32_t c) { ++count, ++characters[c]; }
  void add(const UnknownCharacters& other);
  bool empty() const { return count == 0; }
};

class Vocab {
 public:
  static constexpr int kMaxSize = 65536;

  Vocab() = default;
  // Throws Error for more than kMaxSize distinct characters or invalid code points.
  explicit Vocab(std::vector<char32_t> characters);  // index order as given; duplicates are an error
  static Vocab of_text(std::u32string_view text);

  int size() const { return static_cast<int>(chars_.size()); }
  char32_t character(int index) const { return chars_[static_cast<std::size_t>(index)]; }
  const std::vector<char32_t>& characters() const { return chars_; }

  // -1 when the character is not in the vocabulary.
  int index_of(char32_t c) const;
  bool contains(char32_t c) const { return index_of(c) >= 0; }
  // Throws Error naming the first character that is not in the vocabulary (and where it is).
  std::vector<std::int32_t> encode(std::u32string_view text) const { return encode(text, Unknowns::refuse); }
  // With Unknowns::zero, a character outside the vocabulary becomes kUnknown (and is counted in `unknown`).
  std::vector<std::int32_t> encode(std::u32string_view text, Unknowns unknowns, UnknownCharacters* unknown = nullptr) const;
  // kUnknown decodes as U+FFFD, the replacement character.
  std::u32string decode(const std::vector<std::int32_t>& ids) const;

  // JSON array of one-character strings, index order: the model file's `vocab` metadata.
  std::string to_json() const;
  static Vocab from_json(std::string_view json);  // throws Error naming what is wrong

 private:
  std::vector<char32_t> chars_;
  std::vector<std::int32_t> sorted_index_;  // indices of chars_ sorted by code point, for index_of
};

// A character as a user should read it in a message: printable ones quoted, others as U+XXXX.
std::string describe_character(char32_t c);

}  // namespace charrnn
