#include "convert.hpp"

#include <emscripten/bind.h>

#include "text/utf8.hpp"
#include "util/seed.hpp"

namespace charrnn::js {

namespace {

const char* stop_reason_name(StopReason reason) {
  switch (reason) {
    case StopReason::non_finite: return "nonFinite";
    case StopReason::blow_up: return "blowUp";
    case StopReason::none: break;
  }
  return "none";
}

}  // namespace

val strings(const std::vector<std::string>& items) {
  val a = val::array();
  for (std::size_t i = 0; i < items.size(); ++i) a.set(i, items[i]);
  return a;
}

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
  s.task = parse_task(js.task);
  s.bidirectional = js.bidirectional;
  s.nonlinearity = parse_nonlinearity(js.nonlinearity);
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
  r.set("vocab", strings(chars));
  r.set("parameters", static_cast<double>(s.model().parameters().size()));
  const ModelShape& shape = s.model().shape();
  r.set("task", std::string(task_name(shape.task)));
  r.set("cell", std::string(cell_name(shape.cell)));
  r.set("hiddenSize", shape.hidden_size);
  r.set("numLayers", shape.num_layers);
  r.set("bidirectional", shape.bidirectional);
  r.set("nonlinearity", std::string(nonlinearity_name(shape.nonlinearity)));
  r.set("labels", strings(s.labels()));
  r.set("trainExamples", static_cast<double>(t.train_examples));
  r.set("validationExamples", static_cast<double>(t.validation_examples));
  r.set("canTrain", s.can_train());
  r.set("resumedExactly", s.resumed_exactly());
  r.set("step", static_cast<double>(s.steps()));
  const UnknownCharacters unknown_chars = s.unknown_characters();
  std::vector<std::string> first;  // the distinct ones, by code point: enough to name them in a sentence
  for (const auto& entry : unknown_chars.characters)
    if (first.size() < 20) first.push_back(encode_utf8(entry.first));
  val unknown = val::object();
  unknown.set("count", static_cast<double>(unknown_chars.count));
  unknown.set("characters", strings(first));
  r.set("unknown", unknown);
  return r;
}

val slice(const SliceReport& report) {
  val r = val::object();
  r.set("losses", typed_array("Float32Array", report.losses));
  r.set("gradNorms", typed_array("Float32Array", report.grad_norms));
  r.set("clipped", report.clipped);
  r.set("characters", static_cast<double>(report.characters));
  r.set("scored", static_cast<double>(report.tally.scored));
  r.set("correct", static_cast<double>(report.tally.correct));
  r.set("truePositive", static_cast<double>(report.tally.true_positive));
  r.set("falsePositive", static_cast<double>(report.tally.false_positive));
  r.set("falseNegative", static_cast<double>(report.tally.false_negative));
  r.set("step", static_cast<double>(report.step));
  r.set("snapshotTaken", report.snapshot_taken);
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

val validation(const TaskMetrics& m) {
  val r = val::object();
  r.set("task", std::string(task_name(m.task)));
  r.set("predictions", static_cast<double>(m.tally.scored));
  r.set("loss", m.loss);
  r.set("bitsPerChar", m.bits_per_char());
  r.set("accuracy", m.tally.accuracy());
  r.set("precision", m.tally.precision());
  r.set("recall", m.tally.recall());
  r.set("f1", m.tally.f1());
  std::vector<double> confusion(m.confusion.begin(), m.confusion.end());
  r.set("confusion", typed_array("Float64Array", confusion));
  return r;
}

val inspection(const Inspection& ins, CellKind cell) {
  val layers = val::array(), pre = val::array();
  for (std::size_t l = 0; l < ins.layers.size(); ++l) {
    const LayerTrace& trace = ins.layers[l];
    val gates = val::object(), inputs = val::object();
    for (std::size_t g = 0; g < trace.names.size(); ++g) gates.set(trace.names[g], typed_array("Float32Array", trace.values[g]));
    for (std::size_t g = 0; g < trace.pre_names.size(); ++g)
      inputs.set(trace.pre_names[g], typed_array("Float32Array", trace.pre_values[g]));
    layers.set(l, gates);
    pre.set(l, inputs);
  }
  val r = val::object();
  r.set("steps", ins.steps);
  r.set("hidden", ins.hidden);
  r.set("topK", ins.top_k);
  r.set("directions", ins.directions);
  r.set("gateNames", strings(trace_names(cell)));
  r.set("preActivationNames", strings(pre_activation_names(cell)));
  r.set("layers", layers);
  r.set("preActivations", pre);
  r.set("topIds", typed_array("Int32Array", ins.top_ids));
  r.set("topProbs", typed_array("Float32Array", ins.top_probs));
  return r;
}

val gradient_norms(const GradientNorms& g) {
  val r = val::object();
  r.set("steps", g.steps);
  r.set("layers", g.layers);
  r.set("directions", g.directions);
  r.set("hidden", typed_array("Float32Array", g.hidden));
  r.set("cell", typed_array("Float32Array", g.cell));
  return r;
}

val connectivity(const Connectivity& c) {
  val r = val::object();
  r.set("position", c.position);
  r.set("target", c.target);
  r.set("targetIsNext", c.target_is_next);
  r.set("probability", c.probability);
  r.set("norms", typed_array("Float32Array", c.norms));
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
  r.set("tensors", strings(names));
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

val failure(const Error& e) {
  val r = failure(e.what());
  if (e.code().empty()) return r;
  r.set("code", e.code());
  val params = val::object();
  for (const auto& [name, value] : e.params()) params.set(name, value);
  r.set("params", params);
  return r;
}

}  // namespace charrnn::js
