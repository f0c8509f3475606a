#!/usr/bin/env bash
# PyTorch against the core: the README's snippets (tests/pytorch/check_readme.py; taggers and classifiers:
# tests/pytorch/check_tasks.py) and continuing a run in
# PyTorch with python/continue_training.py (one optimizer step equals the core's, a continued run lowers
# the loss and comes back to charrnn, torchrun with 2 processes equals 1, clear errors).
# Not part of npm test: it installs python3-torch (about 70 MB) and OpenBLAS.
set -euo pipefail
SCRIPT_NAME=test:pytorch
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh pytorch
bash scripts/build-core.sh native
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One BLAS thread per process: OpenMP and OpenBLAS threads otherwise oversubscribe the cores, and
# torchrun runs two processes (TOOLCHAIN.md).
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
charrnn="$ROOT/build/native/core/cli/charrnn"
python=/usr/bin/python3  # Debian's, which has torch; another python3 first on PATH may not
say "README snippets: CLI model → PyTorch, PyTorch model → CLI"
"$python" tests/pytorch/check_readme.py README.md "$charrnn" "$work"
say "README task snippet: taggers and classifiers, bidirectional, in PyTorch"
mkdir -p "$work/tasks"
"$python" tests/pytorch/check_tasks.py README.md "$charrnn" "$work/tasks"
for test in optimizer_step continued_run torchrun errors; do
  say "continue_training.py: $test"
  mkdir -p "$work/$test"
  "$python" "tests/pytorch/${test}_test.py" "$charrnn" "$work/$test"
done
