#!/usr/bin/env bash
# Households/second of tools/dask_batch.py on a local cluster of 1 and of 2 worker processes, next
# to one `carecheck batch`, on N generated households (default 100 000, fixed seed). Prints the
# rates and checks each output is the single run's, byte for byte; asserts nothing about time.
# Usage: bench/dask-batch.sh [N]   (builds the native preset if needed; needs python3-distributed)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
source bench/find-binaries.sh

tmp=$(mktemp -d /tmp/carecheck-dask-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$gen" --emit-jsonl "$N" --seed 13 >"$tmp/in.jsonl"

rate() {  # rate LABEL START END
  awk -v n="$N" -v l="$1" -v s="$2" -v e="$3" 'BEGIN { printf "%s: %d households in %.1f s = %.0f households/s\n", l, n, e - s, n / (e - s) }'
}

start=$(date +%s.%N)
"$cli" batch rules/ --quiet <"$tmp/in.jsonl" >"$tmp/single.jsonl" 2>/dev/null
rate "one carecheck batch" "$start" "$(date +%s.%N)"

for workers in 1 2; do
  start=$(date +%s.%N)
  /usr/bin/python3 tools/dask_batch.py rules/ --input "$tmp/in.jsonl" --output "$tmp/dask.jsonl" \
    --carecheck "$cli" --workers "$workers" --quiet --timeout 900 2>"$tmp/err.txt"
  rate "dask_batch.py, $workers worker(s), cluster start included" "$start" "$(date +%s.%N)"
  echo "  without cluster start: $(tail -n 1 "$tmp/err.txt")"
  cmp -s "$tmp/single.jsonl" "$tmp/dask.jsonl" || { echo "dask-batch.sh: FAILED: output differs" >&2; exit 1; }
done
echo "dask-batch: every output is the single run's, byte for byte"
