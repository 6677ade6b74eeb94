#!/usr/bin/env bash
# Installs what the Firefox end-to-end test (tests/e2e-firefox/) needs, from the package
# registries only, idempotently: Debian's firefox-esr, openssl (the test's throwaway
# certificate) and zip (packs the add-on for geckodriver), and geckodriver from crates.io at a
# pinned version. Nothing here downloads a browser or a binary from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# 0.37.0 builds here with --locked (rustc 1.95) and drives Firefox ESR 153.
GECKODRIVER_VERSION=0.37.0

need_apt=()
command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} from Debian"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# `geckodriver --version` prints "geckodriver 0.37.0 (…)" on its first line.
have=$(geckodriver --version 2>/dev/null | awk 'NR == 1 { print $2 }' || true)
if [ "$have" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION from crates.io (a few minutes on 2 cores)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
fi
