// Embind glue: registers the core's Session as the JS class `Session` (core.d.mts; its methods are
// session_binding.hpp's) and the module's free functions.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>
#include <string>

#include "kernels/simd.hpp"
#include "session_binding.hpp"
#include "tasks/classify/labelled_lines.hpp"

using emscripten::val;
using namespace charrnn;
using js::guarded;
using js::SessionBinding;
using js::SettingsJs;

namespace {

// "Who wrote this line?": one labelled text (label<TAB>line) from several texts, their labels given.
val label_lines(const val& labels, const val& texts) {
  return guarded([&] {
    using emscripten::vecFromJSArray;
    return js::named("text", val(lines_of_texts(vecFromJSArray<std::string>(labels), vecFromJSArray<std::string>(texts))));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(charrnn) {
  emscripten::value_object<SettingsJs>("SessionSettings")
      .field("task", &SettingsJs::task)
      .field("cell", &SettingsJs::cell)
      .field("bidirectional", &SettingsJs::bidirectional)
      .field("nonlinearity", &SettingsJs::nonlinearity)
      .field("hiddenSize", &SettingsJs::hiddenSize)
      .field("numLayers", &SettingsJs::numLayers)
      .field("forgetBiasOne", &SettingsJs::forgetBiasOne)
      .field("valFrac", &SettingsJs::valFrac)
      .field("seqLen", &SettingsJs::seqLen)
      .field("batch", &SettingsJs::batch)
      .field("optimizer", &SettingsJs::optimizer)
      .field("learningRate", &SettingsJs::learningRate)
      .field("clip", &SettingsJs::clip)
      .field("dropout", &SettingsJs::dropout)
      .field("seed", &SettingsJs::seed);
  emscripten::class_<SessionBinding>("Session")
      .constructor<>()
      .function("create", &SessionBinding::create)
      .function("load", &SessionBinding::load)
      .function("trainSlice", &SessionBinding::trainSlice)
      .function("steps", &SessionBinding::steps)
      .function("reconfigure", &SessionBinding::reconfigure)
      .function("updateTraining", &SessionBinding::updateTraining)
      .function("computeGradients", &SessionBinding::computeGradients)
      .function("addGradient", &SessionBinding::addGradient)
      .function("setGradient", &SessionBinding::setGradient)
      .function("copyGradient", &SessionBinding::copyGradient)
      .function("applyGradients", &SessionBinding::applyGradients)
      .function("streamState", &SessionBinding::streamState)
      .function("setStreamState", &SessionBinding::setStreamState)
      .function("snapshot", &SessionBinding::snapshot)
      .function("restore", &SessionBinding::restore)
      .function("snapshotEvery", &SessionBinding::snapshotEvery)
      .function("gradientCheck", &SessionBinding::gradientCheck)
      .function("validate", &SessionBinding::validate)
      .function("sample", &SessionBinding::sample)
      .function("probeReset", &SessionBinding::probeReset)
      .function("probeFeed", &SessionBinding::probeFeed)
      .function("probeProbabilities", &SessionBinding::probeProbabilities)
      .function("inspect", &SessionBinding::inspect)
      .function("connectivity", &SessionBinding::connectivity)
      .function("gradientNorms", &SessionBinding::gradientNorms)
      .function("spacingBreakdown", &SessionBinding::spacingBreakdown)
      .function("classTrace", &SessionBinding::classTrace)
      .function("classifiedLines", &SessionBinding::classifiedLines)
      .function("save", &SessionBinding::save);
  emscripten::function("labelLines", &label_lines);
  // Bytes of wasm memory now reserved (it only grows): the memory view's figure.
  emscripten::function("heapSize", +[] { return static_cast<double>(emscripten_get_heap_size()); });
  // Bytes malloc has handed out and not yet had back: exact, for tests that memory stays flat.
  emscripten::function("heapInUse", +[] { return static_cast<double>(mallinfo().uordblks); });
  emscripten::constant("simdInstructionSet", std::string(simd::kInstructionSet));
}
