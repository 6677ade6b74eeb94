#!/usr/bin/env bash
# Builds the Rust core to WebAssembly (pkg/), the `stallwatch` CLI, and the two unpacked
# extensions dist/chrome and dist/firefox, plus store-ready zips in dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== building the Rust core for wasm32"
cargo build --lib --profile wasm-release --target wasm32-unknown-unknown
rm -rf pkg/stallwatch* pkg/package.json pkg/*.d.ts
mkdir -p dist
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/stallwatch.wasm \
  --target web --out-dir pkg --no-typescript \
  --remove-name-section --remove-producers-section
# --all-features lets wasm-opt read what rustc emits; compact imports are a newer encoding that
# Chromium 156 refuses ("Invalid import kind 127"), so they stay off.
node_modules/.bin/wasm-opt -Oz --all-features --disable-compact-imports \
  pkg/stallwatch_bg.wasm -o pkg/stallwatch_bg.wasm

echo "== building the stallwatch CLI"
cargo build --release --bin stallwatch

version=$(node -p "require('./extension/manifest.json').version")
# The read plans as JavaScript (also read by the tests), then the four content scripts as the one
# minified file every CRM page loads: the plans, the plan interpreter, the structure report and
# the mounting script, in that order (each sets its global before the next uses it).
target/release/stallwatch read-plan > dist/read_plan.js
cat dist/read_plan.js extension/read_page.js extension/page_structure.js extension/content.js \
  | node_modules/.bin/esbuild --minify --legal-comments=none --target=es2022 --log-level=warning \
  > dist/content.min.js
for browser in chrome firefox; do
  out="dist/$browser"
  rm -rf "$out"
  mkdir -p "$out/pkg"
  cp -r extension/. "$out/"
  cp pkg/stallwatch.js pkg/stallwatch_bg.wasm "$out/pkg/"
  cp dist/content.min.js "$out/content.js"
  rm -f "$out/read_page.js" "$out/page_structure.js"
  node scripts/manifest.mjs "$browser" extension/manifest.json "$(target/release/stallwatch hosts)" > "$out/manifest.json"
  # relay.js is Firefox's background script; Chromium's overlay needs no background.
  [ "$browser" = firefox ] || rm -f "$out/relay.js"
  rm -f "dist/stallwatch-$browser-$version.zip"
  (cd "$out" && zip -qr -X "../stallwatch-$browser-$version.zip" .)
done

wasm_bytes=$(stat -c %s pkg/stallwatch_bg.wasm)
gz_bytes=$(gzip -9 -c pkg/stallwatch_bg.wasm | wc -c)
echo "== built dist/chrome, dist/firefox and their zips (wasm: $wasm_bytes bytes, $gz_bytes gzipped)"
