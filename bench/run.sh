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
log=$(mktemp /tmp/carecheck-bench.XXXXXX)
trap 'rm -f "$log"' EXIT
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), node $(node --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  build/native/bench/carecheck_bench "$@"
  echo
  node bench/wasm.mjs
  echo
  bash bench/batch.sh
  echo
  bash bench/batch-csv.sh
  echo
  node bench/peers.mjs
} | tee "$log"

# The rows of issue 10's target table, picked from the output above.
pick() { grep -m1 -E "$1" "$log" | sed 's/^ *//'; }
echo
echo "targets (issue 10):"
echo "  evaluation alone, all packs, native (target >= 300 000/s): $(pick '^evaluate\(\) alone')"
echo "  check() with full explanation, native (target <= 50 us):   $(pick '^check, all packs')"
echo "  check() with full explanation, wasm (target <= 0.5 ms):   $(pick '^wasm check\(\)')"
echo "  batch JSONL, one core (target >= 100 000 lines/s):         $(pick '^batch \(JSON Lines')"
echo "  batch --csv, one core (target >= 80 000 rows/s):           $(pick '^batch --csv')"
echo "  wasm module gzip (target <= 70 KB):                        $(pick '^wasm module')"
echo "  batch peak RSS (target <= 32 MB):                          $(pick 'peak RSS')"
echo "  wasm memory, 100 000 vs 1 000 households (within 1 MB):    $(pick '^wasm memory')"
echo "  peers (target: carecheck wasm >= 2x json-logic-js):        $(pick '^json-logic-js')"
