#!/usr/bin/env bash
# The benchmark of issue 4 (`npm run bench`): builds the core natively and as WebAssembly (with the bench
# programs: bench/CMakeLists.txt), installs the peers from bench/package-lock.json when missing, then
# runs every contender on every configuration and prints the table (bench/run.mjs, bench/README.md).
#   npm run bench                      # ~6 min on 2 cores; writes bench/results.json
#   npm run bench -- --quick           # ~1 s per run: checks the harness, measures nothing
#   npm run bench -- --only=project-wasm,project-native --timed=5
# Not part of `npm test`: benchmarks are not tests.
set -euo pipefail
SCRIPT_NAME=bench
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/build-core.sh native wasm
# A build tree configured before bench/ existed lacks its targets (nothing told CMake to look again):
# configure it again in place (its cache keeps the toolchain) and build the rest.
for build in native wasm; do
  bench_target=$([ $build = native ] && echo charrnn_bench_native || echo charrnn_bench_ceiling)
  known=$(ninja -C "build/$build" -t targets all 2>/dev/null || true)  # no pipe into grep -q: SIGPIPE + pipefail
  if ! grep -q "^$bench_target:" <<< "$known"; then
    say "configuring build/$build again to pick up bench/"
    cmake -S . -B "build/$build" > "build/$build.bench-configure.log" 2>&1 || { cat "build/$build.bench-configure.log" >&2; exit 1; }
    ninja -C "build/$build" -j "$JOBS" | grep -v '^\[' || [ "${PIPESTATUS[0]}" = 0 ]
  fi
done

# The peers are the benchmark's own dependencies (bench/package.json), installed exactly as locked.
# --ignore-scripts: none of them needs an install step (no native module is built).
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  say "installing the peers (npm ci --prefix bench)"
  npm ci --prefix bench --ignore-scripts --no-audit --no-fund --loglevel=error
fi

node bench/corpus/make-corpus.mjs --check > /dev/null || say "warning: bench/corpus/corpus.txt differs from its generator"
exec node bench/run.mjs "$@"
