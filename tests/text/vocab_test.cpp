#include <catch2/catch.hpp>

#include "text/corpus.hpp"
#include "text/utf8.hpp"
#include "text/vocab.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("the vocabulary is the text's distinct code points in ascending order", "[text][vocab]") {
  const Vocab v = Vocab::of_text(U"hello 세계");
  REQUIRE(v.size() == 7);
  REQUIRE(v.character(0) == U' ');
  REQUIRE(v.character(1) == U'e');
  REQUIRE(v.index_of(U'계') == 5);  // U+ACC4
  REQUIRE(v.index_of(U'세') == 6);  // U+C138
  REQUIRE(v.index_of(U'z') == -1);
  REQUIRE(v.decode(v.encode(U"hello")) == U"hello");
}

TEST_CASE("thousands of distinct characters work", "[text][vocab]") {
  std::u32string text;
  for (char32_t c = 0xAC00; c < 0xAC00 + 5000; ++c) text.push_back(c);  // Hangul syllables
  const Vocab v = Vocab::of_text(text);
  REQUIRE(v.size() == 5000);
  REQUIRE(v.encode(text).back() == 4999);
}

TEST_CASE("an unknown character is an error naming it and its position", "[text][vocab]") {
  const Vocab v = Vocab::of_text(U"abc");
  REQUIRE_THROWS_WITH(v.encode(U"abz"), "the character 'z' (U+007A) at position 2 is not in the model's vocabulary");
  REQUIRE_THROWS_WITH(v.encode(U"a\n"), "the character U+000A at position 1 is not in the model's vocabulary");
}

TEST_CASE("vocabulary JSON round-trips, including control characters and emoji", "[text][vocab]") {
  const Vocab v(std::vector<char32_t>{U'\n', U'"', U'\\', U'🙂', U'가', 0});
  const Vocab back = Vocab::from_json(v.to_json());
  REQUIRE(back.characters() == v.characters());
}

TEST_CASE("malformed vocabulary JSON gets a clear error", "[text][vocab]") {
  REQUIRE_THROWS_WITH(Vocab::from_json("[\"a\", "), "the vocabulary is not valid JSON");
  REQUIRE_THROWS_WITH(Vocab::from_json("{\"a\": 1}"), "the vocabulary must be a JSON array of one-character strings");
  REQUIRE_THROWS_WITH(Vocab::from_json("[\"a\", 3]"), "vocabulary entry 1 is not a string");
  REQUIRE_THROWS_WITH(Vocab::from_json("[\"ab\"]"), "vocabulary entry 0 is not exactly one character");
  REQUIRE_THROWS_WITH(Vocab::from_json("[\"a\", \"a\"]"), "the vocabulary lists 'a' (U+0061) twice");
}

TEST_CASE("the corpus holds out the text's tail for validation", "[text][corpus]") {
  const Corpus c = Corpus::from_utf8("abcdefghij", 0.2f);
  REQUIRE(c.train.size() == 8);
  REQUIRE(c.validation.size() == 2);
  REQUIRE(c.vocab.decode(c.validation) == U"ij");
  REQUIRE(Corpus::from_utf8("abcdefghij", 0.f).validation.empty());
  REQUIRE_THROWS_WITH(Corpus::from_utf8("", 0.1f), "the text is empty");
  REQUIRE_THROWS_WITH(Corpus::from_utf8("abc", 0.9f), "the validation fraction must be between 0 and 0.5");
}
