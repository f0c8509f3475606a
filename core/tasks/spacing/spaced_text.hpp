// Word-spacing restoration's examples, made from any text: the spaces are taken out, and every
// remaining character is labelled with whether a space followed it. What counts, decided so that the
// Korean 띄어쓰기 lesson is honest (and the same for every script):
//   - a space is any horizontal whitespace: U+0020, tab, no-break space U+00A0, U+1680, U+2000–U+200A,
//     U+202F, U+205F, ideographic space U+3000, vertical tab, form feed. A run of them is ONE boundary.
//   - line breaks (\n, \r\n, a lone \r, U+2028, U+2029) are not spaces: they stay in the text as "\n",
//     so the model reads the line structure, and the gaps that touch a line break are not scored —
//     whether a space hides at the end of a line is invisible, not a spacing decision. So is the gap
//     after the text's last character.
// So a line of k characters gives k - 1 scored decisions: exactly the gaps between its characters,
// the question 띄어쓰기 asks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace charrnn {

inline constexpr std::int8_t kSpace = 1, kNoSpace = 0, kNotScored = -1;

struct SpacedText {
  std::u32string characters;        // the text without its spaces, line breaks as '\n'
  std::vector<std::int8_t> labels;  // one per character: kSpace, kNoSpace or kNotScored
};

bool is_space_character(char32_t c);
bool is_line_break(char32_t c);  // \n, \r, U+2028, U+2029

SpacedText remove_spaces(std::u32string_view text);

// characters with a space after each one whose entry of `space_after` is true (a prediction, or labels).
std::u32string insert_spaces(std::u32string_view characters, const std::vector<bool>& space_after);

}  // namespace charrnn
