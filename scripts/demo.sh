#!/usr/bin/env bash
# Builds everything and runs Stallwatch on the bundled demo CRM pages (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
node scripts/demo.mjs "$@"
