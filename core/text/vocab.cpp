#include "text/vocab.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {

Vocab::Vocab(std::vector<char32_t> characters) : chars_(std::move(characters)) {
  require(chars_.size() <= static_cast<std::size_t>(kMaxSize), "text.tooManyCharacters",
          {{"count", std::to_string(chars_.size())}, {"max", std::to_string(kMaxSize)}},
          "the vocabulary has " + std::to_string(chars_.size()) + " distinct characters; at most " +
              std::to_string(kMaxSize) + " are supported");
  sorted_index_.resize(chars_.size());
  for (std::size_t i = 0; i < chars_.size(); ++i) {
    const char32_t c = chars_[i];
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))  // per character: the params only on failure
      throw Error("text.vocabNotUnicode", {{"character", describe_character(c)}},
                  "the vocabulary holds " + describe_character(c) + ", which is not a Unicode character");
    sorted_index_[i] = static_cast<std::int32_t>(i);
  }
  std::sort(sorted_index_.begin(), sorted_index_.end(),
            [this](std::int32_t a, std::int32_t b) { return chars_[a] < chars_[b]; });
  for (std::size_t i = 1; i < sorted_index_.size(); ++i)
    if (chars_[sorted_index_[i - 1]] == chars_[sorted_index_[i]])
      throw Error("text.vocabDuplicate", {{"character", describe_character(chars_[sorted_index_[i]])}},
                  "the vocabulary lists " + describe_character(chars_[sorted_index_[i]]) + " twice");
}

Vocab Vocab::of_text(std::u32string_view text) {
  // One bit per possible code point (136 KiB): linear in the text, no copy of it to sort.
  std::vector<bool> seen(0x110000, false);
  std::vector<char32_t> distinct;
  for (char32_t c : text) {
    // Per character: no message is built unless it is needed (require() would build one every time).
    if (c >= 0x110000)
      throw Error("text.notUnicode", {{"character", describe_character(c)}}, "the text holds " + describe_character(c) + ", which is not a Unicode character");
    if (!seen[c]) seen[c] = true, distinct.push_back(c);
  }
  std::sort(distinct.begin(), distinct.end());
  return Vocab(std::move(distinct));
}

int Vocab::index_of(char32_t c) const {
  auto it = std::lower_bound(sorted_index_.begin(), sorted_index_.end(), c,
                             [this](std::int32_t i, char32_t value) { return chars_[i] < value; });
  return (it != sorted_index_.end() && chars_[*it] == c) ? *it : -1;
}

void UnknownCharacters::add(const UnknownCharacters& other) {
  count += other.count;
  for (const auto& [c, n] : other.characters) characters[c] += n;
}

std::vector<std::int32_t> Vocab::encode(std::u32string_view text, Unknowns unknowns, UnknownCharacters* unknown) const {
  std::vector<std::int32_t> ids(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const int id = index_of(text[i]);
    if (id < 0) {  // the message is built only on failure: this loop runs once per character of the text
      if (unknowns == Unknowns::refuse)
        throw Error("text.unknownCharacter", {{"character", describe_character(text[i])}, {"position", std::to_string(i)}},
                    "the character " + describe_character(text[i]) + " at position " + std::to_string(i) +
                    " is not in the model's vocabulary");
      if (unknown) unknown->add(text[i]);
    }
    ids[i] = id;  // kUnknown when not found
  }
  return ids;
}

std::u32string Vocab::decode(const std::vector<std::int32_t>& ids) const {
  std::u32string out;
  out.reserve(ids.size());
  for (std::int32_t id : ids) out.push_back(id == kUnknown ? U'\uFFFD' : character(id));
  return out;
}

std::string Vocab::to_json() const {
  nlohmann::json array = nlohmann::json::array();
  for (char32_t c : chars_) array.push_back(encode_utf8(c));
  return array.dump();  // non-ASCII stays UTF-8, control characters become \u escapes
}

Vocab Vocab::from_json(std::string_view json) {
  const auto parsed = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  require(!parsed.is_discarded(), "text.vocabNotJson", {}, "the vocabulary is not valid JSON");
  require(parsed.is_array(), "text.vocabNotArray", {}, "the vocabulary must be a JSON array of one-character strings");
  std::vector<char32_t> chars;
  chars.reserve(parsed.size());
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    const auto& item = parsed[i];
    require(item.is_string(), "text.vocabNotString", {{"entry", std::to_string(i)}}, "vocabulary entry " + std::to_string(i) + " is not a string");
    const std::u32string cps = decode_utf8(item.get_ref<const std::string&>());
    require(cps.size() == 1, "text.vocabNotOneCharacter", {{"entry", std::to_string(i)}}, "vocabulary entry " + std::to_string(i) + " is not exactly one character");
    chars.push_back(cps[0]);
  }
  return Vocab(std::move(chars));
}

std::string describe_character(char32_t c) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
  const bool printable = c > 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && c <= 0x10FFFF &&
                         !(c >= 0xD800 && c <= 0xDFFF);
  if (!printable) return code;
  return "'" + encode_utf8(c) + "' (" + code + ")";
}

}  // namespace charrnn
