#!/usr/bin/env bash
# Builds the SPA's WebAssembly split into a small first download and lazily loaded parts.
#
# Run by Trunk as a post_build hook (Trunk.toml), for `trunk build` and `trunk serve`
# alike; Trunk itself builds only the PDF worker. Steps:
#   1. cargo builds the `kanri` binary for wasm32 with relocations kept (--emit-relocs), which
#      wasm-split needs, and `--cfg erase_components`, which makes Leptos type-erase every
#      component (much less generic code; same behaviour). Its own target directory, so
#      these flags never invalidate the other builds.
#   2. wasm-split-cli cuts the module at the split points of src/shell/routes.rs (`routed_app`,
#      the router, and the `screen_part!` of every screen, which names its feature's part):
#      each part becomes a `split_*.wasm` module, code that two of them share becomes a
#      `chunk_*.wasm`, and `__wasm_split.js` loads them on first use.
#   3. wasm-bindgen (web target) generates the JS glue for the main module.
#   4. In release builds wasm-opt -Oz shrinks every module of 4 KB or more (binaryen 132 from npm; never
#      Debian's, which breaks the module: docs/DECISIONS.md), and esbuild (npm) minifies the
#      JavaScript (the glue and the parts' loader are in the first download: 21 KB gzip
#      before, 14 KB after).
# Output: $TRUNK_STAGING_DIR/wasm/ (kanri.js, kanri_bg.wasm, __wasm_split.js, the parts) and
# the loader /wasm/start.js that index.html references (an external script: the CSP needs
# no hash for it).
set -euo pipefail

src="$(cd "$(dirname "$0")/.." && pwd)"
staging="${TRUNK_STAGING_DIR:?run by trunk (post_build hook)}"
profile="${TRUNK_PROFILE:-debug}"
target_dir="$src/target/spa"
work="$target_dir/split-$profile"

cargo_profile=()
[ "$profile" = release ] && cargo_profile=(--release)

# Panic messages name their source file: crates.io sources as `/crates/…` rather than by
# their full path in the registry (shorter strings in the first download; the app's own
# paths stay as they are, which stylers' class names depend on).
remap=""
for registry in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  remap="$remap --remap-path-prefix=${registry%/}=/crates"
done

RUSTFLAGS="-Clink-args=--emit-relocs --cfg erase_components$remap" \
  cargo build --manifest-path "$src/Cargo.toml" -p kanri --bin kanri \
  --target wasm32-unknown-unknown --target-dir "$target_dir" "${cargo_profile[@]}"

rm -rf "$work"
mkdir -p "$work/split" "$work/out"
wasm-split-cli "$target_dir/wasm32-unknown-unknown/$profile/kanri.wasm" "$work/split" --out-name kanri
wasm-bindgen --target web --keep-lld-exports --no-demangle --out-name kanri \
  --out-dir "$work/out" "$work/split/kanri.wasm"

out="$staging/wasm"
mkdir -p "$out"
cp "$work/out/kanri.js" "$out/kanri.js"
cp "$work/out/kanri_bg.wasm" "$out/kanri_bg.wasm"
cp "$work/split/__wasm_split.js" "$out/__wasm_split.js"
find "$work/split" -maxdepth 1 -name '*.wasm' ! -name kanri.wasm -exec cp {} "$out/" \;

if [ "$profile" = release ]; then
  # Parts under 4 KB are left as they are: each wasm-opt run costs seconds (binaryen from
  # npm runs in node) and would save a few hundred bytes of a part rarely fetched.
  find "$out" -name '*.wasm' -size +4k -print0 |
    xargs -0 -P "$(nproc)" -I{} wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int {} -o {}
fi

cat > "$out/start.js" <<'JS'
// Starts the SPA: loads the main module (the parts follow on first use of a screen), then
// announces it as Trunk's own loader does (the benchmark reads the module's memory).
import init from "./kanri.js";
const wasm = await init();
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
JS

if [ "$profile" = release ]; then
  # Minified in place, ES modules as they are (exports keep their names). The glue lists
  # the parts' loader once per import; esbuild warns about those repeated keys, which
  # name one and the same module.
  for js in kanri.js __wasm_split.js start.js; do
    esbuild --minify --format=esm --log-level=error --allow-overwrite "$out/$js" --outfile="$out/$js"
  done
fi
