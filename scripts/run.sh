#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:${PORT:-8080}/ (rebuilds on change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --build
echo "Serving on http://127.0.0.1:${PORT:-8080}/"
exec scripts/wasm-env.sh trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}"
