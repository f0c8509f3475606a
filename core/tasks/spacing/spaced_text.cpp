#include "tasks/spacing/spaced_text.hpp"

namespace charrnn {

bool is_line_break(char32_t c) { return c == U'\n' || c == U'\r' || c == 0x2028 || c == 0x2029; }

bool is_space_character(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x0B || c == 0x0C || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

SpacedText remove_spaces(std::u32string_view text) {
  SpacedText out;
  out.characters.reserve(text.size());
  out.labels.reserve(text.size());
  bool space_pending = false;  // a space came after the last kept character
  bool undecided = false;      // the last kept character is not a line break: the next one decides its label
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (is_space_character(c)) {
      space_pending = true;
      continue;
    }
    if (is_line_break(c)) {
      if (c == U'\r' && i + 1 < text.size() && text[i + 1] == U'\n') continue;  // \r\n is one break
      // The gap before a break is not a decision (its label stays kNotScored), nor is the gap after it.
      out.characters.push_back(U'\n');
      out.labels.push_back(kNotScored);
      space_pending = undecided = false;
      continue;
    }
    if (undecided) out.labels.back() = space_pending ? kSpace : kNoSpace;
    out.characters.push_back(c);
    out.labels.push_back(kNotScored);  // until the next character shows what followed; the last one stays so
    space_pending = false;
    undecided = true;
  }
  return out;
}

std::u32string insert_spaces(std::u32string_view characters, const std::vector<bool>& space_after) {
  std::u32string out;
  out.reserve(characters.size() * 2);
  for (std::size_t i = 0; i < characters.size(); ++i) {
    out.push_back(characters[i]);
    if (i < space_after.size() && space_after[i]) out.push_back(U' ');
  }
  return out;
}

}  // namespace charrnn
