#include "text/utf8.hpp"

#include "util/error.hpp"

namespace charrnn {
namespace {

[[noreturn]] void fail(std::size_t offset, const char* what) {
  throw Error("text.invalidUtf8", {{"byte", std::to_string(offset)}}, "invalid UTF-8 at byte " + std::to_string(offset) + ": " + what);
}

}  // namespace

std::u32string decode_utf8(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char lead = s[i];
    if (lead < 0x80) {
      out.push_back(lead);
      ++i;
      continue;
    }
    int extra;
    char32_t cp;
    char32_t smallest;  // below this the same value has a shorter encoding: overlong
    if ((lead & 0xE0) == 0xC0) {
      extra = 1, cp = lead & 0x1F, smallest = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2, cp = lead & 0x0F, smallest = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3, cp = lead & 0x07, smallest = 0x10000;
    } else {
      fail(i, (lead & 0xC0) == 0x80 ? "continuation byte without a lead byte" : "byte that never occurs in UTF-8");
    }
    if (i + extra >= n) fail(i, "sequence cut off by the end of the text");
    for (int k = 1; k <= extra; ++k) {
      const unsigned char c = s[i + k];
      if ((c & 0xC0) != 0x80) fail(i, "sequence cut short (expected a continuation byte)");
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < smallest) fail(i, "overlong encoding");
    if (cp >= 0xD800 && cp <= 0xDFFF) fail(i, "encoded surrogate (U+D800..U+DFFF is not a character)");
    if (cp > 0x10FFFF) fail(i, "code point beyond U+10FFFF");
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

std::string encode_utf8(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

std::string encode_utf8(std::u32string_view code_points) {
  std::string out;
  out.reserve(code_points.size());
  for (char32_t cp : code_points) out += encode_utf8(cp);
  return out;
}

}  // namespace charrnn
