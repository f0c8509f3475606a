#!/usr/bin/env bash
# The built site (dist/) in WebKit, Safari's engine: Debian's WebKitGTK MiniBrowser, driven over W3C
# WebDriver on a virtual display (tests/web/webkit/smoke.mjs). Two drivers: one under en_US.UTF-8 (a
# person's usual browser) and one under C.UTF-8, where WebKitGTK reports navigator.language as "C".
set -euo pipefail
SCRIPT_NAME=test:webkit
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh webkit
[ -f dist/index.html ] || bash scripts/build.sh

work=$(mktemp -d)
pids=()
# Each helper runs in a process group of its own (setsid), so that the browsers a driver started go
# with it, even if the driver dies first.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
start() {  # start LOGNAME COMMAND…: in the background, output to $work/LOGNAME.log
  local log=$1
  shift
  setsid "$@" > "$work/$log.log" 2>&1 &
  pids+=($!)
}
# Free TCP ports, from the kernel (port 0), so that parallel checkouts do not collide.
read -r site_port driver_port c_driver_port < <(node -e '
  const net = require("node:net");
  Promise.all([0, 0, 0].map(() => new Promise((ok) => { const s = net.createServer().listen(0, "127.0.0.1", () => ok(s)); })))
    .then((servers) => { console.log(servers.map((s) => s.address().port).join(" ")); servers.forEach((s) => s.close()); });')
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Xvfb picks a free display itself and writes its number to the file given by -displayfd.
exec 4> "$work/display"
start xvfb Xvfb -displayfd 4 -screen 0 1920x1200x24 -nolisten tcp
exec 4>&-
for _ in $(seq 1200); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { say "Xvfb did not start: $(cat "$work/xvfb.log")"; exit 1; }
display=":$(head -n1 "$work/display")"

start preview npx vite preview --config web/vite.config.ts --port "$site_port" --strictPort
start driver env DISPLAY="$display" LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 WebKitWebDriver --port="$driver_port"
start driver-c env DISPLAY="$display" LANG=C.UTF-8 LC_ALL=C.UTF-8 WebKitWebDriver --port="$c_driver_port"
for port in "$site_port" "$driver_port" "$c_driver_port"; do
  for _ in $(seq 600); do listening "$port" && break; sleep 0.2; done  # up to 2 min: a busy machine starts slowly
  listening "$port" || { say "nothing listens on port $port; logs:"; tail -n 5 "$work"/*.log >&2; exit 1; }
done

mkdir -p artifacts/screenshots
say "the playground in WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver) (MiniBrowser on display $display)"
SITE_URL="http://localhost:$site_port/" WEBDRIVER_URL="http://127.0.0.1:$driver_port" \
  C_LOCALE_WEBDRIVER_URL="http://127.0.0.1:$c_driver_port" SHOTS=artifacts/screenshots \
  node tests/web/webkit/smoke.mjs
