// Converters between the core's types and JavaScript values, for bindings.cpp: settings in, results
// out. Bulk results are copied once into JS typed arrays (a view into wasm memory dies when it grows).
#pragma once

#include <emscripten/val.h>

#include <new>
#include <string>
#include <vector>

#include "api/session.hpp"
#include "util/error.hpp"

namespace charrnn::js {

using emscripten::val;

// The settings object the page sends (core.d.mts: SessionSettings).
struct SettingsJs {
  std::string task, cell, nonlinearity, optimizer;
  int hiddenSize, numLayers, seqLen, batch;
  bool bidirectional, forgetBiasOne;
  float valFrac, learningRate, clip, dropout;
  double seed;
};

SessionSettings session_settings(const SettingsJs& js);
TrainSettings train_settings(const SettingsJs& js);

val summary(const Session& session);
val slice(const SliceReport& report);
val validation(const TaskMetrics& m);
val inspection(const Inspection& ins, CellKind cell);
// The tasks' own results (task_convert.cpp).
val spacing_breakdown(const SpacingBreakdown& b);
val class_trace(const ClassTrace& trace, const std::vector<std::string>& labels);
val classified_lines(const ClassifiedLines& lines);
val strings(const std::vector<std::string>& items);
val gradient_norms(const GradientNorms& g);
val connectivity(const Connectivity& c);
val gradient_check(const std::vector<GradientCheckEntry>& entries);
val bytes(const std::vector<std::uint8_t>& data);
val floats(const std::vector<float>& data);
val step(long long step);  // {step}
// Data-parallel training (replica_convert.cpp).
val share_counts(const GradientShare& share);  // {lossSum, scored, correct, truePositive, ...}
GradientShare share_total(const val& total);
std::vector<float> float_vector(const val& array);
// A JS array's numbers in a buffer of wasm memory reused from call to call (a gradient of millions of
// floats arrives every step: no allocation for each); valid until the next call.
const std::vector<float>& incoming_floats(const val& array);
void copy_floats(const std::vector<float>& values, const val& into);  // into.set(values): the same length
SnapshotOrder snapshot_order(const std::string& name);  // bySchedule, take, skip

val failure(const std::string& message);
val failure(const Error& e);  // with its code and params when it has them (error.hpp)

inline val named(const char* name, const val& value) {  // {name: value}
  val r = val::object();
  r.set(name, value);
  return r;
}

template <class T>
val typed_array(const char* type, const std::vector<T>& v) {  // copies: the view dies when memory grows
  return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

// Runs `body` and returns its object with ok: true, or {ok: false, error} for anything it throws: an
// exception crossing into JS would arrive as a bare pointer and leak wasm stack.
template <class F>
val guarded(F&& body) {
  try {
    val r = body();
    r.set("ok", true);
    return r;
  } catch (const Error& e) {
    return failure(e);
  } catch (const std::bad_alloc&) {
    return failure("out of memory: try a smaller model, batch or sequence length");
  } catch (const std::exception& e) {
    return failure(std::string("internal error: ") + e.what());
  }
}

}  // namespace charrnn::js
