#!/usr/bin/env bash
# Every test, in the order a failure is cheapest to read: native Catch2 (+ the CLI), the same Catch2
# suite as WebAssembly under node, then the web: type check, Vitest on the built module, the production
# build, Playwright in Debian's Chromium. Installs what is missing first (scripts/setup.sh).
set -euo pipefail
SCRIPT_NAME=test
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
started=$SECONDS

bash scripts/setup.sh
bash scripts/build-core.sh native wasm

say "native Catch2 suite and CLI (ctest)"
ctest --test-dir build/native --no-tests=error --output-on-failure -j "$JOBS" | tail -n 4
say "the same Catch2 suite compiled to WebAssembly (SIMD), run by node"
ctest --test-dir build/wasm --no-tests=error --output-on-failure -j "$JOBS" | tail -n 4

say "type check (tsc)"
npx tsc -p .
say "Vitest"
npx vitest run
say "production build (vite build → dist/)"
npx vite build --config web/vite.config.ts --logLevel warn
say "Playwright end-to-end tests in Chromium"
npx playwright test

say "all tests passed in $((SECONDS - started)) s"
