#!/usr/bin/env bash
# The benchmark: builds the release site, measures the model (criterion) and the
# page in Chromium (BENCH_RUNS times in a row, default 5), and writes
# bench-report/report.{json,md} (the last run), run-N.json and runs.md (every
# run's targets side by side). Benchmarks measure; they do not fail on targets
# (the report says which are met). Lighthouse 12 is installed into .tools/ for
# it (npm), not for the tests.
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
if [ ! -x .tools/lighthouse/node_modules/.bin/lighthouse ]; then
  npm install --prefix .tools/lighthouse --no-audit --no-fund lighthouse@12 >/dev/null \
    || echo "bench.sh: could not install Lighthouse; its rows will read 'not measured'" >&2
fi
rm -f bench-report/run-*.json
for i in $(seq 1 "${BENCH_RUNS:-5}"); do
  node e2e/bench.mjs
  cp bench-report/report.json "bench-report/run-$i.json"
done
node e2e/bench-runs.mjs bench-report/run-*.json | tee bench-report/runs.md
