// What counts as a space and which gaps are scored (tasks/spacing/spaced_text.hpp).
#include <catch2/catch.hpp>

#include "tasks/spacing/spaced_text.hpp"
#include "text/utf8.hpp"

using namespace charrnn;

namespace {

std::vector<int> labels_of(const std::string& utf8) {
  const SpacedText s = remove_spaces(decode_utf8(utf8));
  return {s.labels.begin(), s.labels.end()};
}

std::string characters_of(const std::string& utf8) { return encode_utf8(remove_spaces(decode_utf8(utf8)).characters); }

}  // namespace

TEST_CASE("spaces come out, and each remaining character says whether one followed it", "[tasks][spacing]") {
  REQUIRE(characters_of("the cat sat") == "thecatsat");
  REQUIRE(labels_of("the cat sat") == std::vector<int>{0, 0, 1, 0, 0, 1, 0, 0, -1});  // the last gap is the text's end
  REQUIRE(characters_of("아버지가 방에 들어가신다") == "아버지가방에들어가신다");
  REQUIRE(labels_of("아버지가 방에 들어가신다") == std::vector<int>{0, 0, 0, 1, 0, 1, 0, 0, 0, 0, -1});
}

TEST_CASE("a run of any horizontal whitespace is one boundary", "[tasks][spacing]") {
  // tab, no-break space, ideographic space, several spaces: all the same single boundary
  for (const char* text : {"a  b", "a\tb", "a\xC2\xA0" "b", "a\xE3\x80\x80" "b", "a \t  b"}) {
    INFO(text);
    REQUIRE(characters_of(text) == "ab");
    REQUIRE(labels_of(text) == std::vector<int>{1, -1});
  }
  REQUIRE(characters_of("  lead and trail  ") == "leadandtrail");
  REQUIRE(labels_of("  ab  ") == std::vector<int>{0, -1});
}

TEST_CASE("line breaks stay characters, and the gaps touching them are not scored", "[tasks][spacing]") {
  REQUIRE(characters_of("ab c \r\nd e\rf") == "abc\nde\nf");
  //                     a  b  c   \n  d  e  \n  f
  REQUIRE(labels_of("ab c \r\nd e\rf") == std::vector<int>{0, 1, -1, -1, 1, -1, -1, -1});
  REQUIRE(characters_of("x\xE2\x80\xA8y") == "x\ny");  // U+2028 line separator
  REQUIRE(labels_of("a\n\n b") == std::vector<int>{-1, -1, -1, -1});
}

TEST_CASE("putting spaces back after the labelled characters restores a normally spaced text", "[tasks][spacing]") {
  const std::u32string text = decode_utf8("나는 오늘 학교에 간다.\nThe end is near.");
  const SpacedText s = remove_spaces(text);
  std::vector<bool> after;
  for (auto y : s.labels) after.push_back(y == kSpace);
  REQUIRE(insert_spaces(s.characters, after) == text);
}
