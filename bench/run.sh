#!/usr/bin/env bash
# All benchmarks, printed as numbers (nothing asserted about time):
#   carecheck_bench   engine evaluations/s on generated households, all packs and each pack
#   bench/batch.sh    end-to-end `carecheck batch` lines/s on 100 000 households
#   bench/batch-csv.sh  the same households as an office CSV through a mapping, rows/s on one core
#   bench/peers.mjs   every program of packs 000 and 003 (translated from the packs) in
#                     json-logic-js, zen-engine and json-rules-engine beside carecheck wasm
#                     screen() and native `carecheck batch`: one table, households/s, ratio to
#                     wasm, and every status or amount that differs from screen()
# Builds the native and wasm presets first. Extra arguments go to carecheck_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh native wasm >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), node $(node --version)"
echo
build/native/bench/carecheck_bench "$@"
echo
bash bench/batch.sh
echo
bash bench/batch-csv.sh
echo
node bench/peers.mjs
