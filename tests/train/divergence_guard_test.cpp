// The blow-up rule on real training runs: quiet on a healthy run, quick on a runaway learning rate.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "api/session.hpp"
#include "train/divergence_guard.hpp"

using namespace charrnn;

namespace {

std::string fox_text() {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "the quick brown fox jumps over the lazy dog. ";
  return text;
}

SessionSettings small(float learning_rate, float clip) {
  SessionSettings s;
  s.hidden_size = 32, s.forget_bias_one = true;
  s.train.seq_len = 16, s.train.batch = 8, s.train.optimizer.lr = learning_rate, s.train.clip = clip;
  return s;
}

}  // namespace

TEST_CASE("the divergence guard never trips on a healthy run", "[train][divergence]") {
  Session session(fox_text(), small(0.01f, 5.f));
  DivergenceGuard guard(session.vocab().size());
  bool tripped = false;
  for (int i = 0; i < 200; ++i) tripped = guard.observe(session.train_step().loss) || tripped;
  REQUIRE_FALSE(tripped);
  REQUIRE(guard.healthy());
}

TEST_CASE("the divergence guard trips within a few dozen steps at learning rate 10 without clipping", "[train][divergence]") {
  Session session(fox_text(), small(10.f, 0.f));
  DivergenceGuard guard(session.vocab().size());
  int at = -1;
  for (int i = 0; i < 60 && at < 0; ++i)
    if (guard.observe(session.train_step().loss)) at = i;
  REQUIRE(at >= 2);
  REQUIRE_FALSE(guard.healthy());
  REQUIRE(guard.smoothed_loss() > guard.limit());
  REQUIRE(guard.limit() == Approx(2 * std::log(static_cast<double>(session.vocab().size())) + 1));
}

TEST_CASE("the divergence guard treats a non-finite loss as diverged at once", "[train][divergence]") {
  REQUIRE(DivergenceGuard(10).observe(std::numeric_limits<double>::quiet_NaN()));
  REQUIRE(DivergenceGuard(10).observe(std::numeric_limits<double>::infinity()));
}

TEST_CASE("the divergence guard smooths the loss and starts afresh after a reset", "[train][divergence]") {
  DivergenceGuard guard(2);  // limit 2 ln 2 + 1 = 2.386
  REQUIRE_FALSE(guard.healthy());  // nothing seen yet
  REQUIRE_FALSE(guard.observe(10));  // far above the limit, but three steps are needed
  REQUIRE_FALSE(guard.observe(10));
  REQUIRE(guard.observe(10));
  guard.reset();
  REQUIRE(std::isnan(guard.smoothed_loss()));
  REQUIRE_FALSE(guard.observe(0.5));
  REQUIRE(guard.smoothed_loss() == 0.5);
  REQUIRE_FALSE(guard.observe(1.5));
  REQUIRE(guard.smoothed_loss() == Approx(0.7 * 0.5 + 0.3 * 1.5));
  REQUIRE(guard.healthy());  // below 1.25 ln 2 + 0.5
}
