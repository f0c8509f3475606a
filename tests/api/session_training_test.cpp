// The session's training policy: slices bounded by steps, new training settings in place, snapshots,
// and divergence rollback to the snapshot (a blow-up and a non-finite step alike).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "api/session.hpp"
#include "text/corpus.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

const double kForever = 1e12;  // a time budget no slice reaches: these slices end by their step count

std::string fox_text() {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "the quick brown fox jumps over the lazy dog. ";
  return text;
}

SessionSettings small() {
  SessionSettings s;
  s.hidden_size = 32, s.forget_bias_one = true;
  s.train.seq_len = 16, s.train.batch = 8, s.train.optimizer.lr = 0.01f;
  return s;
}

// Automatic snapshots only every `steps` healthy steps: which step a rollback lands on is then exact.
void pin_snapshots(Session& session, long long steps) {
  SnapshotPolicy policy;
  policy.every_steps = steps;
  session.set_snapshot_policy(policy);
}

std::vector<float> losses_of(Session& session, int steps) {
  const SliceReport r = session.train_slice(steps, kForever);
  REQUIRE(r.stop.reason == StopReason::none);
  return r.losses;
}

}  // namespace

TEST_CASE("a training slice stops at its step budget, and takes at least one step", "[api][slice]") {
  Session session(fox_text(), small());
  const SliceReport first = session.train_slice(7, kForever);
  REQUIRE(first.losses.size() == 7);
  REQUIRE(first.grad_norms.size() == 7);
  REQUIRE(first.step == 7);
  REQUIRE(first.stop.reason == StopReason::none);
  for (float g : first.grad_norms) REQUIRE(g > 0.f);
  REQUIRE(session.train_slice(3, kForever).step == 10);
  const SliceReport no_time = session.train_slice(1000, 0);  // the budget is spent after the first step
  REQUIRE(no_time.losses.size() == 1);
  REQUIRE(session.steps() == 11);
}

TEST_CASE("a slice's losses are the steps' own, and clipped steps are counted", "[api][slice]") {
  SessionSettings s = small();
  s.train.clip = 0.2f;  // the norms start near 0.25 and fall below 0.2: some steps are clipped
  Session sliced(fox_text(), s), stepped(fox_text(), s);
  const SliceReport r = sliced.train_slice(12, kForever);
  int clipped = 0;
  for (std::size_t i = 0; i < r.losses.size(); ++i) {
    const StepReport one = stepped.train_step();
    REQUIRE(r.losses[i] == static_cast<float>(one.loss));
    REQUIRE(r.grad_norms[i] == one.grad_norm);
    clipped += one.clipped;
  }
  REQUIRE(r.clipped == clipped);
  INFO("norms from " << r.grad_norms.front() << " to " << r.grad_norms.back());
  REQUIRE(clipped > 0);
  REQUIRE(clipped < 12);
}

TEST_CASE("reconfigure keeps the weights and the step count", "[api][reconfigure]") {
  Session session(fox_text(), small());
  losses_of(session, 30);
  const std::vector<float> weights = session.model().parameters();
  const double before = session.validate(1000000).loss;
  TrainSettings next = session.settings().train;
  next.seq_len = 8, next.batch = 4;
  session.reconfigure(next);
  REQUIRE(session.steps() == 30);
  REQUIRE(session.settings().train.seq_len == 8);
  REQUIRE(session.settings().train.batch == 4);
  REQUIRE(session.model().parameters() == weights);
  REQUIRE(session.validate(1000000).loss == before);  // the same weights
  REQUIRE(session.train_slice(5, kForever).step == 35);
}

TEST_CASE("after reconfigure, training equals a fresh trainer on the same weights and settings", "[api][reconfigure]") {
  for (OptimizerKind kind : {OptimizerKind::adam, OptimizerKind::sgd}) {
    SessionSettings s = small();
    s.train.dropout = 0.2f;
    Session session(fox_text(), s);
    losses_of(session, 25);
    TrainSettings next = s.train;
    next.seq_len = 12, next.batch = 3, next.optimizer.kind = kind, next.optimizer.lr = 0.02f, next.seed = 4;
    session.reconfigure(next);

    Model model = session.model();  // the weights as they are, in a model of their own
    const Corpus corpus = Corpus::from_utf8(fox_text(), s.val_frac);
    Trainer fresh(model, next, corpus.train);
    const std::vector<float> reconfigured = losses_of(session, 10);
    for (float loss : reconfigured) REQUIRE(loss == static_cast<float>(fresh.step().loss));  // bit for bit
    REQUIRE(session.steps() == 35);
  }
}

TEST_CASE("reconfigure refuses settings the text cannot carry, and the run goes on unchanged", "[api][reconfigure]") {
  Session session(fox_text(), small());
  losses_of(session, 3);
  TrainSettings next = session.settings().train;
  next.seq_len = 1024, next.batch = 256;
  REQUIRE_THROWS_WITH(session.reconfigure(next), Catch::Contains("the text is too short to train on"));
  REQUIRE(session.settings().train.seq_len == 16);
  REQUIRE(session.train_slice(1, kForever).step == 4);
}

TEST_CASE("snapshot, train, restore, train: the same losses bit for bit", "[api][snapshot]") {
  SessionSettings s = small();
  s.num_layers = 2, s.train.dropout = 0.3f;  // the dropout stream must come back too
  Session session(fox_text(), s);
  pin_snapshots(session, 1000000);
  losses_of(session, 9);
  REQUIRE(session.snapshot() == 9);
  const std::vector<float> weights = session.model().parameters();
  const std::vector<float> first = losses_of(session, 40);  // past an epoch boundary (the text is short)
  REQUIRE(session.restore() == 9);
  REQUIRE(session.steps() == 9);
  REQUIRE(session.model().parameters() == weights);
  REQUIRE(losses_of(session, 40) == first);
}

TEST_CASE("a blow-up stops the slice and goes back to the last snapshot", "[api][divergence]") {
  Session session(fox_text(), small());
  pin_snapshots(session, 1000000);  // only the snapshot taken when the model was built (step 0)
  REQUIRE(session.snapshot_step() == 0);
  const std::vector<float> fresh_weights = session.model().parameters();
  const double fresh = session.validate(1000000).loss;
  losses_of(session, 10);
  session.update_training(10.f, 0.f, 0.f);
  const SliceReport r = session.train_slice(60, kForever);
  REQUIRE(r.stop.reason == StopReason::blow_up);
  REQUIRE(r.stop.at_step > 10);
  REQUIRE(r.stop.at_step == 10 + static_cast<long long>(r.losses.size()));  // the tripping step is in the losses
  REQUIRE(r.stop.loss_nats > 2 * std::log(static_cast<double>(session.vocab().size())) + 1);
  REQUIRE(r.stop.loss_nats > fresh);
  REQUIRE(r.stop.restored_step == 0);
  REQUIRE(r.step == 0);
  REQUIRE(session.steps() == 0);
  REQUIRE(session.model().parameters() == fresh_weights);
  REQUIRE(session.validate(1000000).loss == fresh);
}

TEST_CASE("a blow-up goes back to the latest healthy snapshot, not an older one", "[api][divergence]") {
  Session session(fox_text(), small());
  pin_snapshots(session, 5);
  losses_of(session, 12);  // healthy: snapshots at steps 5 and 10
  REQUIRE(session.snapshot_step() == 10);
  session.update_training(10.f, 0.f, 0.f);
  const SliceReport r = session.train_slice(60, kForever);
  REQUIRE(r.stop.reason == StopReason::blow_up);
  // Step 10's, or one taken every 5 steps later while the smoothed loss still looked sane.
  REQUIRE(r.stop.restored_step.has_value());
  const long long restored = *r.stop.restored_step;
  REQUIRE(restored >= 10);
  REQUIRE(restored % 5 == 0);
  REQUIRE(restored < r.stop.at_step);
  REQUIRE(session.steps() == restored);
}

TEST_CASE("a non-finite step stops the slice and goes back to the last snapshot", "[api][divergence]") {
  Session session(fox_text(), small());
  pin_snapshots(session, 1000000);
  losses_of(session, 3);
  session.snapshot();
  const std::vector<float> at_three = session.model().parameters();
  losses_of(session, 2);
  // Overflow, as a runaway learning rate would produce it: the next forward pass is not finite.
  Model& model = const_cast<Model&>(session.model());
  model.mutable_parameters()[model.layout().decoder_bias()] = std::numeric_limits<float>::infinity();
  const SliceReport r = session.train_slice(10, kForever);
  REQUIRE(r.stop.reason == StopReason::non_finite);
  REQUIRE(r.stop.at_step == 5);
  REQUIRE(std::isnan(r.stop.loss_nats));
  REQUIRE(r.losses.empty());
  REQUIRE(r.stop.restored_step == 3);
  REQUIRE(session.steps() == 3);
  REQUIRE(session.model().parameters() == at_three);
  REQUIRE(losses_of(session, 1).size() == 1);  // and training goes on from there
}

TEST_CASE("without a snapshot, a non-finite step keeps the last finite weights, a blow-up its own", "[api][divergence]") {
  SessionSettings s = small();
  Session session(fox_text(), s);
  SnapshotPolicy none;
  none.max_parameters = 0;  // as for a model too large to copy
  session.set_snapshot_policy(none);
  session.reconfigure(s.train);  // a new start under that policy: no snapshot is taken
  REQUIRE_FALSE(session.snapshot_step().has_value());
  REQUIRE_THROWS_WITH(session.restore(), "there is no snapshot to go back to");
  losses_of(session, 4);
  Model& model = const_cast<Model&>(session.model());
  model.mutable_parameters()[model.layout().decoder_bias()] = std::numeric_limits<float>::infinity();
  const SliceReport r = session.train_slice(10, kForever);
  REQUIRE(r.stop.reason == StopReason::non_finite);
  REQUIRE(r.stop.restored_step == 4);
  for (float x : session.model().parameters()) REQUIRE(std::isfinite(x));

  session.update_training(10.f, 0.f, 0.f);
  const SliceReport blown = session.train_slice(60, kForever);
  REQUIRE(blown.stop.reason == StopReason::blow_up);
  REQUIRE_FALSE(blown.stop.restored_step.has_value());
  REQUIRE(session.steps() == blown.stop.at_step);
}
