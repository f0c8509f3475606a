#!/usr/bin/env bash
# Configures (once) and builds the C++ tree: native (tests, CLI) and/or WebAssembly (web/generated/core.mjs,
# and the same tests as wasm). Incremental: a second run only rebuilds what changed.
#   scripts/build-core.sh [native] [wasm] [sanitize]   (default: native wasm)
set -euo pipefail
SCRIPT_NAME=build
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
mkdir -p build
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(native wasm)

for target in "${targets[@]}"; do
  dir=build/$target
  case $target in
    native) configure=(cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release) ;;
    # clang: ASan + UBSan for the Catch2 suite and the libFuzzer targets in one build. -O1: sanitizers
    # need no more, and the build stays quick. Line tables only: a report names file and line of every
    # frame, without the full debug information that made this the longest of the three builds.
    sanitize) configure=(cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only"
                         -DCHARRNN_SANITIZE=ON -DCMAKE_CXX_COMPILER=clang++) ;;
    wasm) configure=(emcmake cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release
                     # node runs the wasm tests; without this emcmake passes a flag node 20 rejects and
                     # test discovery silently finds nothing (TOOLCHAIN.md)
                     -DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH) ;;
    *) say "unknown build '$target' (native, wasm or sanitize)"; exit 2 ;;
  esac
  if [ ! -f "$dir/build.ninja" ]; then
    say "configuring the $target build in $dir"
    "${configure[@]}" > "$dir.configure.log" 2>&1 || { cat "$dir.configure.log" >&2; exit 1; }
  fi
  say "building $target"
  ninja -C "$dir" -j "$JOBS" | grep -v '^\[' || [ "${PIPESTATUS[0]}" = 0 ]
done
