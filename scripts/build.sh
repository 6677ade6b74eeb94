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
# The TypeScript declarations (pkg/stallwatch.d.ts) type-check the extension's calls into the
# core (tsconfig.json); they are not shipped.
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/stallwatch.wasm \
  --target web --out-dir pkg \
  --remove-name-section --remove-producers-section
# --all-features lets wasm-opt read what rustc emits; compact imports are a newer encoding that
# Chromium 156 refuses ("Invalid import kind 127"), so they stay off.
node_modules/.bin/wasm-opt -Oz --all-features --disable-compact-imports \
  pkg/stallwatch_bg.wasm -o pkg/stallwatch_bg.wasm

echo "== building the stallwatch CLI"
cargo build --release --bin stallwatch

version=$(node -p "require('./extension/manifest.json').version")
# The read plans as JavaScript (also read by the tests), then the content scripts as the one
# minified file every CRM page loads: the plans, the plan interpreter, the structure report and
# the mounting script with its modules (content/, lib/) bundled in, in that order (each sets its
# global before the next uses it). A second build counts reads for the page benchmark and the
# tests that measure reading (STALLWATCH_COUNTERS); the shipped one has no counters.
target/release/stallwatch read-plan > dist/read_plan.js
for variant in shipped counting; do
  counting=false; [ "$variant" = counting ] && counting=true
  node_modules/.bin/esbuild extension/content.js --bundle --format=iife --target=es2022 \
    --define:STALLWATCH_COUNTERS=$counting --minify-syntax --log-level=warning > "dist/content.$variant.js"
  cat dist/read_plan.js extension/read_page.js extension/page_structure.js "dist/content.$variant.js" \
    | node_modules/.bin/esbuild --minify --legal-comments=none --target=es2022 --log-level=warning \
    > "dist/content.$variant.min.js"
done
for browser in chrome firefox; do
  out="dist/$browser"
  rm -rf "$out"
  mkdir -p "$out/pkg"
  cp -r extension/. "$out/"
  cp pkg/stallwatch.js pkg/stallwatch_bg.wasm "$out/pkg/"
  cp dist/content.shipped.min.js "$out/content.js"
  rm -rf "$out/read_page.js" "$out/page_structure.js" "$out/content"
  node scripts/manifest.mjs "$browser" extension/manifest.json "$(target/release/stallwatch hosts)" > "$out/manifest.json"
  # relay.js is Firefox's background script; Chromium's overlay needs no background.
  [ "$browser" = firefox ] || rm -f "$out/relay.js"
  rm -f "dist/stallwatch-$browser-$version.zip"
  (cd "$out" && zip -qr -X "../stallwatch-$browser-$version.zip" .)
done

# The same Chromium build with the counting content script: for the page benchmark and the
# end-to-end tests that count reads (never packaged).
rm -rf dist/chrome-instrumented
cp -r dist/chrome dist/chrome-instrumented
cp dist/content.counting.min.js dist/chrome-instrumented/content.js

wasm_bytes=$(stat -c %s pkg/stallwatch_bg.wasm)
gz_bytes=$(gzip -9 -c pkg/stallwatch_bg.wasm | wc -c)
echo "== built dist/chrome, dist/firefox and their zips (wasm: $wasm_bytes bytes, $gz_bytes gzipped)"
