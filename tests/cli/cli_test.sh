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
' "$work/eval.out" || fail "eval output: $(cat "$work/eval.out")"

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
expect_error "is not in the model's vocabulary" "$charrnn" eval --model "$work/m.safetensors" --text <(printf 'zzz')
expect_error "unknown command 'fit'" "$charrnn" fit
[ ! -e "$work/x.safetensors" ] || fail "a failed train left a model file"
ls "$work" | grep -q partial && fail "a .partial file was left behind"

# a truncated model file is an error, not a crash
head -c 300 "$work/m.safetensors" > "$work/cut.safetensors"
expect_error "model file: " "$charrnn" eval --model "$work/cut.safetensors" --text "$work/text.txt"

if [ "$failures" -gt 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "all CLI checks passed"
