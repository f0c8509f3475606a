#!/usr/bin/env bash
# Installs what the project needs and is missing, and nothing else; safe to run again (a set-up machine
# skips every install). Only Debian packages and the npm registry are reachable, so both come from there.
set -euo pipefail
SCRIPT_NAME=setup
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Debian package → a file (glob) whose presence proves it is installed (cheaper and stricter than dpkg -s).
declare -A probe=(
  [emscripten]=/usr/bin/em++
  [catch2]=/usr/include/catch2/catch.hpp
  [nlohmann-json3-dev]=/usr/include/nlohmann/json.hpp
  [ninja-build]=/usr/bin/ninja
  [cmake]=/usr/bin/cmake
  [g++]=/usr/bin/g++
  [clang]=/usr/bin/clang++
  [libclang-rt-14-dev]='/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a'
  [chromium]=/usr/bin/chromium
  # A Korean font for the test browser, so screenshots show Hangul (the page itself names the system's
  # Korean fonts and ships none).
  [fonts-nanum]=/usr/share/fonts/truetype/nanum/NanumGothic.ttf
)
# `setup.sh pytorch`: also Debian's PyTorch and OpenBLAS, for npm run test:pytorch only (70 MB, so npm test leaves it out).
# `setup.sh firefox`: Debian's Firefox ESR, for the Firefox check (80 MB).
case "${1:-}" in
  # OpenBLAS: Debian's torch otherwise runs on the reference BLAS, ~15x slower (TOOLCHAIN.md).
  pytorch) probe[python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
           probe[libopenblas0-pthread]='/usr/lib/*/openblas-pthread/libopenblas*.so*' ;;
  firefox) probe[firefox-esr]=/usr/bin/firefox-esr ;;
esac
missing=()
for pkg in "${!probe[@]}"; do
  compgen -G "${probe[$pkg]}" >/dev/null || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  IFS=$'\n' missing=($(sort <<<"${missing[*]}")); unset IFS
  cmd="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing[*]}"
  say "installing Debian packages: ${missing[*]} (about 1-2 minutes on a fresh machine)"
  if [ "$(id -u)" = 0 ]; then
    sh -c "$cmd"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo sh -c "$cmd"
  else
    say "cannot install without root. Please run, then try again:"
    printf '  sudo sh -c "%s"\n' "$cmd" >&2
    exit 1
  fi
else
  say "Debian packages present (emscripten, catch2, nlohmann-json, ninja, clang, chromium, a Korean font)"
fi

node_major=$(node -p 'process.versions.node.split(".").map(Number).reduce((a, b, i) => i < 2 ? a * 1000 + b : a)' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20019 ]; then
  say "Node.js $(node --version 2>/dev/null || echo 'is missing'): Vite needs 20.19 or newer. Install a newer Node.js and run again."
  exit 1
fi

# npm ci only when package-lock.json changed since the last install (stamp inside node_modules).
stamp=node_modules/.setup-stamp
want=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
else
  say "npm packages up to date"
fi
