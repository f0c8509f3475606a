// Converters for what only one task returns (convert.hpp): the spacing breakdown, the class
// probabilities of a line, the classified held-out lines.
#include "convert.hpp"

#include "text/utf8.hpp"

namespace charrnn::js {

val spacing_breakdown(const SpacingBreakdown& b) {
  std::vector<std::string> characters;
  for (char32_t c : b.characters) characters.push_back(encode_utf8(c));
  val r = val::object();
  r.set("characters", strings(characters));
  r.set("truth", typed_array("Int8Array", b.truth));
  r.set("probability", typed_array("Float32Array", b.probability));
  r.set("forwardProbability", typed_array("Float32Array", b.forward_probability));
  r.set("backwardProbability", typed_array("Float32Array", b.backward_probability));
  r.set("restored", encode_utf8(b.restored));
  return r;
}

val class_trace(const ClassTrace& trace, const std::vector<std::string>& labels) {
  val r = val::object();
  r.set("steps", trace.steps);
  r.set("labels", strings(labels));
  r.set("probabilities", typed_array("Float32Array", trace.probabilities));
  return r;
}

val classified_lines(const ClassifiedLines& lines) {
  val r = val::object();
  r.set("lineNumbers", typed_array("Int32Array", lines.line_numbers));
  r.set("labels", typed_array("Int32Array", lines.labels));
  r.set("decisions", typed_array("Int32Array", lines.decisions));
  r.set("texts", strings(lines.texts));
  r.set("probabilities", typed_array("Float32Array", lines.probabilities));
  return r;
}

}  // namespace charrnn::js
