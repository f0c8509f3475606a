#include <catch2/catch.hpp>

#include "nn/network.hpp"
#include "support/reference_model.hpp"
#include "util/error.hpp"

using namespace charrnn;

TEST_CASE("forward matches the reference model at a realistic size, state carried across windows", "[nn]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    const int V = 23, H = 37, T = 9, B = 5, L = 2;  // sizes off every SIMD tile
    ModelShape shape{cell, V, H, L};
    Model model(shape);
    Rng rng(11);
    model.initialize(rng);
    Network net(shape, T, B);
    RecurrentState state;
    state.reset(shape, B);
    testing::ReferenceState ref{std::vector<double>(state.h.size()), std::vector<double>(state.c.size())};
    std::vector<double> p(model.parameters().begin(), model.parameters().end());
    for (int window = 0; window < 2; ++window) {
      std::vector<std::int32_t> in(T * B), tg(T * B);
      for (auto& x : in) x = static_cast<std::int32_t>(rng.next_u32() % V);
      for (auto& x : tg) x = static_cast<std::int32_t>(rng.next_u32() % V);
      const double expected = testing::reference_loss(model.layout(), p, T, B, in, tg, ref);
      REQUIRE(net.forward(model, T, in.data(), tg.data(), state) == Approx(expected).epsilon(1e-5));
      ref.h.assign(state.h.begin(), state.h.end());  // carry the (checked) state into the next window
      ref.c.assign(state.c.begin(), state.c.end());
    }
  }
}

TEST_CASE("model shapes outside the limits are rejected with their range", "[nn]") {
  REQUIRE_THROWS_WITH(Model(ModelShape{CellKind::lstm, 10, 0, 1}), "hidden size is 0; it must be between 1 and 1024");
  REQUIRE_THROWS_WITH(Model(ModelShape{CellKind::lstm, 10, 2000, 1}), "hidden size is 2000; it must be between 1 and 1024");
  REQUIRE_THROWS_WITH(Model(ModelShape{CellKind::gru, 10, 8, 5}), "number of layers is 5; it must be between 1 and 4");
  REQUIRE_THROWS_WITH(Model(ModelShape{CellKind::rnn, 0, 8, 1}), "vocabulary size is 0; it must be between 1 and 65536");
  REQUIRE_THROWS_WITH(parse_cell("transformer"), "unknown cell 'transformer' (expected rnn, lstm or gru)");
}

TEST_CASE("task, direction and nonlinearity combinations that make no sense are refused", "[nn]") {
  ModelShape lm{CellKind::lstm, 10, 8, 1};
  lm.bidirectional = true;
  REQUIRE_THROWS_WITH(Model(lm), Catch::StartsWith("a language model cannot be bidirectional: its backward direction "
                                                   "would read the very character it must predict"));
  ModelShape relu_lstm{CellKind::lstm, 10, 8, 1};
  relu_lstm.nonlinearity = Nonlinearity::relu;
  REQUIRE_THROWS_WITH(Model(relu_lstm), Catch::StartsWith("the nonlinearity relu is for the vanilla RNN only"));
  ModelShape classify{CellKind::gru, 10, 8, 1};
  classify.task = TaskKind::classify;
  classify.labels = 1;
  REQUIRE_THROWS_WITH(Model(classify), "number of labels is 1; it must be between 2 and 32");
  classify.labels = 33;
  REQUIRE_THROWS_WITH(Model(classify), "number of labels is 33; it must be between 2 and 32");
  REQUIRE_THROWS_WITH(parse_task("translate"), "unknown task 'translate' (expected lm, spacing or classify)");
  REQUIRE_THROWS_WITH(parse_nonlinearity("gelu"), "unknown nonlinearity 'gelu' (expected tanh or relu)");
}

TEST_CASE("a bidirectional model has PyTorch's tensor names, shapes and order", "[nn]") {
  ModelShape shape{CellKind::gru, 6, 4, 2};
  shape.bidirectional = true;
  shape.task = TaskKind::spacing;
  const ParameterLayout layout(shape);
  std::vector<std::string> names;
  for (const TensorInfo& t : layout.tensors()) names.push_back(t.name);
  REQUIRE(names == std::vector<std::string>{
                       "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                       "rnn.weight_ih_l0_reverse", "rnn.weight_hh_l0_reverse", "rnn.bias_ih_l0_reverse", "rnn.bias_hh_l0_reverse",
                       "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
                       "rnn.weight_ih_l1_reverse", "rnn.weight_hh_l1_reverse", "rnn.bias_ih_l1_reverse", "rnn.bias_hh_l1_reverse",
                       "decoder.weight", "decoder.bias"});
  REQUIRE(layout.tensors()[8].shape == std::vector<int>{12, 8});  // layer 1 reads [forward, backward]: 2H
  REQUIRE(layout.tensors()[16].shape == std::vector<int>{2, 8});  // spacing: 2 classes from 2H
}

TEST_CASE("initialization follows PyTorch: uniform within 1/sqrt(H), optional forget bias 1", "[nn]") {
  ModelShape shape{CellKind::lstm, 10, 16, 2};
  Model model(shape);
  Rng rng(3);
  model.initialize(rng, true);
  const float bound = 0.25f;
  float lo = 1, hi = -1;
  for (const TensorInfo& t : model.layout().tensors()) {
    const bool is_bias_ih = t.name.rfind("rnn.bias_ih", 0) == 0, is_bias_hh = t.name.rfind("rnn.bias_hh", 0) == 0;
    for (std::size_t k = 0; k < t.size; ++k) {
      const float x = model.parameters()[t.offset + k];
      const bool forget = (is_bias_ih || is_bias_hh) && k >= 16 && k < 32;
      if (forget) {
        REQUIRE(x == (is_bias_ih ? 1.f : 0.f));
      } else {
        REQUIRE(std::abs(x) <= bound);
        lo = std::min(lo, x), hi = std::max(hi, x);
      }
    }
  }
  REQUIRE(lo < -0.24f);  // the whole range is used
  REQUIRE(hi > 0.24f);
}
