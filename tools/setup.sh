#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the calculator in a browser:
# installs what is missing, builds (native CLI + wasm module + site), then serves build/site
# on http://127.0.0.1:${PORT:-8080}/ until Ctrl+C. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
exec node tools/serve.mjs "${PORT:-8080}"
