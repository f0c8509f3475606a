#include "convert.hpp"

#include <emscripten/bind.h>

#include "text/utf8.hpp"
#include "util/seed.hpp"

namespace charrnn::js {

namespace {

template <class T>
val typed_array(const char* type, const std::vector<T>& v) {  // copies: the view dies when memory grows
  return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

val string_array(const std::vector<std::string>& items) {
  val a = val::array();
  for (std::size_t i = 0; i < items.size(); ++i) a.set(i, items[i]);
  return a;
}

const char* stop_reason_name(StopReason reason) {
  switch (reason) {
    case StopReason::non_finite: return "nonFinite";
    case StopReason::blow_up: return "blowUp";
    case StopReason::none: break;
  }
  return "none";
}

}  // namespace

TrainSettings train_settings(const SettingsJs& js) {
  TrainSettings t;
  t.seq_len = js.seqLen;
  t.batch = js.batch;
  t.optimizer.kind = parse_optimizer(js.optimizer);
  t.optimizer.lr = js.learningRate;
  t.clip = js.clip;
  t.dropout = js.dropout;
  t.seed = seed_from_number(js.seed);
  return t;
}

SessionSettings session_settings(const SettingsJs& js) {
  SessionSettings s;
  s.cell = parse_cell(js.cell);
  s.hidden_size = js.hiddenSize;
  s.num_layers = js.numLayers;
  s.forget_bias_one = js.forgetBiasOne;
  s.val_frac = js.valFrac;
  s.train = train_settings(js);
  return s;
}

val summary(const Session& s) {
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

val slice(const SliceReport& report) {
  val r = val::object();
  r.set("losses", typed_array("Float32Array", report.losses));
  r.set("gradNorms", typed_array("Float32Array", report.grad_norms));
  r.set("clipped", report.clipped);
  r.set("step", static_cast<double>(report.step));
  if (report.stop.reason == StopReason::none) {
    r.set("stop", val::null());
    return r;
  }
  val stop = val::object();
  stop.set("reason", std::string(stop_reason_name(report.stop.reason)));
  stop.set("atStep", static_cast<double>(report.stop.at_step));
  stop.set("lossNats", report.stop.loss_nats);
  stop.set("restoredStep", report.stop.restored_step ? val(static_cast<double>(*report.stop.restored_step)) : val::null());
  r.set("stop", stop);
  return r;
}

val validation(const Evaluation& e) {
  val r = val::object();
  r.set("predictions", static_cast<double>(e.predictions));
  r.set("loss", e.loss);
  r.set("bitsPerChar", e.bits_per_char);
  return r;
}

val inspection(const Inspection& ins, CellKind cell) {
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
  r.set("gateNames", string_array(trace_names(cell)));
  r.set("layers", layers);
  r.set("topIds", typed_array("Int32Array", ins.top_ids));
  r.set("topProbs", typed_array("Float32Array", ins.top_probs));
  return r;
}

val gradient_norms(const GradientNorms& g) {
  val r = val::object();
  r.set("steps", g.steps);
  r.set("layers", g.layers);
  r.set("hidden", typed_array("Float32Array", g.hidden));
  r.set("cell", typed_array("Float32Array", g.cell));
  return r;
}

val gradient_check(const std::vector<GradientCheckEntry>& entries) {
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
}

val bytes(const std::vector<std::uint8_t>& data) {
  val r = val::object();
  r.set("bytes", typed_array("Uint8Array", data));
  return r;
}

val floats(const std::vector<float>& data) { return typed_array("Float32Array", data); }

val step(long long step) {
  val r = val::object();
  r.set("step", static_cast<double>(step));
  return r;
}

val failure(const std::string& message) {
  val r = val::object();
  r.set("ok", false);
  r.set("error", message);
  return r;
}

}  // namespace charrnn::js
