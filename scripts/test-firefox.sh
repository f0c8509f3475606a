#!/usr/bin/env bash
# The built site (dist/) in Debian's Firefox ESR: trains, probes and samples (tests/web/firefox/smoke.mjs).
set -euo pipefail
SCRIPT_NAME=test:firefox
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh firefox
[ -f dist/index.html ] || bash scripts/build.sh
port=4593 bidi=9333
profile=$(mktemp -d)
# vite itself, not through npx: npx runs it as a child that the kill below would leave serving.
node_modules/.bin/vite preview --config web/vite.config.ts --port "$port" --strictPort > "$profile.preview.log" 2>&1 &
preview=$!
firefox-esr --headless --no-remote --profile "$profile" --remote-debugging-port "$bidi" > "$profile.firefox.log" 2>&1 &
firefox=$!
trap 'kill $preview $firefox 2>/dev/null; wait 2>/dev/null; rm -rf "$profile" "$profile".*.log' EXIT
for _ in $(seq 240); do  # up to 2 minutes: a busy machine starts Firefox slowly
  (exec 3<>/dev/tcp/127.0.0.1/$bidi) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break
  sleep 0.5
done
mkdir -p artifacts/screenshots
say "the playground in $(firefox-esr --version 2>/dev/null)"
BIDI_PORT=$bidi node --no-warnings --experimental-websocket tests/web/firefox/smoke.mjs "http://localhost:$port/" artifacts/screenshots/firefox-1280.png
