// Sequences of different lengths in one batch are packed, never padded (nn/sequence_layout.hpp): a
// line's loss and its share of the gradient are the same whether its neighbours are short or long, and
// the same as for the line alone. Plus: bidirectional and packed batches at sizes off every SIMD tile
// against the independent reference.
#include <catch2/catch.hpp>
#include <cmath>

#include "nn/network.hpp"
#include "nn/softmax.hpp"
#include "support/packed_batch.hpp"
#include "support/reference_sequences.hpp"
#include "util/error.hpp"

using namespace charrnn;
using namespace charrnn::testing;

namespace {

ReferenceSequence line(Rng& rng, int length, int V, int label) {
  ReferenceSequence s;
  for (int t = 0; t < length; ++t) s.ids.push_back(static_cast<std::int32_t>(rng.next_u32() % V));
  s.targets = {label};
  return s;
}

struct Run {
  double loss = 0;
  std::vector<float> logits;  // (B, C)
  std::vector<float> grads;
};

Run run(const Model& model, const std::vector<ReferenceSequence>& batch) {
  const PackedBatch p = pack(batch, TaskKind::classify);
  Network net(model.shape(), p.layout.steps(), p.layout.batch());
  Run r;
  net.forward(model, p.layout, p.inputs.data(), nullptr, nullptr);
  r.logits = net.outputs();
  r.loss = net.forward(model, p.layout, p.inputs.data(), p.targets.data(), nullptr);
  r.grads.assign(model.parameters().size(), 0.f);
  net.backward(model, r.grads);
  return r;
}

}  // namespace

TEST_CASE("a line's loss and gradient do not depend on its neighbours' lengths", "[nn][packing][classify]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    SECTION(cell_name(cell)) {
      const int V = 7, H = 9, C = 3;
      ModelShape shape{cell, V, H, 2};
      shape.bidirectional = true;
      shape.task = TaskKind::classify;
      shape.labels = C;
      Model model(shape);
      Rng rng(5);
      model.initialize(rng);
      const ReferenceSequence x = line(rng, 6, V, 1), shorter = line(rng, 2, V, 0), longer = line(rng, 23, V, 2);
      const Run alone = run(model, {x}), with_short = run(model, {x, shorter}), with_long = run(model, {longer, x});
      const Run short_alone = run(model, {shorter}), long_alone = run(model, {longer});
      // The line's logits: exactly what the line alone gives, in either batch.
      for (int c = 0; c < C; ++c) {
        REQUIRE(with_short.logits[c] == Approx(alone.logits[c]).epsilon(1e-6));
        REQUIRE(with_long.logits[C + c] == Approx(alone.logits[c]).epsilon(1e-6));
      }
      // The batch loss and gradient are the mean of the lines' own.
      REQUIRE(with_short.loss == Approx((alone.loss + short_alone.loss) / 2).epsilon(1e-6));
      REQUIRE(with_long.loss == Approx((alone.loss + long_alone.loss) / 2).epsilon(1e-6));
      for (std::size_t i = 0; i < alone.grads.size(); ++i) {
        INFO("parameter " << i);
        REQUIRE(with_short.grads[i] == Approx((alone.grads[i] + short_alone.grads[i]) / 2).margin(1e-6).epsilon(1e-5));
        REQUIRE(with_long.grads[i] == Approx((alone.grads[i] + long_alone.grads[i]) / 2).margin(1e-6).epsilon(1e-5));
      }
    }
  }
}

TEST_CASE("bidirectional and packed batches at sizes off every SIMD tile match the reference", "[nn][packing]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru})
    for (TaskKind task : {TaskKind::spacing, TaskKind::classify}) {
      const int V = 23, H = 37;
      ModelShape shape{cell, V, H, 2};
      shape.bidirectional = true;
      shape.task = task;
      shape.labels = 5;
      Model model(shape);
      Rng rng(11);
      model.initialize(rng);
      std::vector<ReferenceSequence> batch;
      for (int len : {13, 13, 9, 5, 5, 1}) {
        ReferenceSequence s = line(rng, len, V, static_cast<int>(rng.next_u32() % 5));
        if (task == TaskKind::spacing) {
          s.targets.clear();
          for (int t = 0; t < len; ++t) s.targets.push_back(static_cast<std::int32_t>(rng.next_u32() % 2));
        }
        batch.push_back(s);
      }
      const PackedBatch p = pack(batch, task);
      Network net(shape, p.layout.steps(), p.layout.batch());
      std::vector<double> params(model.parameters().begin(), model.parameters().end());
      INFO(cell_name(cell) << " " << task_name(task));
      REQUIRE(net.forward(model, p.layout, p.inputs.data(), p.targets.data(), nullptr) ==
              Approx(reference_batch_loss(model.layout(), params, batch)).epsilon(1e-5));
    }
}

TEST_CASE("a packed batch must be sorted by decreasing length", "[nn][packing]") {
  REQUIRE_THROWS_WITH(SequenceLayout::packed({3, 5}), "sequences must be sorted by decreasing length");
  REQUIRE_THROWS_WITH(SequenceLayout::packed({3, 0}), "sequences must be sorted by decreasing length");
  REQUIRE_THROWS_WITH(SequenceLayout::packed({}), "a batch needs at least one sequence");
  const SequenceLayout s = SequenceLayout::packed({3, 2, 2});
  REQUIRE(s.rows() == 7);
  REQUIRE(s.rows_at(2) == 1);
  REQUIRE_FALSE(s.is_uniform());
  for (int n = 0; n < s.rows(); ++n) REQUIRE(s.reversed_row(s.reversed_row(n)) == n);
  REQUIRE(s.reversed_row(s.row(0, 1)) == s.row(1, 1));  // sequence 1 (length 2): its first step is the backward's last
}
