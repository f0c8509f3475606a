// The model file: bit-exact round trips, a file a PyTorch user would write by hand, and one clear
// error for each way a file can be malformed or hostile.
#include <catch2/catch.hpp>
#include <cstring>

#include "io/model_file.hpp"
#include "io/safetensors.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::vector<std::uint8_t> file_of(const std::string& header, std::size_t buffer_bytes, std::uint64_t declared = UINT64_MAX) {
  const std::uint64_t n = declared == UINT64_MAX ? header.size() : declared;
  std::vector<std::uint8_t> out(8);
  for (int i = 0; i < 8; ++i) out[i] = static_cast<std::uint8_t>(n >> (8 * i));
  out.insert(out.end(), header.begin(), header.end());
  out.resize(out.size() + buffer_bytes, 0);
  return out;
}

std::string load_error(const std::vector<std::uint8_t>& bytes) {
  try {
    load_model_file(bytes.data(), bytes.size());
  } catch (const Error& e) {
    return e.what();
  }
  return "loaded";
}

// A 1-layer RNN with V = 2 ("ab"), H = 1, written the way a PyTorch user would by hand: only the
// vocab in the metadata, tensors in state_dict order. 6 tensors of 2,1,1,1,2,2 floats = 36 bytes.
const char* kHandWritten =
    R"({"__metadata__":{"vocab":"[\"a\",\"b\"]"},)"
    R"("rnn.weight_ih_l0":{"dtype":"F32","shape":[1,2],"data_offsets":[0,8]},)"
    R"("rnn.weight_hh_l0":{"dtype":"F32","shape":[1,1],"data_offsets":[8,12]},)"
    R"("rnn.bias_ih_l0":{"dtype":"F32","shape":[1],"data_offsets":[12,16]},)"
    R"("rnn.bias_hh_l0":{"dtype":"F32","shape":[1],"data_offsets":[16,20]},)"
    R"("decoder.weight":{"dtype":"F32","shape":[2,1],"data_offsets":[20,28]},)"
    R"("decoder.bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]}})";

std::string hand_written_with(const std::string& from, const std::string& to) {
  std::string h = kHandWritten;
  const auto at = h.find(from);
  REQUIRE(at != std::string::npos);
  return h.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("save then load is bit-exact, with and without optimizer state", "[io][model_file]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    const Vocab vocab(std::vector<char32_t>{U'a', U'\n', U'한', U'🙂'});
    Model model({cell, vocab.size(), 5, 2});
    Rng rng(1);
    model.initialize(rng);
    OptimizerSettings os;
    Optimizer opt(os, model.parameters().size());
    std::vector<float> grads(model.parameters().size(), 0.25f);
    opt.step(model.mutable_parameters(), grads);

    const auto bytes = save_model_file(model, vocab, &opt, nullptr, {{"note", "kept"}});
    REQUIRE((bytes[0] | bytes[1] << 8) % 8 == 0);  // header padded: the buffer starts 8-byte aligned
    const ModelFile f = load_model_file(bytes.data(), bytes.size());
    REQUIRE(f.model->shape().cell == cell);
    REQUIRE(f.model->shape().num_layers == 2);
    REQUIRE(f.vocab.characters() == vocab.characters());
    REQUIRE(std::memcmp(f.model->parameters().data(), model.parameters().data(), model.parameters().size() * 4) == 0);
    REQUIRE(f.optimizer.has_value());
    REQUIRE(f.optimizer->steps == 1);
    REQUIRE(f.optimizer->slots.size() == 2);
    REQUIRE(f.optimizer->slots[1].values == opt.slots()[1].values);
    REQUIRE(f.metadata.at("note") == "kept");
    REQUIRE(f.metadata.at("format") == "charrnn");

    const auto plain = save_model_file(model, vocab);
    REQUIRE_FALSE(load_model_file(plain.data(), plain.size()).optimizer.has_value());
  }
}

TEST_CASE("a file with PyTorch's names and shapes and only a vocab in its metadata loads", "[io][model_file]") {
  auto bytes = file_of(kHandWritten, 36);
  const float values[9] = {0.5f, -0.5f, 0.25f, 0.f, 0.1f, 1.f, -1.f, 0.f, 0.f};
  std::memcpy(bytes.data() + 8 + std::strlen(kHandWritten), values, 36);  // this test runs on little-endian hosts
  const ModelFile f = load_model_file(bytes.data(), bytes.size());
  REQUIRE(f.model->shape().cell == CellKind::rnn);  // from the shapes: G = 1
  REQUIRE(f.model->shape().hidden_size == 1);
  REQUIRE(f.model->parameters()[f.model->layout().decoder_weight()] == 1.f);
  REQUIRE(f.vocab.character(1) == U'b');
}

TEST_CASE("every malformed file gets its own clear error", "[io][model_file]") {
  const std::size_t n = std::strlen(kHandWritten);
  CHECK(load_error({1, 2, 3}) == "model file: too short to be a safetensors file (3 bytes)");
  CHECK(load_error(file_of(kHandWritten, 20)) ==
        "model file: tensor 'decoder.bias' has data_offsets [28, 36] beyond the data (20 bytes; is the file truncated?)");
  CHECK(load_error(file_of("PK\x03\x04", 0)) == "model file: the header does not start with a JSON object (not a safetensors file?)");
  CHECK(load_error(file_of(kHandWritten, 36, n + 100)) ==
        "model file: header length " + std::to_string(n + 100) + " runs past the end of the file (" + std::to_string(8 + n + 36) + " bytes; truncated?)");
  CHECK_THAT(load_error(file_of(kHandWritten, 36, 1ull << 62)), Catch::Contains("larger than the 100 MB limit"));
  CHECK(load_error(file_of("{\"a\": [1, 2", 0)) == "model file: the header is not valid JSON");
  CHECK(load_error(file_of("[1]", 0)) == "model file: the header does not start with a JSON object (not a safetensors file?)");
  CHECK(load_error(file_of(hand_written_with(R"("decoder.bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]})",
                                             R"("decoder.bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]},"decoder.bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]})"), 36)) ==
        "model file: tensor 'decoder.bias' appears twice in the header");
  CHECK(load_error(file_of(hand_written_with(R"("decoder.bias":{"dtype":"F32","shape":[2],"data_offsets":[28,36]})",
                                             R"("decoder.bias2":{"dtype":"F32","shape":[2],"data_offsets":[28,36]})"), 36)) ==
        "model file: tensor 'decoder.bias' is missing");
  CHECK(load_error(file_of(hand_written_with(R"("shape":[1,2],"data_offsets":[0,8])", R"("shape":[2,1],"data_offsets":[0,8])"), 36)) ==
        "model file: tensor 'rnn.weight_ih_l0' has shape [2, 1] but this model needs [1, 2]");
  CHECK(load_error(file_of(hand_written_with(R"("dtype":"F32","shape":[2],"data_offsets":[28,36])", R"("dtype":"F64","shape":[1],"data_offsets":[28,36])"), 36)) ==
        "model file: tensor 'decoder.bias' has dtype F64; only F32 is read (call .float() before saving)");
  CHECK(load_error(file_of(hand_written_with(R"("dtype":"F32","shape":[2],"data_offsets":[28,36])", R"("dtype":"Q4","shape":[2],"data_offsets":[28,36])"), 36)) ==
        "model file: tensor 'decoder.bias' has unknown dtype 'Q4'");
  CHECK(load_error(file_of(hand_written_with("[28,36]", "[24,32]"), 36)) == "model file: tensor 'decoder.bias' overlaps the data of another tensor");
  CHECK(load_error(file_of(hand_written_with("[28,36]", "[32,40]"), 40)) == "model file: the data has a hole of 4 bytes before tensor 'decoder.bias'");
  CHECK(load_error(file_of(kHandWritten, 44)) == "model file: the data has 8 bytes after the last tensor that no tensor uses");
  CHECK(load_error(file_of(hand_written_with("[28,36]", "[36,28]"), 36)) == "model file: tensor 'decoder.bias' has data_offsets that end before they begin");
  CHECK(load_error(file_of(hand_written_with("\"shape\":[2],", "\"shape\":[-2],"), 36)) ==
        "model file: tensor 'decoder.bias' has a shape entry that is not a non-negative integer");
  CHECK(load_error(file_of(hand_written_with("\"shape\":[2],", "\"shape\":[4000000000000,4000000000000],"), 36)) ==
        "model file: tensor 'decoder.bias' declares an impossibly large shape");
  CHECK(load_error(file_of(hand_written_with(R"({"vocab":"[\"a\",\"b\"]"})", R"({"vocab":"[\"a\",\"b\""})"), 36)) ==
        "model file: metadata vocab: the vocabulary is not valid JSON");
  CHECK(load_error(file_of(hand_written_with(R"({"vocab":"[\"a\",\"b\"]"})", R"({"vocab":"[\"a\",\"b\",\"c\"]"})"), 36)) ==
        "model file: the vocabulary has 3 characters but decoder.weight has 2 rows");
  CHECK(load_error(file_of(hand_written_with(R"({"vocab":"[\"a\",\"b\"]"})", R"({"cell":"lstm","vocab":"[\"a\",\"b\"]"})"), 36)) ==
        "model file: metadata says cell 'lstm' but the weights have the shape of a rnn");
  CHECK(load_error(file_of(hand_written_with(R"({"vocab":"[\"a\",\"b\"]"})", R"({"other":"x"})"), 36)) ==
        "model file: metadata has no 'vocab' (a JSON array of the model's characters in index order)");
  CHECK(load_error(file_of(hand_written_with(R"({"vocab":"[\"a\",\"b\"]"})", R"({"vocab":["a","b"]})"), 36)) ==
        "model file: metadata value 'vocab' is not a string");
  CHECK(load_error(file_of(hand_written_with(R"("decoder.bias")", R"("extra.weight":{"dtype":"F32","shape":[0],"data_offsets":[36,36]},"decoder.bias")"), 36)) ==
        "model file: unexpected tensor 'extra.weight' (not part of a rnn with 1 layer(s))");
  CHECK(load_error(file_of(hand_written_with("\"data_offsets\":[28,36]", "\"data_offsets\":[28]"), 36)) ==
        "model file: tensor 'decoder.bias' needs data_offsets [begin, end] of non-negative integers");

  auto nan_file = file_of(kHandWritten, 36);
  const float nan = std::nanf("");
  std::memcpy(nan_file.data() + 8 + n, &nan, 4);
  CHECK(load_error(nan_file) == "model file: tensor 'rnn.weight_ih_l0' holds a value that is not a finite number");
}

TEST_CASE("any truncation of a valid file is an error, never a crash", "[io][model_file]") {
  const Vocab vocab(std::vector<char32_t>{U'x', U'y'});
  Model model({CellKind::gru, 2, 3, 1});
  const auto bytes = save_model_file(model, vocab);
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    INFO("length " << len);
    REQUIRE_THROWS_AS(load_model_file(bytes.data(), len), Error);
  }
}
