// Embind glue: converts JS values to core types and back, nothing else. Every method catches the core's
// errors and returns them as values ({ok: false, error}) — an exception crossing into JS would arrive as
// a bare pointer and leak wasm stack. Bulk results are copied out once per call into JS typed arrays.
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <malloc.h>

#include <memory>
#include <new>
#include <string>

#include "api/session.hpp"
#include "kernels/simd.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using emscripten::val;
using namespace charrnn;

namespace {

struct SettingsJs {
  std::string cell, optimizer;
  int hiddenSize, numLayers, seqLen, batch;
  bool forgetBiasOne;
  float valFrac, learningRate, clip, dropout;
  double seed;
};

TrainSettings train_settings(const SettingsJs& js) {
  TrainSettings t;
  t.seq_len = js.seqLen;
  t.batch = js.batch;
  t.optimizer.kind = parse_optimizer(js.optimizer);
  t.optimizer.lr = js.learningRate;
  t.clip = js.clip;
  t.dropout = js.dropout;
  require(js.seed >= 0 && js.seed <= 9007199254740991.0 && js.seed == static_cast<double>(static_cast<std::uint64_t>(js.seed)),
          "the seed must be a whole number from 0 to 2^53 - 1");
  t.seed = static_cast<std::uint64_t>(js.seed);
  return t;
}

template <class T>
val typed_array(const char* type, const std::vector<T>& v) {  // copies: the view dies when memory grows
  return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

val failure(const std::string& message) {
  val r = val::object();
  r.set("ok", false);
  r.set("error", message);
  return r;
}

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

val string_array(const std::vector<std::string>& items) {
  val a = val::array();
  for (std::size_t i = 0; i < items.size(); ++i) a.set(i, items[i]);
  return a;
}

class Core {
 public:
  val create(const std::string& text, const SettingsJs& js) {
    return guarded([&] {
      SessionSettings s;
      s.cell = parse_cell(js.cell);
      s.hidden_size = js.hiddenSize;
      s.num_layers = js.numLayers;
      s.forget_bias_one = js.forgetBiasOne;
      s.val_frac = js.valFrac;
      s.train = train_settings(js);
      auto next = std::make_unique<Session>(text, s);
      session_ = std::move(next);  // bad text or settings leave the current session as it was
      return describe();
    });
  }

  val load(const std::string& bytes, const std::string& text, const SettingsJs& js, bool resume) {
    return guarded([&] {
      auto next = std::make_unique<Session>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), text,
                                            train_settings(js), js.valFrac, resume);
      session_ = std::move(next);  // a bad file leaves the current session as it was
      return describe();
    });
  }

  val train(int max_steps, double max_millis) {
    return guarded([&] {
      const Session& s = need();
      std::vector<float> losses, norms;
      bool diverged = false;
      int clipped = 0;
      const double start = emscripten_get_now();
      for (int i = 0; i < max_steps; ++i) {
        const StepReport r = session_->train_step();
        if (r.diverged) {
          diverged = true;
          break;
        }
        losses.push_back(static_cast<float>(r.loss));
        norms.push_back(r.grad_norm);
        clipped += r.clipped;
        if (emscripten_get_now() - start >= max_millis) break;
      }
      val r = val::object();
      r.set("losses", typed_array("Float32Array", losses));
      r.set("gradNorms", typed_array("Float32Array", norms));
      r.set("clipped", clipped);
      r.set("diverged", diverged);
      r.set("step", static_cast<double>(s.steps()));
      return r;
    });
  }

  val updateTraining(float learning_rate, float clip, float dropout) {
    return guarded([&] {
      need();
      session_->update_training(learning_rate, clip, dropout);
      return val::object();
    });
  }

  val gradientCheck(int per_tensor) {
    return guarded([&] {
      const std::vector<GradientCheckEntry> entries = need().gradient_check(per_tensor);
      std::vector<std::string> names;
      std::vector<int> indices;
      std::vector<float> analytic, numeric, errors;
      for (const auto& e : entries) {
        names.push_back(e.tensor), indices.push_back(e.index);
        analytic.push_back(e.analytic), numeric.push_back(e.numeric), errors.push_back(e.relative_error);
      }
      val r = val::object();
      r.set("tensors", string_array(names));
      r.set("indices", typed_array("Int32Array", indices));
      r.set("analytic", typed_array("Float32Array", analytic));
      r.set("numeric", typed_array("Float32Array", numeric));
      r.set("relativeErrors", typed_array("Float32Array", errors));
      return r;
    });
  }

  val validate(double max_chars) {
    return guarded([&] {
      const Evaluation e = need().validate(static_cast<long long>(max_chars));
      val r = val::object();
      r.set("predictions", static_cast<double>(e.predictions));
      r.set("loss", e.loss);
      r.set("bitsPerChar", e.bits_per_char);
      return r;
    });
  }

  val sample(const std::string& prime, int length, float temperature, int top_k, double seed) {
    return guarded([&] {
      SampleSettings ss;
      ss.length = length, ss.temperature = temperature, ss.top_k = top_k;
      ss.seed = static_cast<std::uint64_t>(seed);
      val r = val::object();
      r.set("text", need().sample(prime, ss));
      return r;
    });
  }

  val probeReset() {
    return guarded([&] {
      need();
      session_->probe_reset();
      return val::object();
    });
  }

  val probeFeed(const std::string& text) {
    return guarded([&] {
      need();
      session_->probe_feed(text);
      return val::object();
    });
  }

  val probeProbabilities(float temperature) {
    return guarded([&] {
      val r = val::object();
      r.set("probabilities", typed_array("Float32Array", need().probe_probabilities(temperature)));
      return r;
    });
  }

  val inspect(const std::string& text, int top_k) {
    return guarded([&] {
      const Inspection ins = need().inspect(text, top_k);
      val layers = val::array();
      for (std::size_t l = 0; l < ins.layers.size(); ++l) {
        val gates = val::object();
        for (std::size_t g = 0; g < ins.layers[l].names.size(); ++g)
          gates.set(ins.layers[l].names[g], typed_array("Float32Array", ins.layers[l].values[g]));
        layers.set(l, gates);
      }
      val r = val::object();
      r.set("steps", ins.steps);
      r.set("hidden", ins.hidden);
      r.set("topK", ins.top_k);
      r.set("gateNames", string_array(trace_names(session_->model().shape().cell)));
      r.set("layers", layers);
      r.set("topIds", typed_array("Int32Array", ins.top_ids));
      r.set("topProbs", typed_array("Float32Array", ins.top_probs));
      return r;
    });
  }

  val gradientNorms() {
    return guarded([&] {
      const TemporalGradients g = need().gradient_norms();
      val r = val::object();
      r.set("steps", g.steps);
      r.set("layers", g.layers);
      r.set("hidden", typed_array("Float32Array", g.hidden));
      r.set("cell", typed_array("Float32Array", g.cell));
      return r;
    });
  }

  val save(bool with_optimizer) {
    return guarded([&] {
      val r = val::object();
      r.set("bytes", typed_array("Uint8Array", need().save(with_optimizer)));
      return r;
    });
  }

 private:
  const Session& need() const {
    require(session_ != nullptr, "no model yet: create or load one first");
    return *session_;
  }

  val describe() const {
    const Session& s = *session_;
    const TextSummary t = s.text_summary();
    std::vector<std::string> chars;
    for (char32_t c : s.vocab().characters()) chars.push_back(encode_utf8(c));
    val r = val::object();
    r.set("characters", static_cast<double>(t.characters));
    r.set("trainCharacters", static_cast<double>(t.train_characters));
    r.set("validationCharacters", static_cast<double>(t.validation_characters));
    r.set("vocab", string_array(chars));
    r.set("parameters", static_cast<double>(s.model().parameters().size()));
    r.set("cell", std::string(cell_name(s.model().shape().cell)));
    r.set("hiddenSize", s.model().shape().hidden_size);
    r.set("numLayers", s.model().shape().num_layers);
    r.set("canTrain", s.can_train());
    r.set("resumedExactly", s.resumed_exactly());
    r.set("step", static_cast<double>(s.steps()));
    return r;
  }

  std::unique_ptr<Session> session_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(charrnn) {
  emscripten::value_object<SettingsJs>("Settings")
      .field("cell", &SettingsJs::cell)
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
  emscripten::class_<Core>("Core")
      .constructor<>()
      .function("create", &Core::create)
      .function("load", &Core::load)
      .function("train", &Core::train)
      .function("updateTraining", &Core::updateTraining)
      .function("gradientCheck", &Core::gradientCheck)
      .function("validate", &Core::validate)
      .function("sample", &Core::sample)
      .function("probeReset", &Core::probeReset)
      .function("probeFeed", &Core::probeFeed)
      .function("probeProbabilities", &Core::probeProbabilities)
      .function("inspect", &Core::inspect)
      .function("gradientNorms", &Core::gradientNorms)
      .function("save", &Core::save);
  // Bytes of wasm memory now reserved (it only grows): the memory view's figure.
  emscripten::function("heapSize", +[] { return static_cast<double>(emscripten_get_heap_size()); });
  // Bytes malloc has handed out and not yet had back: exact, for tests that memory stays flat.
  emscripten::function("heapInUse", +[] { return static_cast<double>(mallinfo().uordblks); });
  emscripten::constant("simdInstructionSet", std::string(simd::kInstructionSet));
}
