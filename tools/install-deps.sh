#!/usr/bin/env bash
# Installs everything carecheck needs to build, serve and test, on Debian 12 (bookworm), as root.
# Idempotent: Debian packages already present are left alone and `apt-get update` runs only
# when something is missing; npm devDependencies are reinstalled (npm ci) only when
# package-lock.json changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[install-deps] %s\n' "$*"; }

# Debian packages, one line per need.
PACKAGES=(
  build-essential ninja-build cmake pkg-config git ca-certificates  # native build
  clang libclang-rt-14-dev        # clang++ for the fuzz preset; libFuzzer + ASan/UBSan runtimes
  nlohmann-json3-dev              # JSON library (header-only)
  libgtest-dev                    # GoogleTest for the native tests
  libbenchmark-dev                # Google Benchmark (optional for bench/)
  emscripten                      # WebAssembly build (brings clang-14, lld, binaryen)
  chromium                        # browser tests (playwright-core drives /usr/bin/chromium)
  fonts-noto-cjk                  # so Chromium renders the Chinese page (screenshots, Lighthouse)
  python3 python3-jsonschema      # tests/schema: rule files against docs/rule-pack.schema.json
  python3-distributed python3-dask python3-cloudpickle  # tools/dask_batch.py, tests/dask (apt brings the rest)
)

# Node.js: keep whatever node the machine has (>= 18.20); otherwise Debian's nodejs + npm.
if ! command -v node >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
elif ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(npm)
fi

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "missing Debian packages: ${missing[*]} (run this script as root)"
    exit 1
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q -o Dpkg::Use-Pty=0 "${missing[@]}"
else
  log "Debian packages: all ${#PACKAGES[@]} present"
fi

node_version=$(node -p 'process.versions.node')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>18||(a===18&&b>=20)?0:1)'; then
  log "node $node_version is too old: carecheck needs Node.js 18.20 or newer"
  exit 1
fi

# npm devDependencies (playwright-core, axe-core, lighthouse, benchmark peers), pinned by
# package-lock.json. Never `npx playwright install`: the tests use /usr/bin/chromium.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.carecheck-lock.sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  log "npm devDependencies: up to date"
else
  log "npm devDependencies: npm ci (node $node_version, npm $(npm --version 2>/dev/null))"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
    npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
log "done"
