// When divergence rollback copies a run: by training time, spaced to keep copying under its share, or
// every so many steps when a test pins it.
#include <catch2/catch.hpp>

#include "train/snapshot_schedule.hpp"

using namespace charrnn;

TEST_CASE("snapshots are due after the minimum interval of training time", "[train][snapshot]") {
  SnapshotSchedule schedule;  // 2 s, 2 %
  REQUIRE_FALSE(schedule.due_after_step(1500));
  REQUIRE(schedule.due_after_step(500));
  schedule.taken(1);  // a cheap copy: the minimum interval still holds
  REQUIRE_FALSE(schedule.due_after_step(1999));
  REQUIRE(schedule.due_after_step(1));
}

TEST_CASE("an expensive copy spaces the next snapshot to keep copying under 2% of training time", "[train][snapshot]") {
  SnapshotSchedule schedule;
  schedule.taken(100);  // 100 ms / 2 % = 5 s of training before the next one
  REQUIRE_FALSE(schedule.due_after_step(4999));
  REQUIRE(schedule.due_after_step(1));
}

TEST_CASE("a step interval makes the snapshot's step exact, whatever the clock says", "[train][snapshot]") {
  SnapshotPolicy policy;
  policy.every_steps = 3;
  SnapshotSchedule schedule(policy);
  REQUIRE_FALSE(schedule.due_after_step(1e9));
  REQUIRE_FALSE(schedule.due_after_step(0));
  REQUIRE(schedule.due_after_step(0));
  schedule.taken(1e9);
  REQUIRE_FALSE(schedule.due_after_step(0));
}

TEST_CASE("models above the size limit are not copied automatically", "[train][snapshot]") {
  const SnapshotSchedule schedule;
  REQUIRE(schedule.allows(4'000'000));
  REQUIRE_FALSE(schedule.allows(4'000'001));
}
