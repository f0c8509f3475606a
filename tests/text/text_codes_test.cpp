// The text's problems (too short, empty, not UTF-8, an unknown character), the vocabulary and labels a
// model file lists, and what the session refuses to do carry a code and the values their sentence names
// (util/error.hpp), so the page says them in the learner's language. The English messages stay as they
// were (vocab_test.cpp, utf8_test.cpp, the CLI tests); this file checks the codes.
#include <catch2/catch.hpp>

#include "api/session.hpp"
#include "io/model_file.hpp"
#include "nn/model.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "text/corpus.hpp"
#include "text/utf8.hpp"
#include "text/vocab.hpp"
#include "train/optimizer.hpp"
#include "support/refusal.hpp"
#include "util/error.hpp"

using namespace charrnn;
using charrnn::testing::Refusal;
using charrnn::testing::refusal_of;

namespace {

SessionSettings small(TaskKind task = TaskKind::lm) {
  SessionSettings s;
  s.task = task, s.hidden_size = 8, s.train.seq_len = 8, s.train.batch = 2;
  return s;
}

}  // namespace

TEST_CASE("the text's own problems are refused with a text code and its values", "[text][codes]") {
  const Refusal empty = refusal_of([] { Corpus::from_utf8("", 0.1f); });
  CHECK(empty.code == "text.empty");
  CHECK(empty.message == "the text is empty");

  const Refusal utf8 = refusal_of([] { decode_utf8("ab\xff"); });
  CHECK(utf8.code == "text.invalidUtf8");
  CHECK(utf8.params == Error::Params{{"byte", "2"}});
  CHECK(utf8.message == "invalid UTF-8 at byte 2: byte that never occurs in UTF-8");

  const Vocab abc = Vocab::of_text(U"abc");
  const Refusal unknown = refusal_of([&] { abc.encode(U"abz", Unknowns::refuse); });
  CHECK(unknown.code == "text.unknownCharacter");
  CHECK(unknown.params == Error::Params{{"character", "'z' (U+007A)"}, {"position", "2"}});

  CHECK(refusal_of([] { Vocab::of_text(std::u32string(1, char32_t(0x110000))); }).code == "text.notUnicode");
  std::vector<char32_t> many;
  for (char32_t c = 0x10000; c < 0x10000 + Vocab::kMaxSize + 1; ++c) many.push_back(c);
  const Refusal too_many = refusal_of([&] { Vocab{many}; });
  CHECK(too_many.code == "text.tooManyCharacters");
  CHECK(too_many.params == Error::Params{{"count", "65537"}, {"max", "65536"}});
}

TEST_CASE("a text too short for the window and batch says the numbers, in a code", "[text][codes][api]") {
  const Refusal r = refusal_of([] { Session("abcabcabcab", small()); });
  CHECK(r.code == "text.tooShort");
  CHECK(r.params == Error::Params{{"have", "11"}, {"held", "0"}, {"batch", "2"}, {"seqLen", "8"}, {"need", "18"}});
  CHECK_THAT(r.message, Catch::StartsWith("the text is too short to train on: 11 training characters, but batch 2"));
}

TEST_CASE("the vocabulary a model file lists is refused with a text code", "[text][codes][io]") {
  CHECK(refusal_of([] { Vocab::from_json("[\"a\""); }).code == "text.vocabNotJson");
  CHECK(refusal_of([] { Vocab::from_json("{}"); }).code == "text.vocabNotArray");
  const Refusal number = refusal_of([] { Vocab::from_json("[\"a\", 7]"); });
  CHECK(number.code == "text.vocabNotString");
  CHECK(number.params == Error::Params{{"entry", "1"}});
  CHECK(refusal_of([] { Vocab::from_json("[\"ab\"]"); }).code == "text.vocabNotOneCharacter");
  CHECK(refusal_of([] { Vocab::from_json("[\"a\", \"a\"]"); }).code == "text.vocabDuplicate");
  CHECK(refusal_of([] { Vocab::from_json("[\"\\ud800\"]"); }).code != "");

  // Inside a model file the vocabulary's code is kept (not file.metadataInvalid), the English says where.
  const Vocab vocab(std::vector<char32_t>{U'a', U'b'});
  Model model({CellKind::gru, vocab.size(), 3, 1});
  std::vector<std::uint8_t> bytes = save_model_file(model, vocab, nullptr);
  std::string header(bytes.begin() + 8, bytes.begin() + 8 + 1024);
  const std::string from = R"([\"a\",\"b\"])", to = R"([\"a\",\"a\"])";
  const auto at = header.find(from);
  REQUIRE(at != std::string::npos);
  std::copy(to.begin(), to.end(), bytes.begin() + 8 + static_cast<std::ptrdiff_t>(at));
  const Refusal in_file = refusal_of([&] { load_model_file(bytes.data(), bytes.size()); });
  CHECK(in_file.code == "text.vocabDuplicate");
  CHECK(in_file.params == Error::Params{{"character", "'a' (U+0061)"}});
  CHECK(in_file.message == "model file: metadata vocab: the vocabulary lists 'a' (U+0061) twice");
}

TEST_CASE("the labels a model file lists are refused with a labels code", "[text][codes][io]") {
  CHECK(refusal_of([] { labels_from_json("[\"a\""); }).code == "labels.listNotJson");
  CHECK(refusal_of([] { labels_from_json("{}"); }).code == "labels.listNotArray");
  const Refusal number = refusal_of([] { labels_from_json("[\"a\", 7]"); });
  CHECK(number.code == "labels.listNotString");
  CHECK(number.params == Error::Params{{"entry", "1"}});
  CHECK(refusal_of([] { labels_from_json("[\"a\", \"\"]"); }).code == "labels.listEmptyLabel");
  CHECK(refusal_of([] { labels_from_json("[\"a\", \"b\\tc\"]"); }).code == "labels.listBadLabel");
  const Refusal twice = refusal_of([] { labels_from_json("[\"cat\", \"cat\"]"); });
  CHECK(twice.code == "labels.listDuplicate");
  CHECK(twice.params == Error::Params{{"label", "cat"}});
  CHECK(twice.message == "the label 'cat' appears twice");
}

TEST_CASE("what a session cannot do for its task or state is refused with a session code", "[api][codes]") {
  Session lm("abcdefgh ij abcdefgh ij abcdefgh ij abcdefgh ij", small());
  const Refusal spacing = refusal_of([&] { lm.spacing_breakdown("ab"); });
  CHECK(spacing.code == "session.spacingOnly");
  CHECK(spacing.params == Error::Params{{"needed", "spacing"}, {"task", "lm"}});
  CHECK(refusal_of([&] { lm.class_trace("ab"); }).code == "session.classProbabilitiesOnly");
  CHECK(refusal_of([&] { lm.classified_lines(3); }).code == "session.classifiedLinesOnly");
}
