#include <catch2/catch.hpp>

#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("UTF-8 decodes ASCII, Korean, CJK and emoji to code points and back", "[text][utf8]") {
  const std::string text = "Hi 안녕 漢字 🙂\n";
  const std::u32string cps = decode_utf8(text);
  REQUIRE(cps == U"Hi 안녕 漢字 🙂\n");
  REQUIRE(encode_utf8(cps) == text);
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset", "[text][utf8]") {
  auto message = [](const std::string& bytes) {
    try {
      decode_utf8(bytes);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("ab\x80") == "invalid UTF-8 at byte 2: continuation byte without a lead byte");
  CHECK(message("abc\xE4\xBD") == "invalid UTF-8 at byte 3: sequence cut off by the end of the text");
  CHECK(message("x\xE4" "a" "bc") == "invalid UTF-8 at byte 1: sequence cut short (expected a continuation byte)");
  CHECK(message("\xC0\xAF") == "invalid UTF-8 at byte 0: overlong encoding");
  CHECK(message("ok\xED\xA0\x80") == "invalid UTF-8 at byte 2: encoded surrogate (U+D800..U+DFFF is not a character)");
  CHECK(message("\xF4\x90\x80\x80") == "invalid UTF-8 at byte 0: code point beyond U+10FFFF");
  CHECK(message("\xFF") == "invalid UTF-8 at byte 0: byte that never occurs in UTF-8");
}

TEST_CASE("NUL and control characters are ordinary characters", "[text][utf8]") {
  const std::string text("a\0b\x01\x7F", 5);
  REQUIRE(decode_utf8(text).size() == 5);
}
