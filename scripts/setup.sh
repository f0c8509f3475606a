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
# `setup.sh webkit`: WebKitGTK's WebDriver (with MiniBrowser), Xvfb and the en_US.UTF-8 locale, for the
# WebKit (Safari's engine) check (about 60 MB).
case "${1:-}" in
  # OpenBLAS: Debian's torch otherwise runs on the reference BLAS, ~15x slower (TOOLCHAIN.md).
  pytorch) probe[python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
           probe[libopenblas0-pthread]='/usr/lib/*/openblas-pthread/libopenblas*.so*' ;;
  firefox) probe[firefox-esr]=/usr/bin/firefox-esr ;;
  webkit)
    probe[webkit2gtk-driver]=/usr/bin/WebKitWebDriver
    probe[xvfb]=/usr/bin/Xvfb
    probe[locales]=/usr/share/i18n/locales/en_US ;;
esac
missing=()
for pkg in "${!probe[@]}"; do
  compgen -G "${probe[$pkg]}" >/dev/null || missing+=("$pkg")
done

# Runs a command as root: directly or through sudo; without either, prints it for a person to run.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    sh -c "$1"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo sh -c "$1"
  else
    say "cannot install without root. Please run, then try again:"
    printf '  sudo sh -c "%s"\n' "$1" >&2
    exit 1
  fi
}
can_be_root() { [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null && sudo -n true 2>/dev/null; }; }

if [ ${#missing[@]} -gt 0 ]; then
  IFS=$'\n' missing=($(sort <<<"${missing[*]}")); unset IFS
  say "installing Debian packages: ${missing[*]} (about 1-2 minutes on a fresh machine)"
  # Another apt or dpkg may be at work (a fresh cloud machine upgrades itself after boot): wait for it,
  # saying for whom; apt's own lock timeout then covers a lock taken in the moment between.
  source "$(dirname "$0")/apt-lock.sh"
  if can_be_root; then wait_for_package_manager; fi
  lock="-o DPkg::Lock::Timeout=$(apt_wait_left)"
  as_root "apt-get update -qq $lock && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $lock --no-install-recommends ${missing[*]}" \
    || { say "apt-get failed (its message is above); run this again once that is solved."; exit 1; }
else
  say "Debian packages present (emscripten, catch2, nlohmann-json, ninja, clang, chromium, a Korean font)"
fi

# The WebKit check runs its browser under en_US.UTF-8 (TOOLCHAIN.md): a C locale makes WebKitGTK report
# navigator.language as "C". Debian's `locales` ships the definition; localedef compiles it.
if [ "${1:-}" = webkit ] && ! locale -a 2>/dev/null | grep -qix 'en_US\.utf-\?8'; then
  say "creating the en_US.UTF-8 locale (for the WebKit check)"
  as_root "localedef -i en_US -f UTF-8 en_US.UTF-8"
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
