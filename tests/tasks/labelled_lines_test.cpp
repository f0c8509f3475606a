// Classification's input: lines "label<TAB>text", and a clear message for every way it can be wrong.
#include <catch2/catch.hpp>

#include "tasks/classify/labelled_lines.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

LabelledLines parse(const std::string& utf8, const std::vector<std::string>* known = nullptr) {
  return parse_labelled_lines(decode_utf8(utf8), known);
}

std::string repeat_lines(const std::string& label, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += label + "\tline " + std::to_string(i) + "\n";
  return out;
}

}  // namespace

TEST_CASE("labelled lines are read with labels in code-point order", "[tasks][classify]") {
  const LabelledLines l = parse("pos\tgreat film\r\n\nneg\tdull\t(very)\n   \npos\t좋아요");
  REQUIRE(l.labels == std::vector<std::string>{"neg", "pos"});
  REQUIRE(l.lines.size() == 3);
  REQUIRE(l.lines[1].label == 0);
  REQUIRE(encode_utf8(l.lines[1].text) == "dull\t(very)");  // only the first tab separates
  REQUIRE(l.lines[1].line_number == 3);
  REQUIRE(encode_utf8(l.lines[0].text) == "great film");  // \r\n read as \n
  REQUIRE(l.lines_per_label() == std::vector<int>{1, 2});
}

TEST_CASE("every malformed labelled text gets a message naming the line", "[tasks][classify]") {
  REQUIRE_THROWS_WITH(parse("a\tfine\nno tab here\n"), "line 2 has no tab: each line must be a label, a tab, then the text");
  REQUIRE_THROWS_WITH(parse("a\tfine\n\tno label\n"), "line 2 has an empty label");
  REQUIRE_THROWS_WITH(parse("a\tfine\nb\t\n"), "line 2 has no text after its label 'b'");
  REQUIRE_THROWS_WITH(parse("a\t" + std::string(1025, 'x')), Catch::StartsWith("line 1 has 1025 characters after its label; a line may have at most 1024"));
  REQUIRE_THROWS_WITH(parse("\n \n"), "the text has no labelled lines: each line must be a label, a tab, then the text");
  const std::vector<std::string> known = {"neg", "pos"};
  REQUIRE_THROWS_WITH(parse("pos\tx\nmeh\ty\n", &known), "line 2: the label 'meh' is not one of the model's labels ('neg', 'pos')");
}

TEST_CASE("a text a classifier cannot learn from is refused with the reason", "[tasks][classify]") {
  REQUIRE_THROWS_WITH(check_trainable(parse(repeat_lines("only", 9))),
                      "the text has only one label ('only'): a classifier needs lines of at least 2 different labels");
  REQUIRE_THROWS_WITH(check_trainable(parse(repeat_lines("a", 9) + repeat_lines("b", 4))),
                      "the label 'b' has only 4 lines; every label needs at least 5 (some to learn from, one held out to measure)");
  std::string many;
  for (int i = 0; i < 33; ++i) many += repeat_lines("label" + std::to_string(i), 5);
  REQUIRE_THROWS_WITH(check_trainable(parse(many)), "the text has 33 different labels; at most 32 are supported");
  REQUIRE_NOTHROW(check_trainable(parse(repeat_lines("a", 5) + repeat_lines("b", 5))));
}

TEST_CASE("who wrote this line: several texts become one labelled text", "[tasks][classify]") {
  const std::string tsv = lines_of_texts({"Ann", "Bo"}, {"first line\r\n\nsecond\n", "other\t tabbed"});
  REQUIRE(tsv == "Ann\tfirst line\nAnn\tsecond\nBo\tother\t tabbed\n");
  REQUIRE(parse(tsv).lines.size() == 3);
  REQUIRE_THROWS_WITH(lines_of_texts({"A"}, {"x"}), "give at least 2 texts: the label of a line is which text it came from");
  REQUIRE_THROWS_WITH(lines_of_texts({"A", "A"}, {"x", "y"}), "two texts have the same label 'A'");
  REQUIRE_THROWS_WITH(lines_of_texts({"A", "B\tC"}, {"x", "y"}), "text 2: the label 'B\tC' holds a tab or a line break");
  REQUIRE_THROWS_WITH(lines_of_texts({"A", ""}, {"x", "y"}), "text 2 has an empty label");
  REQUIRE_THROWS_WITH(lines_of_texts({"A", "B"}, {"x", "\n \n"}), "the text labelled 'B' has no lines");
}

TEST_CASE("labels round-trip through JSON and malformed label lists are refused", "[tasks][classify]") {
  const std::vector<std::string> labels = {"긍정", "neg \"quoted\""};
  REQUIRE(labels_from_json(labels_to_json(labels)) == labels);
  REQUIRE_THROWS_WITH(labels_from_json("[\"a\""), "the labels are not valid JSON");
  REQUIRE_THROWS_WITH(labels_from_json("{\"a\":1}"), "the labels must be a JSON array of strings");
  REQUIRE_THROWS_WITH(labels_from_json("[\"a\", 3]"), "label 1 is not a string");
  REQUIRE_THROWS_WITH(labels_from_json("[\"a\", \"a\"]"), "the label 'a' appears twice");
  REQUIRE_THROWS_WITH(labels_from_json("[\"a\"]"), "number of labels is 1; it must be between 2 and 32");
  REQUIRE_THROWS_WITH(labels_from_json("[\"a\", \"\"]"), "label 1 has an empty label");
}

namespace {

// The code and params of what `body` throws (the page says the problem from them, in its language).
template <class F>
std::pair<std::string, Error::Params> refusal(F&& body) {
  try {
    body();
  } catch (const Error& e) {
    return {e.code(), e.params()};
  }
  FAIL("nothing was thrown");
  return {};
}

}  // namespace

TEST_CASE("a labelled text's problems carry a code and the values the page's sentence names", "[tasks][classify]") {
  using P = Error::Params;
  REQUIRE(refusal([] { parse("a\tfine\nno tab here\n"); }) == std::pair<std::string, P>{"labels.noTab", {{"line", "2"}}});
  REQUIRE(refusal([] { parse("a\tfine\n\tno label\n"); }) == std::pair<std::string, P>{"labels.emptyLabel", {{"line", "2"}}});
  REQUIRE(refusal([] { parse("a\tfine\nb\t\n"); }) == std::pair<std::string, P>{"labels.noText", {{"line", "2"}, {"label", "b"}}});
  REQUIRE(refusal([] { parse("\n"); }).first == "labels.none");
  REQUIRE(refusal([] { check_trainable(parse(repeat_lines("only", 9))); }) == std::pair<std::string, P>{"labels.oneLabel", {{"label", "only"}}});
  REQUIRE(refusal([] { check_trainable(parse(repeat_lines("a", 9) + repeat_lines("b", 4))); }) ==
          std::pair<std::string, P>{"labels.tooFewLines", {{"label", "b"}, {"count", "4"}, {"min", "5"}}});
  // A label list given apart (not a pasted line) keeps the English message alone.
  REQUIRE(refusal([] { lines_of_texts({"A", ""}, {"x", "y"}); }).first.empty());
}
