#include <catch2/catch.hpp>

#include "tasks/metrics.hpp"

using namespace charrnn;

TEST_CASE("accuracy, precision, recall and F1 count the decisions of the scored rows", "[tasks][metrics]") {
  // rows: (score of class 0, score of class 1); class 1 = a space
  const std::vector<float> scores = {0.1f, 0.9f,   // says space, is space: TP
                                     0.8f, 0.2f,   // says none, is space: FN
                                     0.3f, 0.7f,   // says space, is none: FP
                                     0.6f, 0.4f,   // says none, is none: TN
                                     0.4f, 0.6f,   // not scored
                                     0.5f, 0.5f};  // a tie is the first class: none, is none: TN
  const std::vector<std::int32_t> targets = {1, 1, 0, 0, -1, 0};
  Tally t;
  t.add(scores.data(), targets.data(), 6, 2);
  REQUIRE(t.scored == 5);
  REQUIRE(t.correct == 3);
  REQUIRE(t.true_positive == 1);
  REQUIRE(t.false_positive == 1);
  REQUIRE(t.false_negative == 1);
  REQUIRE(t.accuracy() == Approx(0.6));
  REQUIRE(t.precision() == Approx(0.5));
  REQUIRE(t.recall() == Approx(0.5));
  REQUIRE(t.f1() == Approx(0.5));
  Tally none;
  REQUIRE(none.accuracy() == 0);
  REQUIRE(none.precision() == 0);  // nothing predicted: 0, not NaN
  REQUIRE(none.f1() == 0);
}
