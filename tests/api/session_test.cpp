#include <catch2/catch.hpp>

#include "api/session.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("a session trains, validates, samples, probes, inspects and saves", "[api][session]") {
  SessionSettings s;
  s.hidden_size = 16;
  s.train.seq_len = 16, s.train.batch = 4;
  Session session(repeat("안녕하세요 🙂 ", 60), s);
  const TextSummary t = session.text_summary();
  REQUIRE(t.characters == 480);
  REQUIRE(t.vocab_size == 7);  // 안 녕 하 세 요, space, 🙂
  REQUIRE(t.validation_characters == 48);
  const StepReport r = session.train_step();
  REQUIRE(r.step == 1);
  REQUIRE(session.validate().tally.scored == 47);
  SampleSettings ss;
  ss.length = 5;
  REQUIRE(session.sample("안녕", ss).size() > 6);
  session.probe_feed("안");
  REQUIRE(session.probe_probabilities(1.f).size() == 7);
  REQUIRE(session.inspect("안녕", 3).steps == 2);
  const GradientNorms norms = session.gradient_norms();
  REQUIRE(norms.hidden.size() == 16);
  REQUIRE(norms.cell.size() == 16);
  const auto bytes = session.save(true);
  Session reloaded(bytes.data(), bytes.size(), "", s.train, 0.1f, true);
  REQUIRE_FALSE(reloaded.can_train());
  REQUIRE(reloaded.model().parameters() == session.model().parameters());
}

TEST_CASE("sessions refuse what cannot be trained, saying why", "[api][session]") {
  SessionSettings s;
  s.train.seq_len = 64, s.train.batch = 32;
  REQUIRE_THROWS_WITH(Session("", s), "the text is empty");
  REQUIRE_THROWS_WITH(Session("aaaa", s), "the text has only one distinct character ('a' (U+0061)); a model needs at least 2 different characters to learn anything");
  REQUIRE_THROWS_WITH(Session(repeat("ab", 100), s),
                      "the text is too short to train on: 180 training characters (after holding out 20 for validation), "
                      "but batch 32 × (sequence length 64 + 1) needs 2080; use a longer text or lower the sequence length or batch size");
  REQUIRE_THROWS_WITH(Session("ab\xff", s), "invalid UTF-8 at byte 2: byte that never occurs in UTF-8");
  s.hidden_size = 0;
  REQUIRE_THROWS_WITH(Session(repeat("ab", 2000), s), "hidden size is 0; it must be between 1 and 1024");
}

TEST_CASE("continuing from a file reads the text with the model's vocabulary", "[api][session]") {
  SessionSettings s;
  s.hidden_size = 8, s.train.seq_len = 8, s.train.batch = 2;
  Session session(repeat("abc ", 20), s);
  const auto bytes = session.save(false);
  // A character it does not know is read as an all-zero input (tests/api/unknown_characters_test.cpp).
  Session other(bytes.data(), bytes.size(), repeat("abcd", 20), s.train, 0.f, false);
  REQUIRE(other.unknown_characters().count == 20);
  REQUIRE(other.train_step().step == 1);
  Session more(bytes.data(), bytes.size(), repeat("cab ", 20), s.train, 0.f, false);
  REQUIRE(more.can_train());
  REQUIRE(more.train_step().step == 1);
}

TEST_CASE("save with optimizer and training state, load, and training continues bit for bit", "[api][session][resume]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    SessionSettings s;
    s.cell = cell, s.hidden_size = 12, s.num_layers = 2;
    s.train.seq_len = 8, s.train.batch = 3, s.train.dropout = 0.25f, s.train.seed = 9;
    const std::string text = repeat("the cat sat on the mat. ", 30);
    Session original(text, s);
    for (int i = 0; i < 37; ++i) original.train_step();  // past an epoch boundary, mid-window state
    const auto bytes = original.save(true);
    TrainSettings other;  // the file's own settings must win when the text is the same
    other.seq_len = 5, other.batch = 1;
    Session resumed(bytes.data(), bytes.size(), text, other, 0.3f, true);
    REQUIRE(resumed.resumed_exactly());
    REQUIRE(resumed.steps() == 37);
    for (int i = 0; i < 5; ++i) {
      const StepReport a = original.train_step(), b = resumed.train_step();
      REQUIRE(a.loss == b.loss);  // bit for bit
      REQUIRE(a.step == b.step);
    }
    REQUIRE(resumed.model().parameters() == original.model().parameters());
    // A different text: weights and optimizer carry over, the run starts afresh on the new text.
    Session elsewhere(bytes.data(), bytes.size(), repeat("the mat sat on the cat. ", 30), other, 0.f, true);
    REQUIRE_FALSE(elsewhere.resumed_exactly());
    REQUIRE(elsewhere.steps() == 0);
  }
}
