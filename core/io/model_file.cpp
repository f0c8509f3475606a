#include "io/model_file.hpp"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

#include "io/file_refusal.hpp"
#include "io/safetensors.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

using namespace file_refusal;  // the refusals with their codes, the metadata number readers

std::string float_text(float x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(x));
  return buf;
}

// Copies an F32 tensor of exactly `shape` out of the file, checking every value is finite.
void read_f32(const SafetensorsView& view, const std::string& name, const std::vector<int>& shape, float* dst) {
  const SafetensorsEntry* e = view.find(name);
  if (!e) bad("file.tensorMissing", {{"name", name}}, "tensor '" + name + "' is missing");
  if (e->dtype != "F32") bad("file.notF32", {{"name", name}, {"dtype", e->dtype}}, "tensor '" + name + "' has dtype " + e->dtype + "; only F32 is read (call .float() before saving)");
  std::vector<std::int64_t> want(shape.begin(), shape.end());
  if (e->shape != want) {
    auto text = [](const auto& s) {
      std::string t = "[";
      for (std::size_t i = 0; i < s.size(); ++i) t += (i ? ", " : "") + std::to_string(s[i]);
      return t + "]";
    };
    bad("file.shapeMismatch", {{"name", name}, {"expected", text(want)}, {"actual", text(e->shape)}},
        "tensor '" + name + "' has shape " + text(e->shape) + " but this model needs " + text(want));
  }
  const std::uint8_t* src = view.buffer + e->begin;
  const std::size_t count = (e->end - e->begin) / 4;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t u = std::uint32_t(src[4 * i]) | std::uint32_t(src[4 * i + 1]) << 8 |
                            std::uint32_t(src[4 * i + 2]) << 16 | std::uint32_t(src[4 * i + 3]) << 24;
    std::memcpy(dst + i, &u, 4);
    if (!std::isfinite(dst[i])) bad("file.notFinite", {{"name", name}}, "tensor '" + name + "' holds a value that is not a finite number");
  }
}

const std::vector<std::int64_t>& shape_of(const SafetensorsView& view, const std::string& name) {
  const SafetensorsEntry* e = view.find(name);
  if (!e) bad("file.tensorMissing", {{"name", name}}, "tensor '" + name + "' is missing");
  return e->shape;
}

// The task and its labels, from the metadata (absent task = lm, as every file before tasks existed).
void read_task(const std::map<std::string, std::string>& meta, ModelShape& shape, std::vector<std::string>& labels) {
  if (meta.count("task")) {
    try {
      shape.task = parse_task(meta.at("task"));
    } catch (const Error& e) {
      bad_value("task", "metadata task: ", e);
    }
  }
  if (shape.task != TaskKind::classify) {
    if (meta.count("labels")) bad("file.labelsWithoutClassify", {}, "metadata has labels, but only a model of task classify has labels");
    return;
  }
  if (!meta.count("labels")) bad("file.metadataMissing", {{"key", "labels"}}, "metadata says task 'classify' but has no 'labels' (a JSON array of the label names in index order)");
  try {
    labels = labels_from_json(meta.at("labels"));
  } catch (const Error& e) {
    bad_value("labels", "metadata labels: ", e);
  }
  shape.labels = static_cast<int>(labels.size());
}

ModelShape infer_shape(const SafetensorsView& view, const Vocab& vocab, std::vector<std::string>& labels) {
  ModelShape shape;
  shape.vocab_size = vocab.size();
  int layers = 0;
  while (layers <= Limits::kMaxLayers && view.find("rnn.weight_ih_l" + std::to_string(layers))) ++layers;
  if (layers == 0) bad("file.tensorMissing", {{"name", "rnn.weight_ih_l0"}}, "tensor 'rnn.weight_ih_l0' is missing");
  if (layers > Limits::kMaxLayers)
    bad("file.tooManyLayers", {{"max", std::to_string(Limits::kMaxLayers)}}, "the model has more than " + std::to_string(Limits::kMaxLayers) + " layers");
  shape.num_layers = layers;
  shape.bidirectional = view.find("rnn.weight_ih_l0_reverse") != nullptr;
  const auto& hh = shape_of(view, "rnn.weight_hh_l0");
  if (hh.size() != 2 || hh[1] < 1 || hh[1] > Limits::kMaxHidden)
    bad("file.hiddenShapeBad", {{"name", "rnn.weight_hh_l0"}, {"max", std::to_string(Limits::kMaxHidden)}}, "tensor 'rnn.weight_hh_l0' must have shape [G*H, H] with 1 ≤ H ≤ " + std::to_string(Limits::kMaxHidden));
  shape.hidden_size = static_cast<int>(hh[1]);
  const std::int64_t gates = hh[0] / hh[1];
  if (hh[0] % hh[1] != 0 || (gates != 1 && gates != 3 && gates != 4))
    bad("file.gateRowsBad", {{"name", "rnn.weight_hh_l0"}, {"rows", std::to_string(hh[0])}, {"hidden", std::to_string(hh[1])}},
        "tensor 'rnn.weight_hh_l0' has " + std::to_string(hh[0]) + " rows, not 1, 3 or 4 times the hidden size " + std::to_string(hh[1]));
  shape.cell = gates == 4 ? CellKind::lstm : gates == 3 ? CellKind::gru : CellKind::rnn;

  const auto& meta = view.metadata;
  if (meta.count("cell")) {
    CellKind declared;
    try {
      declared = parse_cell(meta.at("cell"));
    } catch (const Error& e) {
      bad_value("cell", "metadata cell: ", e);
    }
    if (declared != shape.cell)
      bad("file.metadataDisagrees", {{"key", "cell"}, {"value", cell_name(declared)}, {"actual", cell_name(shape.cell)}},
          std::string("metadata says cell '") + cell_name(declared) + "' but the weights have the shape of a " + cell_name(shape.cell));
  }
  if (meta.count("hidden_size") && parse_integer(meta, "hidden_size", 1, Limits::kMaxHidden) != shape.hidden_size)
    bad("file.metadataDisagrees", {{"key", "hidden_size"}, {"value", meta.at("hidden_size")}, {"actual", std::to_string(shape.hidden_size)}},
        "metadata hidden_size = " + meta.at("hidden_size") + " but the weights have hidden size " + std::to_string(shape.hidden_size));
  if (meta.count("num_layers") && parse_integer(meta, "num_layers", 1, Limits::kMaxLayers) != shape.num_layers)
    bad("file.metadataDisagrees", {{"key", "num_layers"}, {"value", meta.at("num_layers")}, {"actual", std::to_string(shape.num_layers)}},
        "metadata num_layers = " + meta.at("num_layers") + " but the file has " + std::to_string(shape.num_layers) + " layers of weights");
  if (meta.count("bidirectional")) {
    const std::string& b = meta.at("bidirectional");
    if (b != "true" && b != "false")
      bad("file.metadataUnknownValue", {{"key", "bidirectional"}, {"value", b}, {"expected", "true, false"}}, "metadata bidirectional = '" + b + "' is not 'true' or 'false'");
    if ((b == "true") != shape.bidirectional)
      bad("file.metadataDisagrees",
          {{"key", "bidirectional"}, {"value", b}, {"actual", shape.bidirectional ? "true" : "false"}},
          shape.bidirectional ? "metadata says bidirectional 'false' but the file has reverse-direction weights (rnn.weight_ih_l0_reverse)"
                              : "metadata says bidirectional 'true' but the file has no reverse-direction weights (rnn.weight_ih_l0_reverse)");
  }
  if (meta.count("nonlinearity")) {
    try {
      shape.nonlinearity = parse_nonlinearity(meta.at("nonlinearity"));
    } catch (const Error& e) {
      bad_value("nonlinearity", "metadata nonlinearity: ", e);
    }
  }
  read_task(meta, shape, labels);
  try {
    shape.validate();  // relu on a gated cell, a bidirectional language model, the number of labels
  } catch (const Error& e) {
    bad_value("", "", e);
  }
  const auto& dec = shape_of(view, "decoder.weight");
  if (dec.size() == 2 && dec[0] != shape.classes()) {
    switch (shape.task) {
      case TaskKind::lm:
        bad("file.decoderRows", {{"name", "decoder.weight"}, {"rows", std::to_string(dec[0])}, {"expected", std::to_string(shape.classes())}},
            "the vocabulary has " + std::to_string(vocab.size()) + " characters but decoder.weight has " + std::to_string(dec[0]) + " rows");
      case TaskKind::spacing:
        bad("file.decoderRows", {{"name", "decoder.weight"}, {"rows", std::to_string(dec[0])}, {"expected", "2"}},
            "a spacing model's decoder.weight has 2 rows (no space, space), but this one has " + std::to_string(dec[0]));
      case TaskKind::classify:
        bad("file.decoderRows", {{"name", "decoder.weight"}, {"rows", std::to_string(dec[0])}, {"expected", std::to_string(labels.size())}},
            "the metadata names " + std::to_string(labels.size()) + " labels but decoder.weight has " + std::to_string(dec[0]) + " rows");
    }
  }
  return shape;
}

SavedTraining read_training(const SafetensorsView& view, const ModelShape& shape, std::set<std::string>& known) {
  const auto& meta = view.metadata;
  for (const char* key : {"train_seq_len", "train_batch", "train_clip", "train_dropout", "train_seed", "train_val_frac",
                          "train_text", "train_position", "train_epoch", "train_rng"})
    if (!meta.count(key)) bad("file.metadataMissing", {{"key", key}}, std::string("metadata has training state but no ") + key);
  SavedTraining t;
  t.settings.seq_len = static_cast<int>(parse_integer(meta, "train_seq_len", 1, Limits::kMaxSeq));
  t.settings.batch = static_cast<int>(parse_integer(meta, "train_batch", 1, Limits::kMaxBatch));
  t.settings.clip = parse_float(meta, "train_clip");
  t.settings.dropout = parse_float(meta, "train_dropout");
  t.settings.seed = parse_u64(meta.at("train_seed"), "train_seed");
  t.val_frac = parse_float(meta, "train_val_frac");
  t.text_fingerprint = meta.at("train_text");
  TrainingProgress& p = t.progress;
  p.steps = parse_integer(meta, "train_step", 0, 1LL << 50);
  p.position = parse_integer(meta, "train_position", 0, 1LL << 50);
  p.epoch = parse_integer(meta, "train_epoch", 0, 1LL << 50);
  const std::string& rng = meta.at("train_rng");
  std::size_t start = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t comma = i < 3 ? rng.find(',', start) : rng.size();
    if (comma == std::string::npos)
      bad("file.metadataNotNumber", {{"key", "train_rng"}, {"value", rng}}, "metadata train_rng must be 4 comma-separated numbers");
    const std::uint64_t word = parse_u64(rng.substr(start, comma - start), "train_rng");
    if (word > 0xFFFFFFFFu) bad("file.metadataNotNumber", {{"key", "train_rng"}, {"value", rng}}, "metadata train_rng holds a number above 2^32");
    p.dropout_rng.words[i] = static_cast<std::uint32_t>(word);
    start = comma + 1;
  }
  p.state.reset(shape, t.settings.batch);
  const std::vector<int> state_shape = {shape.num_layers * shape.directions(), t.settings.batch, shape.hidden_size};
  read_f32(view, "train.state_h", state_shape, p.state.h.data());
  known.insert("train.state_h");
  if (shape.cell == CellKind::lstm) {
    read_f32(view, "train.state_c", state_shape, p.state.c.data());
    known.insert("train.state_c");
  }
  return t;
}

}  // namespace

std::vector<std::uint8_t> save_model_file(const Model& model, const Vocab& vocab, const Optimizer* optimizer,
                                          const SavedTraining* training,
                                          const std::map<std::string, std::string>& extra_metadata,
                                          const std::vector<std::string>& labels) {
  require(!training || optimizer, "training state is saved together with the optimizer state");
  const ModelShape& s = model.shape();
  require(vocab.size() == s.vocab_size, "the vocabulary does not match the model");
  std::map<std::string, std::string> meta = extra_metadata;
  meta["format"] = "charrnn";
  meta["version"] = kModelFormatVersion;
  meta["cell"] = cell_name(s.cell);
  meta["hidden_size"] = std::to_string(s.hidden_size);
  meta["num_layers"] = std::to_string(s.num_layers);
  meta["vocab"] = vocab.to_json();
  meta["task"] = task_name(s.task);
  meta["bidirectional"] = s.bidirectional ? "true" : "false";
  if (s.cell == CellKind::rnn) meta["nonlinearity"] = nonlinearity_name(s.nonlinearity);
  if (s.task == TaskKind::classify) {
    require(static_cast<int>(labels.size()) == s.labels, "the labels do not match the model");
    meta["labels"] = labels_to_json(labels);
  }
  std::vector<F32Tensor> tensors;
  for (const TensorInfo& t : model.layout().tensors())
    tensors.push_back({t.name, {t.shape.begin(), t.shape.end()}, model.at(t.offset)});
  if (optimizer) {
    const OptimizerSettings& o = optimizer->settings();
    meta["optim"] = optimizer_name(o.kind);
    meta["optim_step"] = std::to_string(optimizer->steps());
    meta["optim_lr"] = float_text(o.lr);
    meta["optim_momentum"] = float_text(o.momentum);
    meta["optim_beta1"] = float_text(o.beta1);
    meta["optim_beta2"] = float_text(o.beta2);
    meta["optim_alpha"] = float_text(o.alpha);
    meta["optim_eps"] = float_text(o.epsilon());
    for (const OptimizerSlot& slot : optimizer->slots())
      for (const TensorInfo& t : model.layout().tensors())
        tensors.push_back({"optim." + slot.name + "." + t.name, {t.shape.begin(), t.shape.end()}, slot.values.data() + t.offset});
  }
  if (training) {
    const TrainSettings& ts = training->settings;
    const TrainingProgress& p = training->progress;
    meta["train_seq_len"] = std::to_string(ts.seq_len);
    meta["train_batch"] = std::to_string(ts.batch);
    meta["train_clip"] = float_text(ts.clip);
    meta["train_dropout"] = float_text(ts.dropout);
    meta["train_seed"] = std::to_string(ts.seed);
    meta["train_val_frac"] = float_text(training->val_frac);
    meta["train_text"] = training->text_fingerprint;
    meta["train_step"] = std::to_string(p.steps);
    meta["train_position"] = std::to_string(p.position);
    meta["train_epoch"] = std::to_string(p.epoch);
    std::string rng;
    for (int i = 0; i < 4; ++i) rng += (i ? "," : "") + std::to_string(p.dropout_rng.words[i]);
    meta["train_rng"] = rng;
    const std::vector<std::int64_t> state_shape = {p.state.layers, p.state.batch, p.state.hidden};
    tensors.push_back({"train.state_h", state_shape, p.state.h.data()});
    if (!p.state.c.empty()) tensors.push_back({"train.state_c", state_shape, p.state.c.data()});
  }
  return write_safetensors(tensors, meta);
}

ModelFile load_model_file(const std::uint8_t* data, std::size_t size) {
  const SafetensorsView view = parse_safetensors(data, size);
  const auto& meta = view.metadata;
  if (meta.count("format") && meta.at("format") != "charrnn")
    bad("file.wrongFormat", {{"format", meta.at("format")}}, "metadata format is '" + meta.at("format") + "', not 'charrnn'");
  if (!meta.count("vocab")) bad("file.metadataMissing", {{"key", "vocab"}}, "metadata has no 'vocab' (a JSON array of the model's characters in index order)");
  ModelFile file;
  try {
    file.vocab = Vocab::from_json(meta.at("vocab"));
  } catch (const Error& e) {
    bad_value("vocab", "metadata vocab: ", e);
  }
  if (file.vocab.size() < 1) bad("file.vocabEmpty", {}, "metadata vocab is empty");
  const ModelShape shape = infer_shape(view, file.vocab, file.labels);
  const ParameterLayout layout(shape);
  for (const TensorInfo& t : layout.tensors())
    if (!view.find(t.name)) bad("file.tensorMissing", {{"name", t.name}}, "tensor '" + t.name + "' is missing");
  // Bound the allocation by what the file holds: every parameter must be in it, as 4 bytes.
  if (layout.total() * 4 > view.buffer_size)
    bad("file.tooFewBytes", {}, "the tensors hold fewer bytes than a " + std::string(cell_name(shape.cell)) + " of this size needs (truncated?)");
  file.model = std::make_unique<Model>(shape);
  auto& params = file.model->mutable_parameters();
  std::set<std::string> known;
  for (const TensorInfo& t : file.model->layout().tensors()) {
    read_f32(view, t.name, t.shape, params.data() + t.offset);
    known.insert(t.name);
  }

  if (meta.count("optim")) {
    SavedOptimizer saved;
    try {
      saved.settings.kind = parse_optimizer(meta.at("optim"));
    } catch (const Error& e) {
      bad_value("optim", "metadata optim: ", e);
    }
    if (!meta.count("optim_step")) bad("file.metadataMissing", {{"key", "optim_step"}}, "metadata has optimizer state but no optim_step");
    saved.steps = parse_integer(meta, "optim_step", 0, 1LL << 50);
    saved.settings.lr = parse_float(meta, "optim_lr");
    saved.settings.momentum = parse_float(meta, "optim_momentum");
    saved.settings.beta1 = parse_float(meta, "optim_beta1");
    saved.settings.beta2 = parse_float(meta, "optim_beta2");
    saved.settings.alpha = parse_float(meta, "optim_alpha");
    saved.settings.eps = parse_float(meta, "optim_eps");
    try {
      saved.settings.validate();
    } catch (const Error& e) {
      bad_value("optim", "optimizer settings: ", e);
    }
    const Optimizer fresh(saved.settings, params.size());  // tells which slots this kind has
    for (const OptimizerSlot& slot : fresh.slots()) {
      OptimizerSlot loaded{slot.name, std::vector<float>(params.size())};
      for (const TensorInfo& t : file.model->layout().tensors()) {
        const std::string name = "optim." + slot.name + "." + t.name;
        read_f32(view, name, t.shape, loaded.values.data() + t.offset);
        known.insert(name);
      }
      saved.slots.push_back(std::move(loaded));
    }
    file.optimizer = std::move(saved);
    if (meta.count("train_step")) file.training = read_training(view, shape, known);
  }
  for (const SafetensorsEntry& e : view.tensors)
    if (!known.count(e.name))
      bad("file.unexpectedTensor", {{"name", e.name}}, "unexpected tensor '" + e.name + "' (not part of a " + (shape.bidirectional ? "bidirectional " : "") +
          cell_name(shape.cell) + " with " + std::to_string(shape.num_layers) + " layer(s))");
  file.metadata = meta;
  return file;
}

}  // namespace charrnn
