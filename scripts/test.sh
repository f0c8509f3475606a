#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to read: native Catch2 (+ the CLI), the same Catch2
# suite as WebAssembly under node, the native suite under ASan+UBSan, a bounded fuzz pass, then the
# web: type check, Vitest on the built module, the production build, Playwright in Debian's Chromium.
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
SCRIPT_NAME=test
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$SECONDS

# ctest with its full output only when something fails. Extra arguments go to ctest: the wasm suite is one
# CTest test (tests/CMakeLists.txt), so it runs with -V to keep Catch2's own count in the log and on screen.
run_ctest() {
  local dir=$1 log=$1/ctest.log
  shift
  if ctest --test-dir "$dir" --no-tests=error --output-on-failure -j "$JOBS" "$@" > "$log" 2>&1; then
    grep -h "All tests passed" "$log" | head -n 1 || true
    tail -n 3 "$log"
  else
    cat "$log"
    return 1
  fi
}

bash scripts/setup.sh
bash scripts/build-core.sh native wasm

say "native Catch2 suite and CLI (ctest)"
run_ctest build/native
say "the same Catch2 suite compiled to WebAssembly (SIMD), run by node"
run_ctest build/wasm -V

say "the native Catch2 suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
bash scripts/build-core.sh sanitize
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_ctest build/sanitize
bash scripts/fuzz.sh 30

say "type check (tsc)"
npx tsc -p .
say "structure: floors point down, files and functions within their sizes (scripts/check-structure.mjs)"
node scripts/check-structure.mjs
say "Vitest"
npx vitest run
say "production build (vite build → dist/)"
npx vite build --config web/vite.config.ts --logLevel warn
say "build size (initial download within 375 KB compressed, presets apart)"
node scripts/size-report.mjs
say "Playwright end-to-end tests in Chromium (screenshots: artifacts/screenshots/)"
npx playwright test

say "all tests passed in $((SECONDS - started)) s"
