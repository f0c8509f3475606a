// UTF-8 ⇄ Unicode code points, strict (RFC 3629): overlong forms, surrogates (U+D800–DFFF), values
// above U+10FFFF and truncated sequences are errors that name the byte offset where the bad sequence starts.
#pragma once

#include <string>
#include <string_view>

namespace charrnn {

std::u32string decode_utf8(std::string_view bytes);  // throws Error("invalid UTF-8 at byte N: ...")
std::string encode_utf8(std::u32string_view code_points);
std::string encode_utf8(char32_t code_point);

}  // namespace charrnn
