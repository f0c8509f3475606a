// A task: what a model learns from a text (ARCHITECTURE.md, "Tasks beyond the language model"). A task
// owns everything that depends on it — how its text becomes examples and training batches, which head
// reads the network (ModelShape::task), and how held-out text is scored (loss and metrics). The cells,
// the directions and the trainer below it never ask which task they serve.
//   lm        tasks/lm/lm_task.cpp            the text as one stream; next character; bits per character
//   spacing   tasks/spacing/               spaces removed; "a space followed" per character; F1
//   classify  tasks/classify/              one label per line; accuracy and a confusion matrix
// B batch, T steps, N rows of a batch.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "nn/config.hpp"
#include "nn/model.hpp"
#include "nn/sequence_layout.hpp"
#include "tasks/metrics.hpp"
#include "text/vocab.hpp"

namespace charrnn {

// A text as a model of this task reads it (what Task::encode_input does, without a task's text): lm as
// it is, spacing without its spaces, classify one line's text (at most kMaxLineCharacters). Characters
// outside the vocabulary become kUnknown (text/vocab.hpp), counted in `unknown` when given.
std::vector<std::int32_t> encode_for_task(TaskKind task, const Vocab& vocab, std::string_view utf8,
                                          UnknownCharacters* unknown = nullptr);

// One training batch as the network takes it.
struct Batch {
  SequenceLayout layout;
  std::vector<std::int32_t> inputs;   // (N) vocabulary indices, row order
  std::vector<std::int32_t> targets;  // (N) per step, -1 not scored; classify: (B) one label per sequence
};

// A task's training batches, in an order that a saved (position, epoch) reproduces exactly.
class BatchSource {
 public:
  virtual ~BatchSource() = default;
  virtual bool next(Batch& batch) = 0;     // true when the batch starts a new epoch
  virtual bool carries_state() const = 0;  // lm: each window continues its stream's state
  virtual int max_steps() const = 0;       // the longest batch (T), to size the network
  virtual int max_batch() const = 0;       // the most sequences in a batch (B)
  virtual long long position() const = 0;
  virtual long long epoch() const = 0;
  virtual void restore(long long position, long long epoch) = 0;  // throws Error when it does not fit
};

struct TaskTextSummary {
  long long characters = 0;                  // code points of the whole text
  long long train_characters = 0, validation_characters = 0;  // as the model reads them
  long long train_examples = 0, validation_examples = 0;      // predictions, scored gaps or lines
  int vocab_size = 0;
};

class Task {
 public:
  // The text prepared for a task; throws Error naming what is wrong with it. val_frac of it is held out
  // (the tail; classify: the last lines of every label). With vocab (and labels): continuing or evaluating
  // a trained model. The text must use only those labels; a character outside the vocabulary is read as
  // kUnknown (text/vocab.hpp: an all-zero input, never a scored target), or with Unknowns::refuse is an
  // Error naming it.
  static std::unique_ptr<Task> from_text(TaskKind kind, std::string_view utf8, float val_frac,
                                         const Vocab* vocab = nullptr, const std::vector<std::string>* labels = nullptr,
                                         Unknowns unknowns = Unknowns::zero);
  virtual ~Task() = default;

  TaskKind kind() const { return kind_; }
  const Vocab& vocab() const { return vocab_; }
  const std::vector<std::string>& labels() const { return labels_; }  // classify
  const std::string& fingerprint() const { return fingerprint_; }    // of the text as given
  const UnknownCharacters& unknown() const { return unknown_; }      // of the text as the model reads it
  virtual TaskTextSummary summary() const = 0;
  // The model shape this task's head needs, on top of the network's own settings.
  ModelShape shape(CellKind cell, int hidden_size, int num_layers, bool bidirectional, Nonlinearity f) const;

  // Throws Error with a clear message when the training part cannot feed these settings.
  virtual std::unique_ptr<BatchSource> batches(int seq_len, int batch, std::uint64_t seed) const = 0;
  // Loss and metrics on at most max_units of the held-out part (characters; classify: lines), or of the
  // whole text when nothing is held out and `whole` is set (charrnn eval). window: spacing's sequence length.
  virtual TaskMetrics evaluate(const Model& model, long long max_units, int window, bool whole = false) const = 0;
  // A text as the model reads it: encode_for_task(kind(), vocab(), utf8).
  std::vector<std::int32_t> encode_input(std::string_view utf8, UnknownCharacters* unknown = nullptr) const {
    return encode_for_task(kind_, vocab_, utf8, unknown);
  }
  // One sequence of the training part, its first (at most max_steps characters; classify: the first
  // line), as a batch: what the learner's gradient check runs on.
  virtual Batch first_example(int max_steps) const = 0;

 protected:
  explicit Task(TaskKind kind) : kind_(kind) {}
  TaskKind kind_;
  Vocab vocab_;
  std::vector<std::string> labels_;
  std::string fingerprint_;
  long long characters_ = 0;
  UnknownCharacters unknown_;
};

}  // namespace charrnn
