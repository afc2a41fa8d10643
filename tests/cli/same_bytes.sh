#!/usr/bin/env bash
# same_bytes.sh CLI RULES HOUSEHOLD EXPECTED: `check` run in two separate processes prints the
# same bytes both times, and those bytes are EXPECTED's (nothing from the process, the clock or
# memory addresses leaks into a result).
set -eu
cli=$1 rules=$2 household=$3 expected=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$cli" check "$rules" < "$household" > "$tmp/first.json"
"$cli" check "$rules" < "$household" > "$tmp/second.json"
cmp "$tmp/first.json" "$tmp/second.json" || { echo "two runs differ"; diff "$tmp/first.json" "$tmp/second.json" | head -c 2000; exit 1; }
cmp "$tmp/first.json" "$expected" || { echo "output differs from $expected"; diff "$tmp/first.json" "$expected" | head -c 2000; exit 1; }
echo "ok: two runs, $(wc -c < "$expected") bytes as expected"
