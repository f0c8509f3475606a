// The session with every task: training, held-out scores, what only one task does (and the error when
// another task is asked), saving and continuing a run exactly.
#include <catch2/catch.hpp>

#include "api/session.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

using namespace charrnn;

namespace {

std::string spaced_text() {
  std::string out;
  for (int i = 0; i < 40; ++i) out += "아버지가 방에 들어가신다. the cat sat on the mat.\n";
  return out;
}

std::string labelled_text() {
  return lines_of_texts({"cat", "dog"}, {"the cat sat\na cat ran\nmy cat naps\ncats purr\nthe old cat\none cat\nthe cat ate\n",
                                         "the dog dug\na dog ran\nmy dog barks\ndogs bark\nthe old dog\none dog\nthe dog ate\n"});
}

SessionSettings settings(TaskKind task, bool bidirectional, CellKind cell = CellKind::lstm) {
  SessionSettings s;
  s.task = task, s.bidirectional = bidirectional, s.cell = cell;
  s.hidden_size = 12, s.num_layers = 2;
  s.train.seq_len = 16, s.train.batch = 4, s.train.optimizer.lr = 0.02f, s.val_frac = 0.2f;
  return s;
}

}  // namespace

TEST_CASE("a bidirectional spacing session learns where the spaces go and breaks a text down", "[api][tasks][spacing]") {
  Session session(spaced_text(), settings(TaskKind::spacing, true));
  REQUIRE(session.task() == TaskKind::spacing);
  const SliceReport slice = session.train_slice(150, 1e9);
  REQUIRE(slice.losses.size() == 150);
  REQUIRE(slice.characters == 150 * 16 * 4);
  REQUIRE(slice.tally.scored > 150 * 4 * 12);  // of 15 gaps a window scores, those next to a line break are not
  REQUIRE(slice.tally.scored < 150 * 4 * 15);
  const TaskMetrics held_out = session.validate();
  INFO("held-out F1 " << held_out.tally.f1() << ", accuracy " << held_out.tally.accuracy());
  REQUIRE(held_out.tally.f1() > 0.9);
  const SpacingBreakdown b = session.spacing_breakdown("아버지가 방에 들어가신다.");
  REQUIRE(encode_utf8(b.restored) == "아버지가 방에 들어가신다.");
  REQUIRE(b.backward_probability.size() == b.characters.size());
  // The backward direction sees the next character: it is the one that knows "가|방" is a boundary.
  REQUIRE(b.backward_probability[3] > 0.5f);
  REQUIRE(session.inspect("아버지가 방에", 2).steps == 6);  // read without its spaces
  const GradientNorms norms = session.gradient_norms();
  REQUIRE(norms.directions == 2);
  REQUIRE(norms.hidden.size() == 2u * 2 * 16);
  for (const auto& e : session.gradient_check(2)) REQUIRE(e.relative_error < 2e-2f);
  REQUIRE_THROWS_WITH(session.sample("아", SampleSettings{}), "only a language model (task lm) writes text; this model's task is spacing");
  REQUIRE_THROWS_WITH(session.probe_feed("아"), "only a language model predicts the next character; this model's task is spacing");
  REQUIRE_THROWS_WITH(session.class_trace("x"), "the class probabilities of a line needs a model of task classify; this model's task is spacing");
}

TEST_CASE("a classification session learns its labels and shows how a line's decision forms", "[api][tasks][classify]") {
  Session session(labelled_text(), settings(TaskKind::classify, true, CellKind::gru));
  REQUIRE(session.labels() == std::vector<std::string>{"cat", "dog"});
  REQUIRE(session.text_summary().validation_examples == 2);  // floor(0.2 · 7) = 1 of each label
  session.train_slice(80, 1e9);
  const TaskMetrics m = session.validate();
  REQUIRE(m.confusion.size() == 4);
  REQUIRE(m.tally.scored == 2);
  const ClassTrace trace = session.class_trace("the dog dug");
  REQUIRE(trace.steps == 11);
  REQUIRE(trace.probabilities[10 * 2 + 1] > 0.5f);  // after the whole line: dog
  const ClassifiedLines lines = session.classified_lines(10);
  REQUIRE(lines.texts.size() == 2);
  REQUIRE(lines.line_numbers == std::vector<int>{7, 14});
  REQUIRE(lines.probabilities.size() == 4);
  REQUIRE(session.gradient_norms().steps > 0);
  REQUIRE_THROWS_WITH(session.spacing_breakdown("x"), "the spacing breakdown needs a model of task spacing; this model's task is classify");
}

TEST_CASE("every task resumes from its file exactly where it stopped", "[api][tasks][resume]") {
  struct Case {
    TaskKind task;
    bool bidirectional;
    std::string text;
  };
  for (const Case& c : {Case{TaskKind::spacing, true, spaced_text()}, Case{TaskKind::classify, true, labelled_text()},
                        Case{TaskKind::classify, false, labelled_text()}}) {
    INFO(task_name(c.task) << (c.bidirectional ? " bidirectional" : ""));
    SessionSettings s = settings(c.task, c.bidirectional);
    s.train.dropout = 0.1f;
    Session whole(c.text, s);
    whole.train_slice(23, 1e9);  // crosses a classification epoch: 12 lines in batches of 4
    Session half(c.text, s);
    half.train_slice(11, 1e9);
    const auto bytes = half.save(true);
    Session resumed(bytes.data(), bytes.size(), c.text, s.train, s.val_frac, true);
    REQUIRE(resumed.resumed_exactly());
    REQUIRE(resumed.task() == c.task);
    resumed.train_slice(12, 1e9);
    REQUIRE(resumed.model().parameters() == whole.model().parameters());
  }
}

TEST_CASE("sessions refuse task settings that make no sense, saying why", "[api][tasks]") {
  SessionSettings lm = settings(TaskKind::lm, true);
  REQUIRE_THROWS_WITH(Session(spaced_text(), lm), Catch::StartsWith("a language model cannot be bidirectional"));
  SessionSettings relu = settings(TaskKind::spacing, true, CellKind::lstm);
  relu.nonlinearity = Nonlinearity::relu;
  REQUIRE_THROWS_WITH(Session(spaced_text(), relu), Catch::StartsWith("the nonlinearity relu is for the vanilla RNN only"));
  REQUIRE_THROWS_WITH(Session("no tab here\n", settings(TaskKind::classify, false)), Catch::StartsWith("line 1 has no tab"));
  SessionSettings long_window = settings(TaskKind::spacing, false);
  long_window.train.seq_len = 1024, long_window.train.batch = 64;
  REQUIRE_THROWS_WITH(Session(spaced_text(), long_window), Catch::StartsWith("the text is too short to train on"));
}
