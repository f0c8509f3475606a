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
  std::string cell, optimizer;
  int hiddenSize, numLayers, seqLen, batch;
  bool forgetBiasOne;
  float valFrac, learningRate, clip, dropout;
  double seed;
};

SessionSettings session_settings(const SettingsJs& js);
TrainSettings train_settings(const SettingsJs& js);

val summary(const Session& session);
val slice(const SliceReport& report);
val validation(const Evaluation& e);
val inspection(const Inspection& ins, CellKind cell);
val gradient_norms(const GradientNorms& g);
val gradient_check(const std::vector<GradientCheckEntry>& entries);
val bytes(const std::vector<std::uint8_t>& data);
val floats(const std::vector<float>& data);
val step(long long step);  // {step}

val failure(const std::string& message);

// Runs `body` and returns its object with ok: true, or {ok: false, error} for anything it throws: an
// exception crossing into JS would arrive as a bare pointer and leak wasm stack.
template <class F>
val guarded(F&& body) {
  try {
    val r = body();
    r.set("ok", true);
    return r;
  } catch (const Error& e) {
    return failure(e.what());
  } catch (const std::bad_alloc&) {
    return failure("out of memory: try a smaller model, batch or sequence length");
  } catch (const std::exception& e) {
    return failure(std::string("internal error: ") + e.what());
  }
}

}  // namespace charrnn::js
