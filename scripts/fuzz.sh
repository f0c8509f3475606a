#!/usr/bin/env bash
# A bounded fuzz pass over the two parsers that take untrusted bytes: the model-file loader and the
# UTF-8 decoder (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer). Any crash fails it.
#   scripts/fuzz.sh [seconds per target, default 30]
set -euo pipefail
SCRIPT_NAME=fuzz
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
seconds=${1:-30}
bash scripts/build-core.sh sanitize  # the fuzz targets are part of the sanitized clang build
bin=build/sanitize/tests/fuzz
out=build/fuzz
corpus=$out/corpus
mkdir -p "$corpus/safetensors" "$corpus/utf8" "$out/crashes"
"$bin/make_seeds" "$corpus/safetensors"
printf 'hello, 안녕 🙂\n' > "$corpus/utf8/seed.txt"
say "fuzzing the model-file loader and the UTF-8 decoder, ${seconds} s each, side by side"
pids=()
for target in safetensors utf8; do
  "$bin/${target}_fuzz" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/crashes/$target"- \
    "$corpus/$target" > "$out/$target.log" 2>&1 &
  pids+=($!)
done
status=0
for i in 0 1; do
  target=$([ $i = 0 ] && echo safetensors || echo utf8)
  if wait "${pids[$i]}"; then
    say "$target: $(grep -E 'stat::number_of_executed_units' "$out/$target.log" | awk '{print $2}') executions, no crash"
  else
    status=1
    say "$target: CRASH — see $out/$target.log and $out/crashes/"
    tail -n 40 "$out/$target.log" >&2
  fi
done
exit $status
