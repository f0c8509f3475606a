// Classification's examples: a text of lines "label<TAB>text", one example per line (a .tsv file).
// Blank lines are skipped; "\r\n" line ends are read as "\n"; the label is everything before the first
// tab, the text everything after it (further tabs are part of the text). Labels are indexed in code-point
// order, as the vocabulary is, so the same text always gives the same indices.
// "Who wrote this line?" needs no file of its own: lines_of_texts() labels every line of several texts
// with its text's name, and the result is an ordinary labelled text (the page and the CLI train on it
// as on any .tsv, and a saved model names the texts as its labels).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace charrnn {

// At least 5 lines a label: one is held out to measure the model on, and a class seen 3 or 4 times in
// training is the least a learner can watch being learned; below that, accuracy is noise.
inline constexpr int kMinLinesPerLabel = 5;
// Lines are read whole (one sequence each); longer ones would make one batch as costly as a book.
inline constexpr int kMaxLineCharacters = 1024;

struct LabelledLine {
  int label = 0;
  std::u32string text;
  int line_number = 0;  // 1-based, in the text as given, for messages
};

struct LabelledLines {
  std::vector<std::string> labels;  // index order
  std::vector<LabelledLine> lines;  // in text order
  std::vector<int> lines_per_label() const;
};

// Throws Error naming the line for a line without a tab, an empty label or text, or a text longer than
// kMaxLineCharacters. With known_labels (a trained model's), every label must be one of them.
LabelledLines parse_labelled_lines(std::u32string_view text, const std::vector<std::string>* known_labels = nullptr);

// Throws Error unless the lines can train a classifier: 2 to 32 labels, each with kMinLinesPerLabel lines.
void check_trainable(const LabelledLines& lines);
// The first half of it: 2 to 32 labels (a new model's shape depends on it).
void check_label_count(const std::vector<std::string>& labels);

// "Who wrote this line?": every non-blank line of texts[i] becomes "labels[i]<TAB>line". Labels must be
// non-empty, distinct and free of tabs and line breaks.
std::string lines_of_texts(const std::vector<std::string>& labels, const std::vector<std::string>& utf8_texts);

// A label list as a JSON array (the model file's `labels` metadata) and back, with checks.
std::string labels_to_json(const std::vector<std::string>& labels);
std::vector<std::string> labels_from_json(std::string_view json);

}  // namespace charrnn
