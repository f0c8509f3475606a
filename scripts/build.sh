#!/usr/bin/env bash
# The static site: builds the wasm module, then `vite build` into dist/ (relative paths: it works from
# any sub-path of any static host).
set -euo pipefail
SCRIPT_NAME=build
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build-core.sh wasm
say "building the site into dist/"
npx vite build --config web/vite.config.ts
say "what a visitor downloads"
node scripts/size-report.mjs
