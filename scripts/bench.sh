#!/usr/bin/env bash
# The benchmark of issue 4 (`npm run bench`): builds the core natively and as WebAssembly (with the bench
# programs: bench/CMakeLists.txt), installs the peers from bench/package-lock.json when missing, then
# runs every contender on every configuration and prints the table (bench/run.mjs, bench/README.md).
#   npm run bench                      # ~6 min on 2 cores; writes bench/results.json
#   npm run bench -- --quick           # ~1 s per run: checks the harness, measures nothing
#   npm run bench -- --only=project-wasm,project-native --timed=5
#   npm run bench -- --web             # only the page's own measurements (bench/web/, Chromium)
# A full run (no --quick, --only or --web) ends with the page's measurements too.
# Not part of `npm test`: benchmarks are not tests.
set -euo pipefail
SCRIPT_NAME=bench
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# The page's own measurements (bench/web/): the built site in Chromium, as the end-to-end tests run it.
web_bench() {
  bash scripts/build-core.sh wasm
  say "building the site (dist/) for the page's measurements"
  npx vite build --config web/vite.config.ts --logLevel warn
  say "the page's own measurements in Chromium (bench/web/)"
  npx playwright test -c bench/web/playwright.config.ts
}
if [ "${1:-}" = "--web" ]; then
  web_bench
  exit
fi

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
node bench/run.mjs "$@"
case " $* " in
  *" --quick "*|*" --only="*) ;;  # the contenders only
  *) web_bench ;;
esac
