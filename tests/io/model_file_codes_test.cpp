// A model file the core refuses, and a setting out of its range, come with a code and the values its
// sentence names (util/error.hpp), so the page can say them in the learner's language. The English
// text stays what it was (model_file_test.cpp, the CLI tests); this file checks the codes.
#include <catch2/catch.hpp>
#include <cstring>

#include "io/model_file.hpp"
#include "nn/model.hpp"
#include "train/trainer.hpp"
#include "support/refusal.hpp"
#include "util/error.hpp"

using namespace charrnn;
using charrnn::testing::Refusal;
using charrnn::testing::refusal_of;

namespace {

Refusal load_refusal(const std::vector<std::uint8_t>& bytes) {
  return refusal_of([&] { load_model_file(bytes.data(), bytes.size()); });
}

std::vector<std::uint8_t> file_of(const std::string& header, std::size_t buffer_bytes) {
  std::vector<std::uint8_t> out(8 + header.size() + buffer_bytes, 0);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(std::uint64_t(header.size()) >> (8 * i));
  std::memcpy(out.data() + 8, header.data(), header.size());
  return out;
}

// A small real file: a 1-layer GRU over "ab", with Adam's state.
std::vector<std::uint8_t> real_file() {
  const Vocab vocab(std::vector<char32_t>{U'a', U'b'});
  Model model({CellKind::gru, vocab.size(), 3, 1});
  Rng rng(7);
  model.initialize(rng);
  const Optimizer opt(OptimizerSettings{}, model.parameters().size());
  return save_model_file(model, vocab, &opt);
}

// The same file with one metadata value changed in its header (same length, so the offsets still hold).
std::vector<std::uint8_t> with_header_edit(std::vector<std::uint8_t> bytes, const std::string& from, const std::string& to) {
  REQUIRE(from.size() == to.size());
  std::string header(bytes.begin() + 8, bytes.begin() + 8 + 4096);
  const auto at = header.find(from);
  REQUIRE(at != std::string::npos);
  std::memcpy(bytes.data() + 8 + at, to.data(), to.size());
  return bytes;
}

}  // namespace

TEST_CASE("a malformed container is refused with a file code and its values", "[io][codes]") {
  const Refusal short_file = load_refusal({1, 2, 3});
  CHECK(short_file.code == "file.tooShort");
  CHECK(short_file.params == Error::Params{{"bytes", "3"}});
  CHECK(short_file.message == "model file: too short to be a safetensors file (3 bytes)");

  const std::string text = "hello, not a model";
  const Refusal not_a_model = load_refusal({text.begin(), text.end()});
  CHECK(not_a_model.code == "file.headerTooLong");
  CHECK(not_a_model.params.at(1) == std::make_pair(std::string("limit"), std::string("100")));

  CHECK(load_refusal(file_of("PK\x03\x04", 0)).code == "file.notSafetensors");
  CHECK(load_refusal(file_of("{\"a\": [1, 2", 0)).code == "file.headerNotJson");
  const Refusal q4 = load_refusal(file_of(R"({"w":{"dtype":"Q4","shape":[1],"data_offsets":[0,1]}})", 1));
  CHECK(q4.code == "file.unknownDtype");
  CHECK(q4.params == Error::Params{{"name", "w"}, {"dtype", "Q4"}});
}

TEST_CASE("a file whose tensors do not fit its model names the tensor and the shapes", "[io][codes]") {
  const auto good = real_file();
  REQUIRE_NOTHROW(load_model_file(good.data(), good.size()));

  const Refusal wrong_cell = load_refusal(with_header_edit(good, R"("cell":"gru")", R"("cell":"rnn")"));
  CHECK(wrong_cell.code == "file.metadataDisagrees");
  CHECK(wrong_cell.params == Error::Params{{"key", "cell"}, {"value", "rnn"}, {"actual", "gru"}});

  const Refusal unknown_cell = load_refusal(with_header_edit(good, R"("cell":"gru")", R"("cell":"grx")"));
  CHECK(unknown_cell.code == "settings.unknownChoice");
  CHECK(unknown_cell.params == Error::Params{{"setting", "cell"}, {"value", "grx"}, {"expected", "rnn, lstm, gru"}});
  CHECK(unknown_cell.message == "model file: metadata cell: unknown cell 'grx' (expected rnn, lstm or gru)");

  const Refusal renamed = load_refusal(with_header_edit(good, R"("decoder.bias")", R"("decoder.bian")"));
  CHECK(renamed.code == "file.tensorMissing");
  CHECK(renamed.params == Error::Params{{"name", "decoder.bias"}});

  // The first [9,3] in the header (its keys are sorted) is the optimizer's copy of rnn.weight_hh_l0.
  const Refusal reshaped = load_refusal(with_header_edit(good, R"("shape":[9,3])", R"("shape":[3,9])"));
  CHECK(reshaped.code == "file.shapeMismatch");
  REQUIRE(reshaped.params.size() == 3);
  CHECK_THAT(reshaped.params[0].second, Catch::EndsWith(".rnn.weight_hh_l0"));
  CHECK(reshaped.params[1] == std::make_pair(std::string("expected"), std::string("[9, 3]")));
  CHECK(reshaped.params[2] == std::make_pair(std::string("actual"), std::string("[3, 9]")));

  const Refusal bad_rate = load_refusal(with_header_edit(good, R"("optim_lr":"0.00)", R"("optim_lr":"-0.0)"));
  CHECK(bad_rate.code == "settings.aboveZeroAtMost");
  CHECK(bad_rate.params.at(0) == std::make_pair(std::string("setting"), std::string("learningRate")));
}

TEST_CASE("every refusal of a cut or damaged real file has a code", "[io][codes]") {
  const auto good = real_file();
  for (std::size_t size = 0; size < good.size(); size += 3) {
    const Refusal r = load_refusal({good.begin(), good.begin() + static_cast<std::ptrdiff_t>(size)});
    INFO("cut to " << size << " bytes: " << r.message);
    CHECK_FALSE(r.code.empty());
  }
  for (std::size_t at = 8; at < 8 + 600 && at < good.size(); ++at) {  // each byte of the header in turn
    auto damaged = good;
    damaged[at] = damaged[at] == '9' ? '[' : '9';
    try {
      load_model_file(damaged.data(), damaged.size());
    } catch (const Error& e) {
      INFO("byte " << at << ": " << e.what());
      CHECK_FALSE(e.code().empty());
    }
  }
}

TEST_CASE("a setting out of its range names the setting, its value and its range", "[nn][codes]") {
  const Refusal hidden = refusal_of([] { Model(ModelShape{CellKind::lstm, 10, 2000, 1}); });
  CHECK(hidden.code == "settings.outOfRange");
  CHECK(hidden.params == Error::Params{{"setting", "hiddenSize"}, {"value", "2000"}, {"min", "1"}, {"max", "1024"}});
  CHECK(hidden.message == "hidden size is 2000; it must be between 1 and 1024");

  CHECK(refusal_of([] { Model(ModelShape{CellKind::gru, 10, 8, 5}); }).params.at(0).second == "numLayers");

  TrainSettings s;
  s.seq_len = 5000;
  const Refusal seq = refusal_of([&] { s.validate(ModelShape{CellKind::lstm, 10, 8, 1}); });
  CHECK(seq.code == "settings.outOfRange");
  CHECK(seq.params.at(0).second == "seqLen");

  s = TrainSettings{};
  s.optimizer.lr = 20.f;
  const Refusal lr = refusal_of([&] { s.validate(ModelShape{CellKind::lstm, 10, 8, 1}); });
  CHECK(lr.code == "settings.aboveZeroAtMost");
  CHECK(lr.params == Error::Params{{"setting", "learningRate"}, {"max", "10"}, {"value", "20"}});

  s = TrainSettings{};
  s.dropout = 0.95f;
  const Refusal dropout = refusal_of([&] { s.validate(ModelShape{CellKind::lstm, 10, 8, 1}); });
  CHECK(dropout.code == "settings.between");
  CHECK(dropout.params == Error::Params{{"setting", "dropout"}, {"min", "0"}, {"max", "0.9"}});
  CHECK(dropout.message == "dropout must be between 0 and 0.9");

  ModelShape relu{CellKind::lstm, 10, 8, 1};
  relu.nonlinearity = Nonlinearity::relu;
  const Refusal gated = refusal_of([&] { relu.validate(); });
  CHECK(gated.code == "settings.reluNeedsRnn");
  CHECK(gated.params == Error::Params{{"cell", "LSTM"}});
}
