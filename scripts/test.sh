#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm), unit and property tests of all
# crates, the release build, then the Playwright journeys in Debian Chromium against the
# stand-in backend over HTTPS with client certificates. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/end2end/node_modules/.bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy (native, all targets)"
cargo clippy --workspace --all-targets -- -D warnings
step "cargo clippy (SPA and PDF worker for wasm32)"
cargo clippy -p kanri -p kanri-pdf-worker --target wasm32-unknown-unknown -- -D warnings
step "unit and property tests"
cargo test --workspace
step "release build of the SPA (trunk)"
trunk build --release
step "stand-in backend"
cargo build -p kanri-stub
step "end-to-end (Playwright, Chromium, mutual TLS)"
(cd end2end && npx playwright test)

printf '\nAll tests passed in %ss.\n' "$(( $(date +%s) - started ))"
