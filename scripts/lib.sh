# Shared by the scripts: messages, and the environment Debian's emscripten needs.
say() { printf '\033[1m[%s]\033[0m %s\n' "${SCRIPT_NAME:-charrnn}" "$*" >&2; }
# emcc's optimizer needs Debian's node-acorn (TOOLCHAIN.md: "Cannot find module 'acorn'").
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=$(nproc 2>/dev/null || echo 2)
