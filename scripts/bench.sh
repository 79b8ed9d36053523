#!/usr/bin/env bash
# The benchmark: builds the release site, measures the model (criterion) and the
# page in Chromium, and writes bench-report/report.{json,md}. Benchmarks measure;
# they do not fail on targets (the report says which are met).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh
scripts/wasm-env.sh trunk build --release --offline
cargo bench -q -p changji-model --bench evaluate -- --warm-up-time 1 --measurement-time 5 | tee /tmp/changji-bench.txt
# criterion prints "time:   [low mid high]"; take the middle estimate, in ns.
MODEL_NS=$(awk '/time:/ { v=$5; u=$6; gsub(/\[/,"",v);
  if (u=="µs"||u=="us") v*=1000; else if (u=="ms") v*=1000000; print v; exit }' /tmp/changji-bench.txt)
export MODEL_NS
node e2e/bench.mjs
