// The model file with tasks: files of the format before tasks open unchanged, the new metadata
// (task, bidirectional, nonlinearity, labels) round-trips, and each way it can be wrong has its message.
#include <catch2/catch.hpp>
#include <cstring>

#include "infer/evaluate.hpp"
#include "io/fixtures/legacy_lstm_file.hpp"
#include "io/model_file.hpp"
#include "io/safetensors.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string load_error(const std::vector<std::uint8_t>& bytes) {
  try {
    load_model_file(bytes.data(), bytes.size());
  } catch (const Error& e) {
    return e.what();
  }
  return "loaded";
}

// A saved file with its metadata edited (and tensors dropped or renamed) the way a hand-made file might be.
std::vector<std::uint8_t> edited(const std::vector<std::uint8_t>& bytes, const std::map<std::string, std::string>& set,
                                 const std::vector<std::string>& remove_keys = {}, const std::string& drop_tensor = "") {
  const SafetensorsView view = parse_safetensors(bytes.data(), bytes.size());
  std::map<std::string, std::string> meta = view.metadata;
  for (const auto& [k, v] : set) meta[k] = v;
  for (const auto& k : remove_keys) meta.erase(k);
  std::vector<std::vector<float>> storage;
  std::vector<F32Tensor> tensors;
  storage.reserve(view.tensors.size());
  for (const SafetensorsEntry& e : view.tensors) {
    if (e.name == drop_tensor) continue;
    storage.emplace_back((e.end - e.begin) / 4);
    std::memcpy(storage.back().data(), view.buffer + e.begin, e.end - e.begin);
    tensors.push_back({e.name, e.shape, storage.back().data()});
  }
  return write_safetensors(tensors, meta);
}

Model made(CellKind cell, TaskKind task, bool bidirectional, Nonlinearity f = Nonlinearity::tanh) {
  ModelShape shape{cell, 4, 3, 2};
  shape.task = task;
  shape.bidirectional = bidirectional;
  shape.nonlinearity = f;
  shape.labels = 3;
  Model model(shape);
  Rng rng(2);
  model.initialize(rng);
  return model;
}

const Vocab kVocab(std::vector<char32_t>{U'a', U'b', U'\n', U'가'});
const std::vector<std::string> kLabels = {"ham", "spam", "스팸"};

}  // namespace

TEST_CASE("a file written before tasks existed opens as the language model it was, and predicts the same",
          "[io][model_file][tasks]") {
  const ModelFile f = load_model_file(testing::kLegacyLstmFile, sizeof testing::kLegacyLstmFile);
  const ModelShape& s = f.model->shape();
  REQUIRE(s.task == TaskKind::lm);
  REQUIRE_FALSE(s.bidirectional);
  REQUIRE(s.nonlinearity == Nonlinearity::tanh);
  REQUIRE(s.cell == CellKind::lstm);
  REQUIRE(s.hidden_size == 3);
  REQUIRE(f.labels.empty());
  REQUIRE(f.optimizer.has_value());
  REQUIRE(f.training.has_value());
  REQUIRE(f.training->progress.state.layers == 1);
  const Evaluation e = evaluate(*f.model, f.vocab.encode(decode_utf8("abba cab\nbaa\n")));
  REQUIRE(e.loss == Approx(testing::kLegacyEvalLoss).epsilon(1e-6));
}

TEST_CASE("task, directions, nonlinearity and labels round-trip bit-exactly", "[io][model_file][tasks]") {
  struct Case {
    CellKind cell;
    TaskKind task;
    bool bidirectional;
    Nonlinearity f;
  };
  for (const Case& c : {Case{CellKind::lstm, TaskKind::spacing, true, Nonlinearity::tanh},
                        Case{CellKind::gru, TaskKind::classify, true, Nonlinearity::tanh},
                        Case{CellKind::rnn, TaskKind::classify, false, Nonlinearity::relu},
                        Case{CellKind::rnn, TaskKind::lm, false, Nonlinearity::relu}}) {
    INFO(cell_name(c.cell) << " " << task_name(c.task));
    const Model model = made(c.cell, c.task, c.bidirectional, c.f);
    const auto bytes = save_model_file(model, kVocab, nullptr, nullptr, {}, c.task == TaskKind::classify ? kLabels : std::vector<std::string>{});
    const ModelFile f = load_model_file(bytes.data(), bytes.size());
    REQUIRE(f.model->shape().task == c.task);
    REQUIRE(f.model->shape().bidirectional == c.bidirectional);
    REQUIRE(f.model->shape().nonlinearity == c.f);
    REQUIRE(f.metadata.at("task") == task_name(c.task));
    REQUIRE(f.metadata.at("bidirectional") == (c.bidirectional ? "true" : "false"));
    REQUIRE(f.metadata.count("nonlinearity") == (c.cell == CellKind::rnn ? 1u : 0u));
    if (c.task == TaskKind::classify) REQUIRE(f.labels == kLabels);
    REQUIRE(std::memcmp(f.model->parameters().data(), model.parameters().data(), model.parameters().size() * 4) == 0);
  }
}

TEST_CASE("a bidirectional run's training state round-trips with a state per direction", "[io][model_file][tasks]") {
  Model model = made(CellKind::lstm, TaskKind::spacing, true);
  Optimizer opt(OptimizerSettings{}, model.parameters().size());
  SavedTraining t;
  t.settings.batch = 2;
  t.text_fingerprint = "x";
  t.progress.state.reset(model.shape(), 2);
  t.progress.state.h[7] = 0.5f;
  const auto bytes = save_model_file(model, kVocab, &opt, &t);
  const ModelFile f = load_model_file(bytes.data(), bytes.size());
  REQUIRE(f.training->progress.state.layers == 4);  // 2 layers × 2 directions
  REQUIRE(f.training->progress.state.h == t.progress.state.h);
}

TEST_CASE("malformed task metadata gets its own clear error", "[io][model_file][tasks]") {
  const auto classifier = save_model_file(made(CellKind::gru, TaskKind::classify, true), kVocab, nullptr, nullptr, {}, kLabels);
  const auto tagger = save_model_file(made(CellKind::lstm, TaskKind::spacing, true), kVocab);
  const auto relu = save_model_file(made(CellKind::rnn, TaskKind::lm, false, Nonlinearity::relu), kVocab);
  CHECK(load_error(edited(tagger, {{"task", "translate"}})) ==
        "model file: metadata task: unknown task 'translate' (expected lm, spacing or classify)");
  CHECK(load_error(edited(tagger, {{"bidirectional", "yes"}})) == "model file: metadata bidirectional = 'yes' is not 'true' or 'false'");
  CHECK(load_error(edited(tagger, {{"bidirectional", "false"}})) ==
        "model file: metadata says bidirectional 'false' but the file has reverse-direction weights (rnn.weight_ih_l0_reverse)");
  CHECK(load_error(edited(relu, {{"bidirectional", "true"}})) ==
        "model file: metadata says bidirectional 'true' but the file has no reverse-direction weights (rnn.weight_ih_l0_reverse)");
  CHECK(load_error(edited(tagger, {}, {"task"})) ==
        "model file: a language model cannot be bidirectional: its backward direction would read the very character it must "
        "predict; use the task spacing or classify for a bidirectional network");
  CHECK(load_error(edited(relu, {{"nonlinearity", "sigmoid"}})) ==
        "model file: metadata nonlinearity: unknown nonlinearity 'sigmoid' (expected tanh or relu)");
  CHECK_THAT(load_error(edited(tagger, {{"nonlinearity", "relu"}})), Catch::StartsWith("model file: the nonlinearity relu is for the vanilla RNN only"));
  CHECK(load_error(edited(classifier, {}, {"labels"})) ==
        "model file: metadata says task 'classify' but has no 'labels' (a JSON array of the label names in index order)");
  CHECK(load_error(edited(classifier, {{"labels", "[\"a\",\"b\"]"}})) == "model file: the metadata names 2 labels but decoder.weight has 3 rows");
  CHECK(load_error(edited(classifier, {{"labels", "[\"a\",\"a\",\"b\"]"}})) == "model file: metadata labels: the label 'a' appears twice");
  CHECK(load_error(edited(classifier, {{"labels", "ham"}})) == "model file: metadata labels: the labels are not valid JSON");
  CHECK(load_error(edited(tagger, {{"labels", "[\"a\",\"b\"]"}})) ==
        "model file: metadata has labels, but only a model of task classify has labels");
  CHECK(load_error(edited(classifier, {{"task", "spacing"}}, {"labels"})) ==
        "model file: a spacing model's decoder.weight has 2 rows (no space, space), but this one has 3");
  CHECK(load_error(edited(tagger, {}, {}, "rnn.bias_hh_l1_reverse")) == "model file: tensor 'rnn.bias_hh_l1_reverse' is missing");
}
