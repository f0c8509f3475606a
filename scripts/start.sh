#!/usr/bin/env bash
# Builds what the playground needs (the wasm module) and serves it with Vite's dev server.
set -euo pipefail
SCRIPT_NAME=start
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build-core.sh wasm
say "serving the playground (Ctrl-C stops it)"
exec npx vite --config web/vite.config.ts "$@"
