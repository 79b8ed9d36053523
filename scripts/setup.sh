#!/usr/bin/env bash
# Installs everything the project needs, idempotently; quick when all is present.
#
#   bash scripts/setup.sh            # everything (build + tests)
#   bash scripts/setup.sh --build    # only what building and serving needs
#
# Two worlds (see README):
#   * an ordinary machine with rustup: adds the wasm32-unknown-unknown target;
#   * a machine where rustup cannot fetch it: Debian's rustc-web, rust-web-src and
#     lld, with std built from source (build-std). The environment for that is
#     written to .tools/wasm-env.sh and exported only by scripts/wasm-env.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"
WANT_TESTS=1
[ "${1:-}" = "--build" ] && WANT_TESTS=0

TRUNK_VERSION=0.21.14
log() { printf '[setup] %s\n' "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
SUDO=""
if [ "$(id -u)" != 0 ] && have sudo; then SUDO=sudo; fi

APT_UPDATED=0
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  have apt-get || { log "need ${missing[*]} but apt-get is not available: install them by hand"; return 1; }
  if [ $APT_UPDATED = 0 ]; then $SUDO apt-get update -qq; APT_UPDATED=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

export PATH="$HOME/.cargo/bin:$PATH"

# 1. A Rust toolchain for the host (fmt, clippy, native tests, installing tools).
if ! have cargo; then
  if have rustup; then rustup default stable; else
    log "no cargo: install Rust with rustup (https://rustup.rs) and re-run"; exit 1
  fi
fi

# 2. The wasm32 target, in whichever world this is.
WORLD=""
if have rustup && rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
  WORLD=rustup
elif [ -d /usr/lib/rustlib/src/rust ] && [ -x /usr/lib/llvm-22/bin/wasm-ld ] && [ -x /usr/bin/rustc ]; then
  WORLD=debian
elif have rustup && timeout "${RUSTUP_TIMEOUT:-60}" rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
  WORLD=rustup
else
  log "rustup cannot add wasm32-unknown-unknown here: using Debian's rustc-web with build-std"
  apt_install rustc-web cargo-web rust-web-src lld-22
  WORLD=debian
fi
if [ "$WORLD" = debian ]; then
  cat > "$TOOLS/wasm-env.sh" <<'ENV'
# Written by scripts/setup.sh: build wasm32 with Debian's rustc and build-std.
export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
ENV
else
  : > "$TOOLS/wasm-env.sh"
fi
log "wasm32 toolchain: $WORLD"

# Node packages (plotly.js, esbuild; playwright-core, axe-core for tests),
# fetched in the background while steps 3 and 4 compile: npm mostly waits on
# the network and the disk, so on a fresh machine the page is served about
# that much sooner (docs/performance.md, "A fresh machine").
have node && have npm || apt_install nodejs npm
NPM=""
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci, in the background (log: .tools/npm.log)"
  npm ci --no-audit --no-fund --loglevel=error > "$TOOLS/npm.log" 2>&1 &
  NPM=$!
  # If setup fails on the way, npm does not go on writing node_modules.
  trap '[ -n "$NPM" ] && kill "$NPM" 2>/dev/null; true' EXIT
fi

# 3. Trunk, at the pinned version.
if ! (have trunk && trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"); then
  # --debug: Trunk only builds and serves, and an unoptimised Trunk builds the
  # site as fast (11 min 19 s to compile optimised here). Without its default
  # features (TLS and the update check: it runs --offline and downloads
  # nothing) and without debug info it compiles in 3 min 54 s instead of
  # 4 min 59 s, measured in the same hour (docs/performance.md, "A fresh machine").
  log "cargo install --debug trunk@$TRUNK_VERSION (a few minutes on 2 cores)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --debug --locked --no-default-features "trunk@$TRUNK_VERSION"
fi

# 4. wasm-bindgen CLI, the version Cargo.lock pins.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! (have wasm-bindgen && wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"); then
  log "cargo install --debug wasm-bindgen-cli@$WB_VERSION (about 2 minutes)"
  # Without --locked: its lock file pins a webpki-roots release some registries lack.
  # --debug: it processes the release wasm in 0.7 s. Only the wasm-bindgen
  # binary (not the test runner), without TLS (its default feature, for the
  # test runner's downloads) or debug info: 1 min 13 s instead of 1 min 40 s
  # (docs/performance.md, "A fresh machine").
  CARGO_PROFILE_DEV_DEBUG=0 cargo install --debug --force --no-default-features \
    --bin wasm-bindgen "wasm-bindgen-cli@$WB_VERSION"
fi

# 5. Node packages: fetched beside the tools' compiling (above), waited for here.
if [ -n "$NPM" ]; then
  wait "$NPM" || { log "npm ci failed; the end of .tools/npm.log:"; tail -n 30 "$TOOLS/npm.log" >&2; exit 1; }
  NPM=""
  log "npm ci: done"
fi

# 6. The partial plotly.js bundle the site serves (only the trace types it uses).
BUNDLE=public/vendor/plotly.min.js
if [ ! -f "$BUNDLE" ] || [ scripts/bundle-plotly.mjs -nt "$BUNDLE" ] || [ package-lock.json -nt "$BUNDLE" ]; then
  log "bundling plotly.js"
  node scripts/bundle-plotly.mjs
fi

# 7. A browser for the end-to-end tests.
if [ $WANT_TESTS = 1 ]; then
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then apt_install chromium; fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt 2>/dev/null || true
fi
log "ready"
