#include <catch2/catch.hpp>

#include "train/gradient_check.hpp"

using namespace charrnn;

TEST_CASE("the learner's gradient check passes for a correct model and fails for a broken gradient", "[train][gradcheck]") {
  for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
    Model model({cell, 6, 16, 2});
    Rng rng(1);
    model.initialize(rng);
    std::vector<std::int32_t> ids(40);
    for (auto& id : ids) id = static_cast<std::int32_t>(rng.next_u32() % 6);
    const auto good = gradient_check(model, ids, 20, 2);
    REQUIRE(good.size() == model.layout().tensors().size() * 2);
    for (const auto& e : good) {
      INFO(cell_name(cell) << " " << e.tensor << "[" << e.index << "] analytic " << e.analytic << " numeric " << e.numeric);
      REQUIRE(e.relative_error < 2e-2f);
    }
    // A backward pass that got W_hh's gradient 30% wrong is caught.
    const std::size_t at = model.layout().layer(0).W_hh, n = model.layout().tensors()[1].size;
    const auto bad = gradient_check(model, ids, 20, 2, [&](std::vector<float>& g) {
      for (std::size_t i = at; i < at + n; ++i) g[i] *= 1.3f;
    });
    for (const auto& e : bad)
      if (e.tensor == "rnn.weight_hh_l0") REQUIRE(e.relative_error > 0.2f);
  }
}

TEST_CASE("the learner's gradient check works on a batch of every task, bidirectional too", "[train][gradcheck][tasks]") {
  for (TaskKind task : {TaskKind::spacing, TaskKind::classify}) {
    ModelShape shape{CellKind::lstm, 6, 12, 2};
    shape.task = task;
    shape.bidirectional = true;
    shape.labels = 3;
    Model model(shape);
    Rng rng(4);
    model.initialize(rng);
    Batch batch;
    batch.layout = task == TaskKind::classify ? SequenceLayout::packed({9, 7, 3}) : SequenceLayout::uniform(10, 2);
    batch.inputs.resize(static_cast<std::size_t>(batch.layout.rows()));
    for (auto& id : batch.inputs) id = static_cast<std::int32_t>(rng.next_u32() % 6);
    batch.targets.resize(task == TaskKind::classify ? 3 : batch.inputs.size());
    for (auto& y : batch.targets) y = static_cast<std::int32_t>(rng.next_u32() % 2);
    const auto good = gradient_check(model, batch, 2);
    for (const auto& e : good) {
      INFO(task_name(task) << " " << e.tensor << "[" << e.index << "] analytic " << e.analytic << " numeric " << e.numeric);
      REQUIRE(e.relative_error < 2e-2f);
    }
    const std::size_t at = model.layout().layer(1, 1).W_hh, n = 4 * 12 * 12;
    const auto bad = gradient_check(model, batch, 2, [&](std::vector<float>& g) {
      for (std::size_t i = at; i < at + n; ++i) g[i] *= 1.3f;
    });
    for (const auto& e : bad)
      if (e.tensor == "rnn.weight_hh_l1_reverse") REQUIRE(e.relative_error > 0.2f);
  }
}
