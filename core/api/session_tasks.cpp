// What the session does for one task only: the spacing breakdown, the class probabilities of a line and
// the classified held-out lines. Each says so when asked of a model of another task.
#include "api/session.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

// `code` names what was asked (session.spacingOnly …) for the page; `what` says it in the English message.
void require_task(const Model& model, TaskKind task, const char* code, const char* what) {
  require(model.shape().task == task, code, {{"needed", task_name(task)}, {"task", task_name(model.shape().task)}}, std::string(what) + " needs a model of task " + task_name(task) +
                                          "; this model's task is " + task_name(model.shape().task));
}

}  // namespace

SpacingBreakdown Session::spacing_breakdown(std::string_view utf8_text) const {
  require_task(*model_, TaskKind::spacing, "session.spacingOnly", "the spacing breakdown");
  return charrnn::spacing_breakdown(*model_, vocab_, utf8_text, std::max(2, settings_.train.seq_len));
}

ClassTrace Session::class_trace(std::string_view utf8_line) const {
  require_task(*model_, TaskKind::classify, "session.classProbabilitiesOnly", "the class probabilities of a line");
  return charrnn::class_trace(*model_, encode_for_task(TaskKind::classify, vocab_, utf8_line));
}

ClassifiedLines Session::classified_lines(long long max_lines) const {
  require_task(*model_, TaskKind::classify, "session.classifiedLinesOnly", "the classified held-out lines");
  if (!task_) return {};
  return static_cast<const ClassifyTask&>(*task_).classified_validation(*model_, max_lines);
}

}  // namespace charrnn
