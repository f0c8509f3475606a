"""The README's snippet for taggers and classifiers (load_task_model, space_probabilities,
label_probabilities) against real PyTorch and the native CLI.

1. Spacing models `charrnn train --task spacing` wrote (bidirectional LSTM, GRU and relu RNN of 2 layers,
   and a forward-only LSTM): on a held-out line, the loss, accuracy, precision, recall and F1 that
   PyTorch's probabilities give equal `charrnn eval`'s.
2. Classifiers `charrnn train --task classify` wrote (bidirectional and forward-only): on held-out lines,
   the loss, accuracy and per-label counts equal `charrnn eval`'s.
3. The check can tell a mistake: feeding the decoder [backward, forward] instead of [forward, backward],
   or the classifier the last step's output instead of h_n, must disagree with the CLI.
Then the snippet runs as a user runs it.

Usage: check_tasks.py README.md path/to/charrnn WORKDIR
"""
import json
import math
import os
import re
import subprocess
import sys

import torch

readme, charrnn, workdir = (os.path.abspath(a) for a in sys.argv[1:4])
snippet = next(s for s in re.findall(r"```python\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
               if "def load_task_model(" in s)
definitions = snippet[:snippet.index("tagger, vocab, _ = load_task_model(")]  # the functions, not the usage lines
os.chdir(workdir)

KOREAN = ("아버지가 방에 들어가신다. 할머니는 아침마다 문을 열고 창가에 의자를 내놓았다. 아이들은 책방에 들러 그림책을 "
          "넘겼다. 바다에 사는 물고기에 대한 책도 있었다. 아버지가 방에 들어가서 책을 읽으신다.\n")
SPACING_TEXT = KOREAN * 12 + "the cat sat on the mat and the dog sat on the log.\n" * 12
HELD_OUT_LINE = "할머니는 방에 들어가서 그림책을 읽으신다. 아이들은 바다에 사는 물고기에 대한 책을 넘겼다."
CLASSES = {
    "cat": ["the cat sat", "a cat ran off", "my cat sleeps all day", "cats nap", "the old cat purrs", "one cat sat",
            "the cat on the mat", "a small cat", "cat naps in the sun", "the cat ate"],
    "dog": ["the dog barked", "dogs run far", "a dog dug a hole", "good dog", "the dog sat", "dog days",
            "the dog on the log", "a big dog", "dog runs in the park", "the dog ate"],
}
HELD_OUT_LINES = [("cat", "the cat naps"), ("dog", "the dog runs"), ("cat", "a cat sat on the mat"), ("dog", "a dog on a log")]

failures = []


def check(ok, line):
    print(f"{'ok ' if ok else 'BAD'} {line}", flush=True)
    if not ok:
        failures.append(line)


def cli(*args):
    done = subprocess.run([charrnn, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"charrnn {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def close(a, b):
    return abs(a - b) <= 1e-4 * max(1.0, abs(b))


namespace = {}
exec(definitions, namespace)
load_task_model, one_hot = namespace["load_task_model"], namespace["one_hot"]
space_probabilities, label_probabilities = namespace["space_probabilities"], namespace["label_probabilities"]

# 1. Spacing: the held-out line without spaces, labels "a space followed"; its last gap is the line's end.
open("spacing.txt", "w", encoding="utf-8").write(SPACING_TEXT)
open("held_out.txt", "w", encoding="utf-8").write(HELD_OUT_LINE)
chars = HELD_OUT_LINE.replace(" ", "")
labels = []
for word in HELD_OUT_LINE.split(" "):
    labels += [0] * (len(word) - 1) + [1]
labels = labels[:-1]  # the last character's gap is the end of the text: not scored


def spacing_scores(p):
    """loss, accuracy, precision, recall, F1 over the scored gaps, from P(space) per character."""
    loss = -sum(math.log(p[i] if y else 1 - p[i]) for i, y in enumerate(labels)) / len(labels)
    said = [p[i] > 0.5 for i in range(len(labels))]
    tp = sum(1 for s, y in zip(said, labels) if s and y)
    fp = sum(1 for s, y in zip(said, labels) if s and not y)
    fn = sum(1 for s, y in zip(said, labels) if not s and y)
    precision, recall = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"loss": loss, "accuracy": sum(s == bool(y) for s, y in zip(said, labels)) / len(labels),
            "precision": precision, "recall": recall, "f1": f1}


@torch.no_grad()
def swapped_halves(model, vocab, text):
    """A deliberate mistake: the decoder fed [backward, forward]."""
    out, _ = model["rnn"](one_hot(vocab, text))
    H = out.shape[-1] // 2
    return torch.softmax(model["decoder"](torch.cat([out[:, 0, H:], out[:, 0, :H]], dim=-1)), dim=-1)[:, 1]


for cell, nonlinearity, bidirectional in (("lstm", "tanh", True), ("gru", "tanh", True), ("rnn", "relu", True),
                                          ("lstm", "tanh", False)):
    cli("train", "--task", "spacing", "--text", "spacing.txt", "--cell", cell, "--nonlinearity", nonlinearity,
        *(["--bidirectional"] if bidirectional else []), "--hidden", "16", "--layers", "2", "--steps", "80",
        "--seq", "32", "--batch", "4", "--lr", "0.01", "--out", "spacing.safetensors")
    tagger, vocab, _ = load_task_model("spacing.safetensors")
    ours = json.loads(cli("eval", "--model", "spacing.safetensors", "--text", "held_out.txt", "--seq", "256"))
    theirs = spacing_scores(space_probabilities(tagger, vocab, chars).tolist())
    name = f"spacing {'bidirectional' if bidirectional else 'forward-only'} {cell} ({nonlinearity})"
    check(all(close(theirs[k], ours[k]) for k in theirs) and ours["decisions"] == len(labels),
          f"{name}: PyTorch {json.dumps({k: round(v, 6) for k, v in theirs.items()})} vs charrnn eval "
          f"{json.dumps({k: round(ours[k], 6) for k in theirs})}")
    if bidirectional:
        wrong = spacing_scores(swapped_halves(tagger, vocab, chars).tolist())
        check(not close(wrong["loss"], ours["loss"]),
              f"{name}: the decoder fed [backward, forward] disagrees (loss {wrong['loss']:.6f} vs {ours['loss']:.6f})")

# 2. Classification.
with open("classify.tsv", "w", encoding="utf-8") as f:
    for label, lines in CLASSES.items():
        f.writelines(f"{label}\t{line}\n" for line in lines)
with open("held_out.tsv", "w", encoding="utf-8") as f:
    f.writelines(f"{label}\t{line}\n" for label, line in HELD_OUT_LINES)


def classify_scores(probabilities, names):
    loss = -sum(math.log(p[label]) for p, (label, _) in zip(probabilities, HELD_OUT_LINES)) / len(HELD_OUT_LINES)
    decided = [max(p, key=lambda k: (p[k], -names.index(k))) for p in probabilities]
    counts = {n: {"lines": sum(1 for l, _ in HELD_OUT_LINES if l == n),
                  "correct": sum(1 for d, (l, _) in zip(decided, HELD_OUT_LINES) if d == l == n),
                  "predicted": sum(1 for d in decided if d == n)} for n in names}
    return loss, sum(d == l for d, (l, _) in zip(decided, HELD_OUT_LINES)) / len(HELD_OUT_LINES), counts


@torch.no_grad()
def last_output_instead_of_h_n(model, vocab, names, line):
    """A deliberate mistake: the classifier fed the last step's output, whose backward half has read one character."""
    out, _ = model["rnn"](one_hot(vocab, line))
    return dict(zip(names, torch.softmax(model["decoder"](out[-1, 0]), dim=-1).tolist()))


for cell, bidirectional in (("lstm", True), ("gru", False)):
    cli("train", "--task", "classify", "--text", "classify.tsv", "--cell", cell, *(["--bidirectional"] if bidirectional else []),
        "--hidden", "12", "--layers", "2", "--steps", "60", "--batch", "8", "--lr", "0.01", "--val-frac", "0",
        "--out", "classify.safetensors")
    classifier, vocab, names = load_task_model("classify.safetensors")
    ours = json.loads(cli("eval", "--model", "classify.safetensors", "--text", "held_out.tsv"))
    loss, accuracy, counts = classify_scores([label_probabilities(classifier, vocab, names, line) for _, line in HELD_OUT_LINES],
                                             names)
    name = f"classify {'bidirectional' if bidirectional else 'forward-only'} {cell}"
    check(close(loss, ours["loss"]) and close(accuracy, ours["accuracy"]) and counts == ours["labels"],
          f"{name}: PyTorch loss {loss:.6f}, accuracy {accuracy:.3f}, {counts} vs charrnn eval {ours['loss']:.6f}, "
          f"{ours['accuracy']:.3f}, {ours['labels']}")
    if bidirectional:
        wrong, _, _ = classify_scores([last_output_instead_of_h_n(classifier, vocab, names, line) for _, line in HELD_OUT_LINES],
                                      names)
        check(not close(wrong, ours["loss"]), f"{name}: the last step's output instead of h_n disagrees (loss {wrong:.6f})")

# 3. The snippet as a user runs it (its usage lines load spacing.safetensors and classify.safetensors).
cli("train", "--task", "spacing", "--text", "spacing.txt", "--bidirectional", "--hidden", "16", "--steps", "40",
    "--seq", "32", "--batch", "4", "--out", "spacing.safetensors")
exec(snippet, {})
check(True, "the README snippet runs")

if failures:
    raise SystemExit(f"README task snippet disagrees with the CLI: {len(failures)} check(s)")
print(f"README task snippet agrees with charrnn (torch {torch.__version__})")
