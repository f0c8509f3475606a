#!/usr/bin/env bash
# The charrnn command line as a user runs it: train → eval → sample on real files, and one clear
# one-line error (non-zero exit, no partial file) for each kind of mistake.
#   tests/cli/cli_test.sh path/to/charrnn
set -uo pipefail
charrnn=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

for i in $(seq 60); do printf 'hello world, 안녕 세상 🙂\n'; done > "$work/text.txt"

# train: JSON progress lines, a model file, falling loss
"$charrnn" train --text "$work/text.txt" --cell gru --hidden 32 --seq 16 --batch 4 --steps 120 --lr 0.01 \
  --log-every 20 --out "$work/m.safetensors" > "$work/train.out" 2> "$work/train.err" || fail "train exited $?: $(cat "$work/train.err")"
[ -s "$work/m.safetensors" ] || fail "train wrote no model"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  const steps = lines.filter((l) => l.step !== undefined);
  if (lines[0].event !== "start" || lines.at(-1).event !== "done") throw new Error("missing start/done lines");
  if (steps.length !== 6 || steps.at(-1).step !== 120) throw new Error("expected progress every 20 steps");
  if (!(steps.at(-1).loss < steps[0].loss * 0.5)) throw new Error("loss did not fall: " + steps[0].loss + " → " + steps.at(-1).loss);
  if (!(steps.at(-1).val_bpc > 0)) throw new Error("no validation on the last line");
' "$work/train.out" || fail "train progress lines"

# eval: one JSON object with loss and bpc
"$charrnn" eval --model "$work/m.safetensors" --text "$work/text.txt" > "$work/eval.out" || fail "eval exited $?"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (!(r.loss > 0 && r.loss < 1.5 && Math.abs(r.bpc - r.loss / Math.LN2) < 1e-9)) throw new Error(JSON.stringify(r));
  if (r.characters !== 60 * 21 || r.predictions !== r.characters - 1) throw new Error("counts: " + JSON.stringify(r));
  if (JSON.stringify(r.unknown) !== JSON.stringify({ count: 0, distinct: 0, first: [] })) throw new Error("unknown: " + JSON.stringify(r.unknown));
' "$work/eval.out" || fail "eval output: $(cat "$work/eval.out")"
"$charrnn" eval --strict --model "$work/m.safetensors" --text "$work/text.txt" > "$work/eval-strict.out" || fail "eval --strict exited $?"
cmp -s "$work/eval.out" "$work/eval-strict.out" || fail "eval --strict on a known text differs: $(cat "$work/eval-strict.out")"

# eval on held-out text with characters the model never saw: each is an all-zero input, never a scored
# target, and the JSON names them (by code point); --strict refuses them as before
for i in 1 2 3; do printf 'hello 컥 world, 안녕 세상 🙂 zebra\n'; done > "$work/held-out.txt"
"$charrnn" eval --model "$work/m.safetensors" --text "$work/held-out.txt" > "$work/held-out.out" || fail "eval of held-out text exited $?"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const u = r.unknown;  // 컥, z, b and a on each of 3 lines
  if (u.count !== 12 || u.distinct !== 4 || u.first.map((c) => c.code_point).join() !== "U+0061,U+0062,U+007A,U+CEE5" ||
      JSON.stringify(u.first[3]) !== JSON.stringify({ character: "컥", code_point: "U+CEE5", count: 3 })) throw new Error("unknown: " + JSON.stringify(u));
  if (r.characters !== 3 * 29 || r.predictions !== r.characters - 1 - 12 || !(r.loss > 0 && Number.isFinite(r.bpc))) throw new Error(JSON.stringify(r));
' "$work/held-out.out" || fail "eval of held-out text: $(cat "$work/held-out.out")"
err=$("$charrnn" eval --strict --model "$work/m.safetensors" --text "$work/held-out.txt" 2>&1 >/dev/null); code=$?
[ "$code" -eq 1 ] || fail "eval --strict on unknown characters exited $code"
[ "$err" == "charrnn eval: the character '컥' (U+CEE5) at position 6 is not in the model's vocabulary" ] || fail "eval --strict said '$err'"

# sample: the prime, then generated text; the same seed gives the same text
a=$("$charrnn" sample --model "$work/m.safetensors" --prime "hello" --length 40 --seed 5) || fail "sample exited $?"
b=$("$charrnn" sample --model "$work/m.safetensors" --prime "hello" --length 40 --seed 5)
[[ "$a" == hello* ]] || fail "sample does not start with the prime: $a"
[ "$a" == "$b" ] || fail "sample with the same seed differs"
greedy=$("$charrnn" sample --model "$work/m.safetensors" --prime "hello wor" --length 2 --temperature 0)
[ "$greedy" == "hello world" ] || fail "greedy sample: '$greedy'"

# --resume: 60 + 60 steps give exactly the model of 120 steps in one go
common=(--text "$work/text.txt" --cell lstm --hidden 16 --seq 8 --batch 4 --dropout 0.1 --seed 3)
"$charrnn" train "${common[@]}" --steps 60 --out "$work/half.safetensors" > /dev/null || fail "train 60 steps"
"$charrnn" train "${common[@]}" --steps 60 --resume "$work/half.safetensors" --out "$work/resumed.safetensors" > "$work/resume.out" \
  || fail "resume exited $?"
"$charrnn" train "${common[@]}" --steps 120 --out "$work/whole.safetensors" > /dev/null || fail "train 120 steps"
head -n 1 "$work/resume.out" | grep -q '"resumed_exactly":true' || fail "resume did not continue exactly: $(head -n 1 "$work/resume.out")"
tail -n 1 "$work/resume.out" | grep -q '"steps":120' || fail "resume did not end at step 120"
cmp -s "$work/resumed.safetensors" "$work/whole.safetensors" || fail "60 + 60 resumed steps differ from 120 steps"

# spacing: a bidirectional tagger learns where the spaces go; eval scores them
"$charrnn" train --task spacing --bidirectional --text "$work/text.txt" --cell lstm --hidden 24 --seq 16 --batch 4 \
  --steps 150 --lr 0.02 --log-every 50 --out "$work/spacing.safetensors" > "$work/spacing.out" || fail "train --task spacing exited $?"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map(JSON.parse);
  if (lines[0].task !== "spacing" || !(lines[0].train_examples > 0)) throw new Error("start line: " + JSON.stringify(lines[0]));
  const last = lines.filter((l) => l.step !== undefined).at(-1);
  if (!(last.val_f1 > 0.9 && last.f1 >= 0 && last.bpc === undefined)) throw new Error("spacing progress: " + JSON.stringify(last));
' "$work/spacing.out" || fail "spacing progress lines: $(tail -n 2 "$work/spacing.out")"
"$charrnn" eval --model "$work/spacing.safetensors" --text "$work/text.txt" > "$work/spacing-eval.out" || fail "eval spacing exited $?"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  // per line "hello world, 안녕 세상 🙂": 16 characters without spaces, 15 gaps (not the one at the line break)
  if (r.task !== "spacing" || r.characters !== 60 * 17 || r.decisions !== 60 * 15 || !(r.f1 > 0.95 && r.precision > 0.9 && r.recall > 0.9 && r.accuracy > 0.95 && r.loss > 0))
    throw new Error(JSON.stringify(r));
' "$work/spacing-eval.out" || fail "eval spacing output: $(cat "$work/spacing-eval.out")"
"$charrnn" eval --model "$work/spacing.safetensors" --text "$work/held-out.txt" > "$work/spacing-held-out.out" || fail "eval spacing of held-out text exited $?"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  // "hello컥world,안녕세상🙂zebra": 22 characters without spaces, 21 gaps a line, every one scored
  if (r.unknown.count !== 12 || r.characters !== 3 * 23 || r.decisions !== 3 * 21) throw new Error(JSON.stringify(r));
' "$work/spacing-held-out.out" || fail "eval spacing of held-out text: $(cat "$work/spacing-held-out.out")"

# classify: one label per line; eval counts per label and the confusion matrix
for i in $(seq 12); do printf 'cat\tthe cat sat on the mat %s\ndog\ta dog dug a hole %s\n' "$i" "$i"; done > "$work/lines.tsv"
"$charrnn" train --task classify --text "$work/lines.tsv" --cell gru --nonlinearity tanh --hidden 16 --batch 8 --steps 40 \
  --lr 0.02 --log-every 20 --out "$work/classify.safetensors" > "$work/classify.out" || fail "train --task classify exited $?"
head -n 1 "$work/classify.out" | grep -q '"labels":\["cat","dog"\]' || fail "classify start line: $(head -n 1 "$work/classify.out")"
"$charrnn" eval --model "$work/classify.safetensors" --text "$work/lines.tsv" > "$work/classify-eval.out" || fail "eval classify exited $?"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.task !== "classify" || r.lines !== 24 || r.accuracy !== 1 || r.labels.cat.lines !== 12 || r.labels.dog.correct !== 12 ||
      JSON.stringify(r.confusion) !== "[[12,0],[0,12]]") throw new Error(JSON.stringify(r));
' "$work/classify-eval.out" || fail "eval classify output: $(cat "$work/classify-eval.out")"

# errors: message on stderr naming the problem, non-zero exit, no partial file
expect_error() {  # expected-substring command...
  local want=$1; shift
  local err
  err=$("$@" 2>&1 >/dev/null) && fail "expected failure: $*"
  [[ "$err" == *"$want"* ]] || fail "error for '$*' was '$err', expected it to mention '$want'"
  [ "$(printf '%s' "$err" | wc -l)" -le 0 ] || [[ "$err" == *usage:* ]] || fail "error is more than one line: $err"
}
printf 'ab' > "$work/short.txt"
printf 'ab\xffcd' > "$work/bad.txt"
expect_error "cannot read '$work/missing.txt'" "$charrnn" train --text "$work/missing.txt" --out "$work/x.safetensors"
expect_error "the text is too short to train on" "$charrnn" train --text "$work/short.txt" --out "$work/x.safetensors"
expect_error "invalid UTF-8 at byte 2" "$charrnn" train --text "$work/bad.txt" --out "$work/x.safetensors"
expect_error "unknown cell 'transformer'" "$charrnn" train --text "$work/text.txt" --cell transformer --out "$work/x.safetensors"
expect_error "--hidden is 0; it must be between 1 and 1024" "$charrnn" train --text "$work/text.txt" --hidden 0 --out "$work/x.safetensors"
expect_error "--lr expects a number, got 'fast'" "$charrnn" train --text "$work/text.txt" --lr fast --out "$work/x.safetensors"
expect_error "unknown option '--epochs'" "$charrnn" train --text "$work/text.txt" --epochs 3 --out "$work/x.safetensors"
expect_error "missing --out" "$charrnn" train --text "$work/text.txt"
expect_error "cannot write '$work/no/dir/m.safetensors'" "$charrnn" train --text "$work/text.txt" --seq 16 --batch 4 --out "$work/no/dir/m.safetensors"
expect_error "model file: " "$charrnn" sample --model "$work/text.txt"
expect_error "is not in the model's vocabulary" "$charrnn" sample --model "$work/m.safetensors" --prime "xyz"
expect_error "the character 'z' (U+007A) at position 0 is not in the model's vocabulary" "$charrnn" eval --strict --model "$work/m.safetensors" --text <(printf 'zzz')
expect_error "no character after the first is in the model's vocabulary: there is nothing to score" "$charrnn" eval --model "$work/m.safetensors" --text <(printf 'hzz')
expect_error "unknown command 'fit'" "$charrnn" fit
expect_error "unknown task 'translate'" "$charrnn" train --text "$work/text.txt" --task translate --out "$work/x.safetensors"
expect_error "a language model cannot be bidirectional" "$charrnn" train --text "$work/text.txt" --bidirectional --out "$work/x.safetensors"
expect_error "the nonlinearity relu is for the vanilla RNN only" "$charrnn" train --text "$work/text.txt" --cell gru --nonlinearity relu --out "$work/x.safetensors"
expect_error "unknown nonlinearity 'sigmoid'" "$charrnn" train --text "$work/text.txt" --cell rnn --nonlinearity sigmoid --out "$work/x.safetensors"
expect_error "line 1 has no tab" "$charrnn" train --task classify --text "$work/text.txt" --out "$work/x.safetensors"
printf 'only\ta\nonly\tb\n' > "$work/one-label.tsv"
expect_error "the text has only one label ('only')" "$charrnn" train --task classify --text "$work/one-label.tsv" --out "$work/x.safetensors"
printf 'a\tx\na\ty\na\tz\na\tw\na\tv\nb\tx\n' > "$work/few.tsv"
expect_error "the label 'b' has only 1 line; every label needs at least 5" "$charrnn" train --task classify --text "$work/few.tsv" --out "$work/x.safetensors"
for i in $(seq 40); do printf '夏草や兵どもが夢の跡\n'; done > "$work/nospace.txt"
expect_error "the text has no spaces between words to learn from" "$charrnn" train --task spacing --text "$work/nospace.txt" --seq 8 --batch 2 --out "$work/x.safetensors"
expect_error "only a language model (task lm) writes text; this model's task is spacing" "$charrnn" sample --model "$work/spacing.safetensors"
expect_error "the model to resume is of task spacing, not classify" "$charrnn" train --task classify --text "$work/lines.tsv" --resume "$work/spacing.safetensors" --out "$work/x.safetensors"
expect_error "line 1 has no tab" "$charrnn" eval --model "$work/classify.safetensors" --text "$work/text.txt"
[ ! -e "$work/x.safetensors" ] || fail "a failed train left a model file"
ls "$work" | grep -q partial && fail "a .partial file was left behind"

# a truncated model file is an error, not a crash
head -c 300 "$work/m.safetensors" > "$work/cut.safetensors"
expect_error "model file: " "$charrnn" eval --model "$work/cut.safetensors" --text "$work/text.txt"

if [ "$failures" -gt 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
