#!/usr/bin/env bash
# End-to-end throughput of `carecheck batch --csv` on one core: N generated households (default
# 100 000, fixed seed) written as an office-style CSV with Chinese option names (bench/jsonl_to_csv.py,
# 1% with an unreadable cell), then the same households as JSON Lines for comparison. Prints
# rows/second; checks one output row per data row. Usage: bench/batch-csv.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
source bench/find-binaries.sh

tmp=$(mktemp -d /tmp/carecheck-batch-csv.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$gen" --emit-jsonl "$N" >"$tmp/in.jsonl"
"$cli" describe rules/ >"$tmp/describe.json"
python3 bench/jsonl_to_csv.py "$tmp/describe.json" "$tmp/in.jsonl" "$tmp"

timed() {  # timed LABEL UNIT INPUT ARGS...: runs the batch pinned to one core, prints the rate
  local label=$1 unit=$2 input=$3; shift 3
  local start end
  start=$(date +%s.%N)
  taskset -c 0 "$cli" batch rules/ --quiet "$@" <"$input" >"$tmp/out.jsonl" 2>"$tmp/err.txt" || true
  end=$(date +%s.%N)
  local out_rows ok bad
  out_rows=$(wc -l <"$tmp/out.jsonl")
  ok=$(grep -c '"ok":true' "$tmp/out.jsonl" || true)
  bad=$(grep -c '"ok":false' "$tmp/out.jsonl" || true)
  awk -v n="$N" -v s="$start" -v e="$end" -v l="$label" -v u="$unit" -v ok="$ok" -v bad="$bad" 'BEGIN {
    t = e - s
    printf "%s: %d %s in %.2f s = %.0f %s/s on one core (%d ok, %d errors)\n", l, n, u, t, n / t, u, ok, bad
  }'
  if [ "$out_rows" -ne "$N" ]; then
    echo "batch-csv.sh: FAILED: $N $unit in, $out_rows out" >&2
    head -n 5 "$tmp/err.txt" >&2
    exit 1
  fi
}
timed "batch --csv" rows "$tmp/records.csv" --csv --map "$tmp/mapping.json"
timed "batch (JSON Lines, same households)" lines "$tmp/in.jsonl"
echo "batch-csv: output has exactly one row per data row"
