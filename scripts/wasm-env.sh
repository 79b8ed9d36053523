#!/usr/bin/env bash
# Runs a command with the wasm32 build environment that scripts/setup.sh chose
# (empty on a machine with rustup's wasm32 target).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# shellcheck disable=SC1091
[ -f .tools/wasm-env.sh ] && . .tools/wasm-env.sh
exec "$@"
