// Data-parallel training: replicas that each compute their share of a batch's streams, sum the gradients
// in replica order and all apply the sum train the model one session trains on the whole batch, and stay
// identical to each other bit for bit.
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

#include "api/session.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string fox_text() {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "the quick brown fox jumps over the lazy dog " + std::to_string(i % 7) + ". ";
  return text;
}

std::string labelled_text() {
  return lines_of_texts({"cat", "dog"}, {"the cat sat\na cat ran\nmy cat naps\ncats purr\nthe old cat\none cat\nthe cat ate\n",
                                         "the dog dug\na dog ran\nmy dog barks\ndogs bark\nthe old dog\none dog\nthe dog ate\n"});
}

SessionSettings lm_settings() {
  SessionSettings s;
  s.hidden_size = 24, s.num_layers = 2, s.forget_bias_one = true;
  s.train.seq_len = 12, s.train.batch = 8, s.train.optimizer.lr = 0.01f;
  return s;
}

using Replicas = std::vector<std::unique_ptr<Session>>;

Replicas make_replicas(const std::string& text, const SessionSettings& settings, int n) {
  Replicas replicas;
  for (int r = 0; r < n; ++r) replicas.push_back(std::make_unique<Session>(text, settings));
  return replicas;
}

// One data-parallel step, as the page's workers take it; returns the coordinator's (replica 0's) report.
// The coordinator decides by its schedule when to snapshot, and the others follow it.
SliceReport step_all(Replicas& replicas, bool scheduled = false) {
  const int n = static_cast<int>(replicas.size());
  GradientShare total;
  for (int r = 0; r < n; ++r) total.add(replicas[r]->compute_gradients(r, n));
  for (int r = 1; r < n; ++r) replicas[0]->add_gradient(replicas[r]->gradients().data(), replicas[r]->gradients().size());
  const std::vector<float> summed = replicas[0]->gradients();
  for (int r = 1; r < n; ++r) replicas[r]->set_gradient(summed.data(), summed.size());
  const SliceReport first = replicas[0]->apply_gradients(total, 1.0, scheduled ? SnapshotOrder::by_schedule : SnapshotOrder::skip);
  for (int r = 1; r < n; ++r) {
    const SliceReport report = replicas[r]->apply_gradients(total, 1.0, SnapshotOrder::skip);
    if (first.snapshot_taken) replicas[r]->snapshot();  // told after the coordinator's apply, before the next share
    REQUIRE(report.step == first.step);
    REQUIRE(report.stop.reason == first.stop.reason);
  }
  return first;
}

float max_difference(const std::vector<float>& a, const std::vector<float>& b) {
  REQUIRE(a.size() == b.size());
  float most = 0;
  for (std::size_t i = 0; i < a.size(); ++i) most = std::max(most, std::abs(a[i] - b[i]));
  return most;
}

}  // namespace

TEST_CASE("replicas train the weights one session trains on the whole batch", "[api][replicas]") {
  const int steps = 8;
  Session single(fox_text(), lm_settings());
  std::vector<double> single_losses;
  for (int i = 0; i < steps; ++i) single_losses.push_back(single.train_step().loss);
  for (int n : {1, 2, 3}) {
    INFO(n << " replicas");
    Replicas replicas = make_replicas(fox_text(), lm_settings(), n);
    for (int i = 0; i < steps; ++i) {
      const SliceReport report = step_all(replicas);
      REQUIRE(report.losses.size() == 1);
      REQUIRE(report.step == i + 1);
      REQUIRE(report.characters == 12 * 8);
      if (n == 1) REQUIRE(report.losses[0] == static_cast<float>(single_losses[static_cast<std::size_t>(i)]));
      else REQUIRE(report.losses[0] == Approx(single_losses[static_cast<std::size_t>(i)]).epsilon(1e-5));
    }
    const std::vector<float>& weights = replicas[0]->model().parameters();
    if (n == 1) REQUIRE(weights == single.model().parameters());
    else REQUIRE(max_difference(weights, single.model().parameters()) < 1e-5f);
    for (int r = 1; r < n; ++r) REQUIRE(replicas[r]->model().parameters() == weights);  // bit for bit
    // Each replica carried its own streams' state: gathered, it is the single session's.
    for (int r = 0; r < n; ++r) REQUIRE(max_difference(replicas[r]->stream_state(r, n), single.stream_state(r, n)) < 1e-5f);
  }
}

TEST_CASE("replicas of a classifier share its batches of lines of different lengths", "[api][replicas]") {
  SessionSettings s;
  s.task = TaskKind::classify, s.bidirectional = true, s.cell = CellKind::gru, s.hidden_size = 12;
  s.train.seq_len = 16, s.train.batch = 5, s.train.optimizer.lr = 0.02f, s.val_frac = 0.2f;
  Session single(labelled_text(), s);
  Replicas replicas = make_replicas(labelled_text(), s, 2);
  for (int i = 0; i < 6; ++i) {
    const double loss = single.train_step().loss;
    REQUIRE(step_all(replicas).losses[0] == Approx(loss).epsilon(1e-5));
  }
  REQUIRE(max_difference(replicas[0]->model().parameters(), single.model().parameters()) < 1e-5f);
  REQUIRE(replicas[1]->model().parameters() == replicas[0]->model().parameters());
}

TEST_CASE("replicas with dropout draw their own masks and stay identical", "[api][replicas]") {
  SessionSettings s = lm_settings();
  s.train.dropout = 0.3f;
  Replicas replicas = make_replicas(fox_text(), s, 2);
  for (int i = 0; i < 5; ++i) REQUIRE(std::isfinite(step_all(replicas).losses[0]));
  REQUIRE(replicas[1]->model().parameters() == replicas[0]->model().parameters());
}

TEST_CASE("a replica's gathered state resumes a saved run exactly with the same replicas", "[api][replicas]") {
  Replicas replicas = make_replicas(fox_text(), lm_settings(), 2);
  for (int i = 0; i < 4; ++i) step_all(replicas);
  replicas[0]->set_stream_state(1, 2, replicas[1]->stream_state(1, 2));  // the coordinator gathers before saving
  const std::vector<std::uint8_t> file = replicas[0]->save(true);
  Replicas resumed;
  for (int r = 0; r < 2; ++r)
    resumed.push_back(std::make_unique<Session>(file.data(), file.size(), fox_text(), lm_settings().train, 0.1f, true));
  REQUIRE(resumed[0]->resumed_exactly());
  for (int i = 0; i < 3; ++i) REQUIRE(step_all(resumed).losses[0] == step_all(replicas).losses[0]);
  REQUIRE(resumed[0]->model().parameters() == replicas[0]->model().parameters());
}

TEST_CASE("replicas that blow up go back to the coordinator's snapshot together", "[api][replicas][divergence]") {
  Replicas replicas = make_replicas(fox_text(), lm_settings(), 2);
  SnapshotPolicy every_four;
  every_four.every_steps = 4;
  replicas[0]->set_snapshot_policy(every_four);  // the others never decide: they follow
  SnapshotPolicy never;
  never.every_steps = 1000000;
  replicas[1]->set_snapshot_policy(never);
  for (int i = 0; i < 10; ++i) REQUIRE(step_all(replicas, true).stop.reason == StopReason::none);
  REQUIRE(replicas[0]->snapshot_step() == 8);
  REQUIRE(replicas[1]->snapshot_step() == 8);
  for (auto& r : replicas) r->update_training(10.f, 0.f, 0.f);
  SliceReport last;
  for (int i = 0; i < 60 && last.stop.reason == StopReason::none; ++i) last = step_all(replicas, true);
  REQUIRE(last.stop.reason == StopReason::blow_up);
  REQUIRE(last.stop.restored_step == 8);
  REQUIRE(replicas[1]->steps() == 8);
  REQUIRE(replicas[1]->model().parameters() == replicas[0]->model().parameters());
}

TEST_CASE("data-parallel calls out of order or out of range say what is wrong", "[api][replicas]") {
  Session session(fox_text(), lm_settings());
  REQUIRE_THROWS_WITH(session.compute_gradients(2, 2), "replica 2 of 2 does not exist");
  REQUIRE_THROWS_WITH(session.apply_gradients({}, 1.0, SnapshotOrder::skip),
                      "there is no computed gradient to apply: compute a share of the batch first");
  session.compute_gradients(0, 2);
  const float one = 1.f;
  const char* wrong = "a gradient of 1 numbers does not fit this model, which has ";
  REQUIRE_THROWS_WITH(session.add_gradient(&one, 1), Catch::StartsWith(wrong));
  REQUIRE_THROWS_WITH(session.set_gradient(&one, 1), Catch::StartsWith(wrong));
  REQUIRE_THROWS_WITH(session.check_gradient_size(1), Catch::StartsWith(wrong));
  REQUIRE_NOTHROW(session.check_gradient_size(session.gradients().size()));
  REQUIRE_THROWS_AS(session.set_stream_state(0, 2, {1.f, 2.f}), Error);
}

TEST_CASE("the coordinator's sum is the float sum in replica order, and the others take it exactly", "[api][replicas]") {
  Replicas replicas = make_replicas(fox_text(), lm_settings(), 3);
  for (int r = 0; r < 3; ++r) replicas[r]->compute_gradients(r, 3);
  std::vector<float> expected = replicas[0]->gradients();
  for (int r = 1; r < 3; ++r)
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] += replicas[r]->gradients()[i];
  for (int r = 1; r < 3; ++r) replicas[0]->add_gradient(replicas[r]->gradients().data(), replicas[r]->gradients().size());
  REQUIRE(replicas[0]->gradients() == expected);
  replicas[2]->set_gradient(expected.data(), expected.size());
  REQUIRE(replicas[2]->gradients() == expected);
  REQUIRE(max_difference(replicas[1]->gradients(), expected) > 0);  // a share alone is not the sum
}
