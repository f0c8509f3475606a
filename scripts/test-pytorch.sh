#!/usr/bin/env bash
# The README's PyTorch snippets against Debian's PyTorch and the native CLI (tests/pytorch/check_readme.py).
# Not part of npm test: it installs python3-torch (about 70 MB).
set -euo pipefail
SCRIPT_NAME=test:pytorch
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh pytorch
bash scripts/build-core.sh native
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "README snippets: CLI model → PyTorch, PyTorch model → CLI"
/usr/bin/python3 tests/pytorch/check_readme.py README.md "$ROOT/build/native/core/cli/charrnn" "$work"
