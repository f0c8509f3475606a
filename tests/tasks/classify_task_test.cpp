// Line classification as a task: the held-out split per label, shuffled packed batches that resume
// exactly, the confusion matrix, and the class probabilities as a line is read.
#include <catch2/catch.hpp>
#include <cmath>
#include <set>

#include "tasks/classify/class_trace.hpp"
#include "tasks/classify/classify_task.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string labelled_text() {
  std::string out;
  const char* cats[] = {"the cat sat", "a cat ran off", "my cat sleeps all day long", "cats", "the old cat purrs", "cat!",
                        "one more cat"};
  const char* dogs[] = {"the dog barked", "dogs run", "a dog dug a hole in the yard", "good dog", "the dog", "dog days",
                        "no dog here"};
  for (int i = 0; i < 7; ++i) out += std::string("cat\t") + cats[i] + "\n" + "dog\t" + dogs[i] + "\n";
  return out;
}

Model classifier(const Task& task, bool bidirectional, CellKind cell = CellKind::gru) {
  Model model(task.shape(cell, 5, 2, bidirectional, Nonlinearity::tanh));
  Rng rng(9);
  model.initialize(rng);
  return model;
}

}  // namespace

TEST_CASE("the last lines of every label are held out", "[tasks][classify]") {
  const ClassifyTask task(labelled_text(), 0.3f, nullptr, nullptr);
  REQUIRE(task.labels() == std::vector<std::string>{"cat", "dog"});
  const TaskTextSummary s = task.summary();
  REQUIRE(s.train_examples == 10);  // 7 per label, floor(0.3 · 7) = 2 held out of each
  REQUIRE(s.validation_examples == 4);
  std::vector<int> lines;
  for (const EncodedLine& l : task.validation_lines()) lines.push_back(l.line_number);
  REQUIRE(lines == std::vector<int>{11, 12, 13, 14});
}

TEST_CASE("classification batches: shuffled lines packed longest first, every epoch anew, resumable", "[tasks][classify]") {
  const ClassifyTask task(labelled_text(), 0.f, nullptr, nullptr);
  auto batches = task.batches(64, 4, 7);
  REQUIRE_FALSE(batches->carries_state());
  REQUIRE(batches->max_steps() == 28);  // the longest line
  std::vector<Batch> first_epoch;
  std::multiset<int> labels;
  for (int i = 0; i < 3; ++i) {  // 14 lines, 4 a batch: 3 batches, then a new epoch
    Batch b;
    REQUIRE(batches->next(b) == (i == 0));
    for (int k = 1; k < b.layout.batch(); ++k) REQUIRE(b.layout.length(k) <= b.layout.length(k - 1));
    for (auto y : b.targets) labels.insert(y);
    first_epoch.push_back(b);
  }
  REQUIRE(labels.size() == 12);
  Batch next_epoch;
  REQUIRE(batches->next(next_epoch));
  REQUIRE(batches->epoch() == 1);
  // A fresh source restored to the same place gives the same batch.
  auto again = task.batches(64, 4, 7);
  again->restore(batches->position() - 4, 1);
  Batch same;
  again->next(same);
  REQUIRE(same.inputs == next_epoch.inputs);
  REQUIRE(same.targets == next_epoch.targets);
  REQUIRE(next_epoch.inputs != first_epoch[0].inputs);
  REQUIRE_THROWS_WITH(again->restore(99, 0), "the saved position in the text does not fit this text");
}

TEST_CASE("the held-out score counts every line in the confusion matrix", "[tasks][classify]") {
  const ClassifyTask task(labelled_text(), 0.3f, nullptr, nullptr);
  const Model model = classifier(task, true);
  const TaskMetrics m = task.evaluate(model, 1000, 0, false);
  REQUIRE(m.classes == 2);
  REQUIRE(m.confusion.size() == 4);
  REQUIRE(m.confusion[0] + m.confusion[1] == 2);  // 2 cat lines held out, whatever they were called
  REQUIRE(m.confusion[2] + m.confusion[3] == 2);
  REQUIRE(m.tally.correct == m.confusion[0] + m.confusion[3]);
  REQUIRE(m.loss > 0);
}

TEST_CASE("the class probabilities after each character are the classifier's on that prefix", "[tasks][classify]") {
  const ClassifyTask task(labelled_text(), 0.f, nullptr, nullptr);
  const std::vector<std::int32_t> line = task.encode_input("a dog dug a hole");
  for (bool bidirectional : {false, true})
    for (CellKind cell : {CellKind::rnn, CellKind::lstm, CellKind::gru}) {
      INFO(cell_name(cell) << (bidirectional ? " bidirectional" : " forward only"));
      const Model model = classifier(task, bidirectional, cell);
      const ClassTrace trace = class_trace(model, line);
      REQUIRE(trace.steps == static_cast<int>(line.size()));
      for (std::size_t t = 0; t < line.size(); ++t) {
        const EncodedLine prefix{0, std::vector<std::int32_t>(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(t + 1)), 1};
        const std::vector<float> p = classify_lines(model, {prefix});
        for (int c = 0; c < 2; ++c) REQUIRE(trace.probabilities[t * 2 + c] == Approx(p[c]).margin(1e-6));
      }
    }
  const Model bi = classifier(task, true);
  REQUIRE_THROWS_WITH(class_trace(bi, std::vector<std::int32_t>(300, 1)), Catch::Contains("can be traced over at most 256"));
}
