// Spacing restoration as a task: its batches, its held-out score (every gap once) and the per-character
// view with each direction's share.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "tasks/spacing/spacing_breakdown.hpp"
#include "tasks/spacing/spacing_scores.hpp"
#include "tasks/spacing/spacing_task.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

const std::string kText =
    "바닷가 끝에 작은 책방이 하나 있었다. 간판은 바람에 색이 바래서 글자를 읽기 어려웠지만,\n"
    "마을 사람들은 모두 그곳을 파도 책방이라고 불렀다. the end of it all is near and far.\n";

Model spacing_model(const Task& task, bool bidirectional, CellKind cell = CellKind::lstm) {
  Model model(task.shape(cell, 6, 2, bidirectional, Nonlinearity::tanh));
  Rng rng(3);
  model.initialize(rng);
  return model;
}

}  // namespace

TEST_CASE("spacing batches are windows that overlap by one character, their last character unscored", "[tasks][spacing]") {
  const SpacingTask task(kText, 0.f, nullptr);
  auto batches = task.batches(8, 2, 1);
  REQUIRE_FALSE(batches->carries_state());
  Batch a, b;
  REQUIRE(batches->next(a));  // the first batch starts an epoch
  REQUIRE_FALSE(batches->next(b));
  REQUIRE(a.layout.is_uniform());
  REQUIRE(a.layout.steps() == 8);
  for (int s = 0; s < 2; ++s) {
    REQUIRE(a.targets[7 * 2 + s] == -1);             // the window's last character …
    REQUIRE(b.inputs[0 * 2 + s] == a.inputs[7 * 2 + s]);  // … starts the next window, which scores it
  }
  REQUIRE(batches->position() == 14);
}

TEST_CASE("a text spacing cannot learn from is refused with the reason", "[tasks][spacing]") {
  REQUIRE_THROWS_WITH(SpacingTask("夏草や兵どもが夢の跡", 0.f, nullptr).batches(4, 1, 1),
                      Catch::StartsWith("the text has no spaces between words to learn from"));
  REQUIRE_THROWS_WITH(SpacingTask(kText, 0.f, nullptr).batches(1, 1, 1),
                      "spacing needs a sequence length of at least 2: a window scores the gaps between its characters");
  REQUIRE_THROWS_WITH(SpacingTask(kText, 0.f, nullptr).batches(64, 32, 1), Catch::StartsWith("the text is too short to train on"));
  REQUIRE_THROWS_WITH(SpacingTask("   \n ", 0.f, nullptr), "the text has nothing but spaces and line breaks");
}

TEST_CASE("the held-out score decides every scored gap exactly once, whatever the window", "[tasks][spacing]") {
  const SpacingTask task(kText, 0.f, nullptr);
  const SpacedText spaced = remove_spaces(decode_utf8(kText));
  const long long gaps = std::count_if(spaced.labels.begin(), spaced.labels.end(), [](std::int8_t y) { return y >= 0; });
  for (bool bidirectional : {false, true}) {
    const Model model = spacing_model(task, bidirectional);
    for (int window : {2, 3, 7, 64, 1000}) {
      INFO("window " << window << (bidirectional ? " bidirectional" : " forward"));
      const TaskMetrics m = task.evaluate(model, 1 << 20, window, true);
      REQUIRE(m.tally.scored == gaps);
      REQUIRE(m.loss > 0);
    }
  }
}

TEST_CASE("each direction's share adds up to the model's own log-odds of a space", "[tasks][spacing]") {
  const SpacingTask task(kText, 0.f, nullptr);
  const Model model = spacing_model(task, true, CellKind::gru);
  const auto ids = task.encode_input(kText);
  const SpacedText spaced = remove_spaces(decode_utf8(kText));
  const SpacingScores s = score_spacing(model, ids, spaced.labels, 16);
  REQUIRE(s.backward_logit.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const double log_odds = std::log(s.probability[i] / (1.0 - s.probability[i]));
    REQUIRE(s.bias_logit + s.forward_logit[i] + s.backward_logit[i] == Approx(log_odds).margin(1e-4));
  }
  const Model forward_only = spacing_model(task, false);
  REQUIRE(score_spacing(forward_only, ids, spaced.labels, 16).backward_logit.empty());
}

TEST_CASE("the breakdown of a text shows truth, decisions and each direction alone", "[tasks][spacing]") {
  const SpacingTask task(kText, 0.f, nullptr);
  const Model model = spacing_model(task, true);
  const SpacingBreakdown b = spacing_breakdown(model, task.vocab(), "작은 책방이\n하나", 8);
  REQUIRE(encode_utf8(b.characters) == "작은책방이\n하나");
  REQUIRE(std::vector<int>(b.truth.begin(), b.truth.end()) == std::vector<int>{0, 1, 0, 0, -1, -1, 0, -1});
  REQUIRE(b.probability.size() == 8);
  REQUIRE(b.forward_probability.size() == 8);
  REQUIRE(b.backward_probability.size() == 8);
  for (std::size_t i = 0; i < 8; ++i) {
    REQUIRE((b.forward_probability[i] > 0 && b.forward_probability[i] < 1));
    REQUIRE((b.backward_probability[i] > 0 && b.backward_probability[i] < 1));
  }
  // The restored text has a space only in real gaps, never at a line's end.
  REQUIRE(b.restored.find(U" \n") == std::u32string::npos);
  REQUIRE(b.restored.find(U"\n ") == std::u32string::npos);
  // Characters the model does not know are read as all-zero inputs; every gap is still decided.
  REQUIRE(spacing_breakdown(model, task.vocab(), "xy z", 8).probability.size() == 3);
}
