#!/usr/bin/env bash
# Benchmark (not a test: it prints figures and fails only when it cannot measure).
# Builds the SPA (release) and the stand-in backend, seeds a separate throwaway data folder
# with the demo company plus 1,000 users (`reset --bench-users 1000`), serves a copy of
# dist/ over HTTPS on 127.0.0.1:8543 and runs end2end/bench/bench.mjs in Debian's Chromium:
# initial download, time to a usable login screen (vs. a static HTML copy), click-to-paint
# latencies (also at 4x CPU throttling), the 3,000-row history PDF, and JS/wasm heap growth.
# The Markdown table goes to stdout and to target/bench/latest.md.
#   scripts/bench.sh                 (BENCH_RUNS=30 click runs, BENCH_LOADS=10 page loads)
#   SKIP_BUILD=1 scripts/bench.sh    (reuse dist/ and target/release/stub-server)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$HOME/.cargo/bin:$root/end2end/node_modules/.bin:$PATH"

PORT=${BENCH_PORT:-8543}
DATA=$root/target/bench-data
SITE=$root/target/bench-dist
OUT=$root/target/bench
STUB=$root/target/release/stub-server

[ -d end2end/node_modules/playwright-core ] || { echo "bench: run scripts/setup.sh first (Playwright)" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "bench: trunk build --release" >&2
  trunk build --release >&2
  echo "bench: cargo build --release -p kanri-stub" >&2
  cargo build --release -p kanri-stub >&2
fi
[ -x "$STUB" ] || { echo "bench: $STUB missing (run without SKIP_BUILD)" >&2; exit 1; }
[ -f dist/index.html ] || { echo "bench: dist/index.html missing (run without SKIP_BUILD)" >&2; exit 1; }

# A copy of dist/ (the bench adds its static login page to it; the real dist stays as built).
rm -rf "$SITE" "$DATA"
mkdir -p "$OUT"
cp -r dist "$SITE"
"$STUB" --data "$DATA" reset --bench-users 1000 >&2
"$STUB" --data "$DATA" serve --https "127.0.0.1:$PORT" --dist "$SITE" --idle-timeout-secs 3600 \
  >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
  if curl -sk -o /dev/null "https://127.0.0.1:$PORT/api/auth/context"; then break; fi
  kill -0 "$server" 2>/dev/null || { cat "$OUT/server.log" >&2; echo "bench: the server stopped" >&2; exit 1; }
  sleep 0.2
done

BENCH_URL="https://127.0.0.1:$PORT" BENCH_SITE="$SITE" BENCH_DIST="$root/dist" BENCH_OUT="$OUT" \
  node end2end/bench/bench.mjs
