#!/usr/bin/env bash
# End-to-end throughput of `carecheck batch`: N generated households (default 100 000, fixed
# seed, 1% malformed lines) piped through the CLI; checks one output line per input line and
# prints lines/second. Usage: bench/batch.sh [N]   (builds the native preset if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
source bench/find-binaries.sh

tmp=$(mktemp -d /tmp/carecheck-batch.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# Every 100th line is broken in one of four ways: cut in half, bad syntax, not JSON at all,
# and valid JSON that is not a valid household.
"$gen" --emit-jsonl "$N" | awk '
  NR % 100 == 0 {
    k = (NR / 100) % 4
    if (k == 0) print substr($0, 1, int(length($0) / 2))
    else if (k == 1) print "{\"as_of\": \"2026-11-23\", \"members\": [ }"
    else if (k == 2) print "not json at all"
    else print "{\"as_of\": \"2026-13-45\", \"members\": [{\"id\": 7, \"facts\": {\"age\": \"old\"}}]}"
    next
  }
  { print }' >"$tmp/in.jsonl"
in_lines=$(wc -l <"$tmp/in.jsonl")
in_bytes=$(wc -c <"$tmp/in.jsonl")

start=$(date +%s.%N)
set +e
python3 bench/peak_rss.py "$tmp/rss" "$cli" batch rules/ <"$tmp/in.jsonl" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
rc=$?
set -e
end=$(date +%s.%N)

out_lines=$(wc -l <"$tmp/out.jsonl")
ok_lines=$(grep -cE '^\{("line":[0-9]+,)?"ok":true' "$tmp/out.jsonl" || true)
err_lines=$(grep -cE '^\{("line":[0-9]+,)?"ok":false' "$tmp/out.jsonl" || true)
awk -v n="$in_lines" -v b="$in_bytes" -v s="$start" -v e="$end" -v rc="$rc" \
    -v ok="$ok_lines" -v bad="$err_lines" 'BEGIN {
  t = e - s
  printf "batch: %d lines (%.1f MB) in %.2f s = %.0f lines/s (exit code %d; %d ok, %d errors)\n",
         n, b / 1e6, t, n / t, rc, ok, bad
}'
if [ "$out_lines" -ne "$in_lines" ]; then
  echo "batch.sh: FAILED: $in_lines lines in, $out_lines lines out" >&2
  head -n 5 "$tmp/err.txt" >&2
  exit 1
fi
echo "batch: output has exactly one line per input line; peak RSS $(awk '{printf "%.1f", $1 / 1024}' "$tmp/rss") MB"
