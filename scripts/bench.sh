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
# criterion prints "<name>  time:   [low unit mid unit high unit]" (the name may hold
# spaces); take the middle estimate of the first benchmark (one evaluation), in ns.
MODEL_NS=$(awk '/time:/ { sub(/.*time: *\[/, ""); split($0, a, " "); v=a[3]; u=a[4];
  if (u=="µs"||u=="us") v*=1000; else if (u=="ms") v*=1000000; print v; exit }' /tmp/changji-bench.txt)
case "$MODEL_NS" in ''|*[!0-9.]*) echo "bench.sh: could not read criterion's time" >&2; exit 1 ;; esac
export MODEL_NS
node e2e/bench.mjs
