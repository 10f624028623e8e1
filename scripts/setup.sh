#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already there at the
# right version: Debian packages (Chromium, fonts, poppler), the wasm target, Trunk,
# wasm-bindgen-cli (the exact version in Cargo.lock), wasm-split-cli, and the npm packages of end2end/
# (Playwright, axe-core, binaryen's wasm-opt, esbuild). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14

apt_missing=()
command -v chromium >/dev/null 2>&1 || apt_missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || apt_missing+=(poppler-utils)
dpkg -s fonts-ipaexfont-gothic >/dev/null 2>&1 || apt_missing+=(fonts-ipaexfont-gothic)
if [ ${#apt_missing[@]} -gt 0 ]; then
  echo "setup: apt-get install ${apt_missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  echo "setup: cargo install trunk $TRUNK_VERSION (about 8 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock (and Trunk.toml).
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must be \"$WB_VERSION\" (Cargo.lock)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  echo "setup: cargo install wasm-bindgen-cli $WB_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks (docs/DECISIONS.md).
  cargo install wasm-bindgen-cli --version "=$WB_VERSION"
fi

# wasm-split-cli cuts the SPA into lazily loaded parts (scripts/build-spa.sh).
WASM_SPLIT_VERSION=0.2.4
# (It has no --version: cargo's list of installed packages tells.)
if ! command -v wasm-split-cli >/dev/null 2>&1 \
  || ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  echo "setup: cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 2 minutes)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked --features build-binary
fi

if [ ! -x end2end/node_modules/.bin/playwright ] || [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -x end2end/node_modules/.bin/esbuild ] \
  || ! cmp -s end2end/package-lock.json end2end/node_modules/.package-lock.json.copy 2>/dev/null; then
  echo "setup: npm ci (end2end)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp end2end/package-lock.json end2end/node_modules/.package-lock.json.copy
fi
