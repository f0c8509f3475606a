#include "tasks/classify/labelled_lines.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "nn/config.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {
namespace {

std::string in_quotes(const std::string& label) { return "'" + label + "'"; }

// The problems of a pasted labelled text carry codes (error.hpp): the page says them in the learner's
// language, naming the line.
void refuse_unless(bool condition, const char* code, Error::Params params, const std::string& message) {
  if (!condition) throw Error(code, std::move(params), message);
}

// Coded for a line of a pasted text (line_number > 0) and for a model file's list of labels (in_file);
// a label given apart by the own-texts form is checked by the page first and keeps its English alone.
void check_label(const std::string& label, const std::string& where, int line_number = 0, bool in_file = false) {
  const std::string line = std::to_string(line_number);
  const bool in_text = line_number > 0;
  refuse_unless(!label.empty(), in_text ? "labels.emptyLabel" : in_file ? "labels.listEmptyLabel" : "", {{"line", line}},
                where + " has an empty label");
  refuse_unless(label.find_first_of("\t\n\r") == std::string::npos,
                in_text ? "labels.badLabel" : in_file ? "labels.listBadLabel" : "",
                {{"line", line}, {"label", label}}, where + ": the label " + in_quotes(label) + " holds a tab or a line break");
}

}  // namespace

std::vector<int> LabelledLines::lines_per_label() const {
  std::vector<int> counts(labels.size(), 0);
  for (const LabelledLine& line : lines) ++counts[static_cast<std::size_t>(line.label)];
  return counts;
}

LabelledLines parse_labelled_lines(std::u32string_view text, const std::vector<std::string>* known_labels) {
  struct Raw {
    std::string label;
    std::u32string text;
    int line_number;
  };
  std::vector<Raw> raw;
  int line_number = 0;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find(U'\n', start);
    if (end == std::u32string_view::npos) end = text.size();
    std::u32string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == U'\r') line.remove_suffix(1);
    if (line.find_first_not_of(U" \t") == std::u32string_view::npos) continue;  // blank
    const std::string where = "line " + std::to_string(line_number);
    const std::size_t tab = line.find(U'\t');
    const std::string number = std::to_string(line_number);
    refuse_unless(tab != std::u32string_view::npos, "labels.noTab", {{"line", number}},
                  where + " has no tab: each line must be a label, a tab, then the text");
    Raw r{encode_utf8(line.substr(0, tab)), std::u32string(line.substr(tab + 1)), line_number};
    check_label(r.label, where, line_number);
    refuse_unless(!r.text.empty(), "labels.noText", {{"line", number}, {"label", r.label}},
                  where + " has no text after its label " + in_quotes(r.label));
    refuse_unless(r.text.size() <= static_cast<std::size_t>(kMaxLineCharacters), "labels.lineTooLong",
                  {{"line", number}, {"characters", std::to_string(r.text.size())}, {"max", std::to_string(kMaxLineCharacters)}},
                  where + " has " + std::to_string(r.text.size()) + " characters after its label; a line may have at most " +
                      std::to_string(kMaxLineCharacters) + " (split long lines)");
    raw.push_back(std::move(r));
    if (end == text.size()) break;
  }
  refuse_unless(!raw.empty(), "labels.none", {}, "the text has no labelled lines: each line must be a label, a tab, then the text");

  LabelledLines out;
  if (known_labels) {
    out.labels = *known_labels;
  } else {
    std::set<std::string> distinct;  // std::string order on UTF-8 is code-point order
    for (const Raw& r : raw) distinct.insert(r.label);
    out.labels.assign(distinct.begin(), distinct.end());
  }
  std::map<std::string, int> index;
  for (std::size_t i = 0; i < out.labels.size(); ++i) index[out.labels[i]] = static_cast<int>(i);
  for (Raw& r : raw) {
    const auto it = index.find(r.label);
    if (it == index.end()) {
      std::string known;
      for (const std::string& l : out.labels) known += (known.empty() ? "" : ", ") + in_quotes(l);
      throw Error("labels.unknownLabel", {{"line", std::to_string(r.line_number)}, {"label", r.label}, {"known", known}},
                  "line " + std::to_string(r.line_number) + ": the label " + in_quotes(r.label) +
                      " is not one of the model's labels (" + known + ")");
    }
    out.lines.push_back({it->second, std::move(r.text), r.line_number});
  }
  return out;
}

void check_label_count(const std::vector<std::string>& labels) {
  const int n = static_cast<int>(labels.size());
  refuse_unless(n >= 2, "labels.oneLabel", {{"label", labels.front()}},
                "the text has only one label (" + in_quotes(labels.front()) +
                    "): a classifier needs lines of at least 2 different labels");
  refuse_unless(n <= Limits::kMaxLabels, "labels.tooMany", {{"count", std::to_string(n)}, {"max", std::to_string(Limits::kMaxLabels)}},
                "the text has " + std::to_string(n) + " different labels; at most " +
                    std::to_string(Limits::kMaxLabels) + " are supported");
}

void check_trainable(const LabelledLines& lines) {
  check_label_count(lines.labels);
  const int n = static_cast<int>(lines.labels.size());
  const std::vector<int> counts = lines.lines_per_label();
  for (int i = 0; i < n; ++i)
    refuse_unless(counts[i] >= kMinLinesPerLabel, "labels.tooFewLines",
                  {{"label", lines.labels[i]}, {"count", std::to_string(counts[i])}, {"min", std::to_string(kMinLinesPerLabel)}},
                  "the label " + in_quotes(lines.labels[i]) + " has only " + std::to_string(counts[i]) + " line" +
                      (counts[i] == 1 ? "" : "s") + "; every label needs at least " + std::to_string(kMinLinesPerLabel) +
                      " (some to learn from, one held out to measure)");
}

std::string lines_of_texts(const std::vector<std::string>& labels, const std::vector<std::string>& utf8_texts) {
  require(labels.size() == utf8_texts.size(), "give one label for each text");
  require(labels.size() >= 2, "give at least 2 texts: the label of a line is which text it came from");
  std::set<std::string> seen;
  std::string out;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    check_label(labels[i], "text " + std::to_string(i + 1));
    require(seen.insert(labels[i]).second, "two texts have the same label " + in_quotes(labels[i]));
    const std::u32string text = decode_utf8(utf8_texts[i]);
    std::size_t kept = 0;
    for (std::size_t start = 0; start < text.size();) {
      std::size_t end = text.find(U'\n', start);
      if (end == std::u32string::npos) end = text.size();
      std::u32string line = text.substr(start, end - start);
      start = end + 1;
      if (!line.empty() && line.back() == U'\r') line.pop_back();
      if (line.find_first_not_of(U" \t") == std::u32string::npos) continue;
      out += labels[i] + "\t" + encode_utf8(line) + "\n";
      ++kept;
    }
    require(kept > 0, "the text labelled " + in_quotes(labels[i]) + " has no lines");
  }
  return out;
}

std::string labels_to_json(const std::vector<std::string>& labels) { return nlohmann::json(labels).dump(); }

std::vector<std::string> labels_from_json(std::string_view json) {
  const auto parsed = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  require(!parsed.is_discarded(), "labels.listNotJson", {}, "the labels are not valid JSON");
  require(parsed.is_array(), "labels.listNotArray", {}, "the labels must be a JSON array of strings");
  std::vector<std::string> labels;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < parsed.size(); ++i) {
    require(parsed[i].is_string(), "labels.listNotString", {{"entry", std::to_string(i)}},
            "label " + std::to_string(i) + " is not a string");
    labels.push_back(parsed[i].get<std::string>());
    check_label(labels.back(), "label " + std::to_string(i), 0, /*in_file=*/true);
    require(seen.insert(labels.back()).second, "labels.listDuplicate", {{"label", labels.back()}},
            "the label " + in_quotes(labels.back()) + " appears twice");
  }
  require_in_range("labels", "number of labels", static_cast<long long>(labels.size()), 2, Limits::kMaxLabels);
  return labels;
}

}  // namespace charrnn
