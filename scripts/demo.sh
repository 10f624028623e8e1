#!/usr/bin/env bash
# Runs the app with demo data: the stand-in backend in plain-HTTP mode on 127.0.0.1:8081
# and `trunk serve` on http://127.0.0.1:8080 (which proxies /api to the backend).
#
#   DEMO_AS_CERTIFICATE=master01 scripts/demo.sh   preview the certificate login as that user
#   DEMO_RESET=1 scripts/demo.sh                   start from fresh demo data
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

cargo build -p kanri-stub
STUB=target/debug/stub-server
DATA=.stub-data
if [ "${DEMO_RESET:-0}" = 1 ]; then "$STUB" --data "$DATA" reset; fi
args=(--data "$DATA" serve --http 127.0.0.1:8081)
if [ -n "${DEMO_AS_CERTIFICATE:-}" ]; then args+=(--as-certificate "$DEMO_AS_CERTIFICATE"); fi
"$STUB" "${args[@]}" &
stub=$!
trap 'kill $stub 2>/dev/null || true' EXIT INT TERM

# The page is announced only once it answers: the first build of a fresh clone takes a
# few minutes, and a URL printed before that would refuse connections.
trunk serve &
serve=$!
trap 'kill $stub $serve 2>/dev/null || true' EXIT INT TERM
started=$(date +%s)
printf '\n  Building the SPA (the first build of a fresh clone takes a few minutes)…\n'
until curl -fsS -o /dev/null http://127.0.0.1:8080/ 2>/dev/null; do
  if ! kill -0 "$serve" 2>/dev/null; then
    echo "demo: trunk serve stopped before the page was ready" >&2
    exit 1
  fi
  sleep 2
  waited=$(( $(date +%s) - started ))
  if [ $(( waited % 30 )) -lt 2 ]; then printf '  … still building (%ss)\n' "$waited"; fi
done

cat <<TXT

  みなと銀行 法人インターネットバンキング 管理 (demo), ready after $(( $(date +%s) - started ))s
  → http://127.0.0.1:8080   (demo users and passwords: README.md)

TXT
wait "$serve"
