#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:${PORT:-8080}/ (rebuilds on
# change; reload the page to see it). It builds into target/dist-serve, not dist/,
# so the tests (scripts/test.sh, which build and serve dist/) can run beside it,
# and Trunk injects no reload script, which the page's Content-Security-Policy
# would block (a console error on a first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build
# Trunk.toml's [watch] ignore list must name folders that exist.
mkdir -p dist target test-results bench-report .tools node_modules
echo "Serving on http://127.0.0.1:${PORT:-8080}/"
exec scripts/wasm-env.sh trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}" \
  --dist target/dist-serve --no-autoreload --no-error-reporting
