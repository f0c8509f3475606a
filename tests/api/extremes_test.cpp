// Settings at the ends of their ranges either train or say why not, never crash.
#include <catch2/catch.hpp>
#include <cmath>

#include "api/session.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string text_of(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "abcdefgh ij"[i % 11];
  return s;
}

SessionSettings small() {
  SessionSettings s;
  s.hidden_size = 8, s.train.seq_len = 8, s.train.batch = 2;
  return s;
}

}  // namespace

TEST_CASE("the smallest model trains: hidden 1, window 1, batch 1", "[api][extremes]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    SessionSettings s = small();
    s.cell = cell, s.hidden_size = 1, s.train.seq_len = 1, s.train.batch = 1;
    Session session(text_of(50), s);
    for (int i = 0; i < 20; ++i) REQUIRE(std::isfinite(session.train_step().loss));
  }
}

TEST_CASE("four layers, the largest hidden size, train a step", "[api][extremes]") {
  SessionSettings s = small();
  s.num_layers = 4, s.hidden_size = 1024, s.train.seq_len = 2, s.train.batch = 1;
  Session session(text_of(100), s);
  REQUIRE(std::isfinite(session.train_step().loss));
}

TEST_CASE("learning rates at the ends of the range run without crashing", "[api][extremes]") {
  for (float lr : {1e-12f, 10.f}) {
    for (OptimizerKind kind : {OptimizerKind::sgd, OptimizerKind::adam, OptimizerKind::rmsprop, OptimizerKind::adagrad}) {
      SessionSettings s = small();
      s.train.optimizer.lr = lr, s.train.optimizer.kind = kind, s.train.clip = 0.f;
      Session session(text_of(400), s);
      for (int i = 0; i < 30; ++i) {
        const StepReport r = session.train_step();
        if (r.diverged) break;  // allowed: then the weights are still finite
      }
      for (float x : session.model().parameters()) REQUIRE(std::isfinite(x));
    }
  }
}

TEST_CASE("settings beyond the limits are refused with the allowed range", "[api][extremes]") {
  SessionSettings s = small();
  s.num_layers = 5;
  REQUIRE_THROWS_WITH(Session(text_of(400), s), "number of layers is 5; it must be between 1 and 4");
  s = small(), s.train.seq_len = 5000;
  REQUIRE_THROWS_WITH(Session(text_of(400), s), "sequence length is 5000; it must be between 1 and 1024");
  s = small(), s.train.optimizer.lr = 11.f;
  REQUIRE_THROWS_WITH(Session(text_of(400), s), Catch::Contains("learning rate must be a number above 0 and at most 10"));
  s = small(), s.train.batch = 100;
  REQUIRE_THROWS_WITH(Session(text_of(400), s), Catch::Contains("needs 900"));  // window and batch larger than the text allows
}

TEST_CASE("texts with thousands of distinct characters, control characters and NUL train", "[api][extremes]") {
  std::string text;
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) text += std::string("\0\x01\t", 3) + encode_utf8(c);
  SessionSettings s = small();
  s.hidden_size = 16;
  Session session(text, s);
  REQUIRE(session.text_summary().vocab_size == 3003);
  REQUIRE(std::isfinite(session.train_step().loss));
}
