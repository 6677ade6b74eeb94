#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (host and wasm32), the Rust tests, the
# JavaScript type check and lint, the JavaScript unit tests (Node) and the end-to-end suite in
# real Chromium, the page benchmark in quick mode (it must run; its numbers
# do not gate), web-ext lint on the Firefox build, and the end-to-end test in real Firefox ESR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh

echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== clippy (host)"
cargo clippy --all-targets -- -D warnings
echo "== clippy (wasm32)"
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings
echo "== Rust tests"
cargo test
echo "== JavaScript: type check (tsc, JSDoc types) and lint (eslint)"
node_modules/.bin/tsc -p tsconfig.json
node_modules/.bin/eslint extension scripts tests/js
echo "== JavaScript unit tests and end-to-end tests (Chromium, write-nothing guard)"
node --test --test-concurrency=1 tests/js/ tests/e2e/
echo "== page benchmark, quick mode (proves it runs; docs/performance.md has the full figures)"
node scripts/bench-overlay.mjs --quick
echo "== web-ext lint (dist/firefox)"
node_modules/.bin/web-ext lint --source-dir dist/firefox --output text --warnings-as-errors=false
echo "== end-to-end test in Firefox ESR (geckodriver, write-nothing guard)"
bash scripts/setup-firefox.sh
STALLWATCH_REQUIRE_FIREFOX=1 node --test tests/e2e-firefox/
