#!/usr/bin/env bash
# Builds the site and serves it on http://127.0.0.1:${PORT:-8080}/ (rebuilds on
# change; reload the page to see it). It builds into target/serve-$PORT, not
# dist/, so the tests (scripts/test.sh, which build and serve dist/) and another
# server on another port can run beside it; Trunk injects no reload script,
# which the page's Content-Security-Policy would block (a console error).
#
# Whatever stops the server, this script says so: Ctrl-C, a signal from
# elsewhere (with its name), or Trunk ending on its own (with its status).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
bash scripts/setup.sh --build
echo "Serving on http://127.0.0.1:$PORT/"
scripts/wasm-env.sh trunk serve --release --offline --address 127.0.0.1 --port "$PORT" \
  --dist "target/serve-$PORT" --no-autoreload --no-error-reporting &
SERVER=$!
stop() {
  echo "run.sh: stopped by $1; stopping the server (pid $SERVER)." >&2
  trap - INT TERM HUP
  kill -TERM "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  exit 0
}
for sig in INT TERM HUP; do
  # shellcheck disable=SC2064
  trap "stop SIG$sig" "$sig"
done
set +e
wait "$SERVER"
status=$?
set -e
if [ "$status" -gt 128 ]; then
  echo "run.sh: the server (trunk serve) was killed by signal $((status - 128)) ($(kill -l "$status" 2>/dev/null || echo '?')); nothing is serving on port $PORT." >&2
else
  echo "run.sh: the server (trunk serve) ended with status $status; nothing is serving on port $PORT." >&2
fi
exit "$status"
