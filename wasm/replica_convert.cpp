// Converters for data-parallel training (core/api/session_replicas.cpp): a replica's share counts out,
// the summed counts in, and gradients both ways as one copy between a JS array and wasm memory.
#include "convert.hpp"

namespace charrnn::js {

val share_counts(const GradientShare& share) {
  val r = val::object();
  r.set("lossSum", share.loss_sum);
  r.set("scored", static_cast<double>(share.tally.scored));
  r.set("correct", static_cast<double>(share.tally.correct));
  r.set("truePositive", static_cast<double>(share.tally.true_positive));
  r.set("falsePositive", static_cast<double>(share.tally.false_positive));
  r.set("falseNegative", static_cast<double>(share.tally.false_negative));
  return r;
}

GradientShare share_total(const val& total) {
  GradientShare share;
  share.loss_sum = total["lossSum"].as<double>();
  share.tally.scored = static_cast<long long>(total["scored"].as<double>());
  share.tally.correct = static_cast<long long>(total["correct"].as<double>());
  share.tally.true_positive = static_cast<long long>(total["truePositive"].as<double>());
  share.tally.false_positive = static_cast<long long>(total["falsePositive"].as<double>());
  share.tally.false_negative = static_cast<long long>(total["falseNegative"].as<double>());
  return share;
}

std::vector<float> float_vector(const val& array) { return emscripten::convertJSArrayToNumberVector<float>(array); }

const std::vector<float>& incoming_floats(const val& array) {
  static std::vector<float> buffer;  // one per wasm instance: a worker's replica, used one call at a time
  buffer.resize(array["length"].as<std::size_t>());
  val(emscripten::typed_memory_view(buffer.size(), buffer.data())).call<void>("set", array);  // after resize: the view is of today's memory
  return buffer;
}

void copy_floats(const std::vector<float>& values, const val& into) {
  into.call<void>("set", val(emscripten::typed_memory_view(values.size(), values.data())));
}

SnapshotOrder snapshot_order(const std::string& name) {
  if (name == "bySchedule") return SnapshotOrder::by_schedule;
  if (name == "take") return SnapshotOrder::take;
  require(name == "skip", "settings.unknownChoice", {{"setting", "snapshotOrder"}, {"value", name}, {"expected", "bySchedule, take, skip"}},
          "the snapshot order must be bySchedule, take or skip, not " + name);
  return SnapshotOrder::skip;
}

}  // namespace charrnn::js
