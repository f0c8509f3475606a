#include "tasks/task.hpp"

#include "tasks/classify/classify_task.hpp"
#include "tasks/classify/labelled_lines.hpp"
#include "tasks/spacing/spaced_text.hpp"
#include "tasks/lm/lm_task.hpp"
#include "tasks/spacing/spacing_task.hpp"
#include "text/utf8.hpp"
#include "util/error.hpp"

namespace charrnn {

std::unique_ptr<Task> Task::from_text(TaskKind kind, std::string_view utf8, float val_frac, const Vocab* vocab,
                                      const std::vector<std::string>* labels, Unknowns unknowns) {
  switch (kind) {
    case TaskKind::lm: return std::make_unique<LmTask>(utf8, val_frac, vocab, unknowns);
    case TaskKind::spacing: return std::make_unique<SpacingTask>(utf8, val_frac, vocab, unknowns);
    case TaskKind::classify: return std::make_unique<ClassifyTask>(utf8, val_frac, vocab, labels, unknowns);
  }
  throw Error("unknown task");
}

ModelShape Task::shape(CellKind cell, int hidden_size, int num_layers, bool bidirectional, Nonlinearity f) const {
  ModelShape s;
  s.cell = cell;
  s.vocab_size = vocab_.size();
  s.hidden_size = hidden_size;
  s.num_layers = num_layers;
  s.bidirectional = bidirectional;
  s.nonlinearity = f;
  s.task = kind_;
  s.labels = static_cast<int>(labels_.size());
  return s;
}

std::vector<std::int32_t> encode_for_task(TaskKind task, const Vocab& vocab, std::string_view utf8, UnknownCharacters* unknown) {
  const std::u32string text = decode_utf8(utf8);
  switch (task) {
    case TaskKind::lm: break;
    case TaskKind::spacing: return vocab.encode(remove_spaces(text).characters, Unknowns::zero, unknown);
    case TaskKind::classify:
      require(!text.empty(), "the line is empty");
      require(text.size() <= static_cast<std::size_t>(kMaxLineCharacters),
              "the line has " + std::to_string(text.size()) + " characters; at most " + std::to_string(kMaxLineCharacters) +
                  " are read");
      break;
  }
  return vocab.encode(text, Unknowns::zero, unknown);
}

void require_distinct_characters(const Vocab& vocab) {
  if (vocab.size() < 2)
    throw Error("text.oneCharacter", {{"char", describe_character(vocab.character(0))}},
                "the text has only one distinct character (" + describe_character(vocab.character(0)) +
                    "); a model needs at least 2 different characters to learn anything");
}

}  // namespace charrnn
