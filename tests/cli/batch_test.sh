#!/usr/bin/env bash
# A batch with good, malformed and empty lines: exactly one output line per input line, in
# order, each stamped with its line number; bad lines are error lines and the run goes on.
set -eu
cli=$1 rules=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
good='{"as_of":"2026-11-23","facts":{"region":"130702","poor":true},"members":[{"id":"m","roles":["elder"],"facts":{"age":81,"insured":true}}]}'
for i in $(seq 1 300); do
  case $((i % 100)) in
    7) echo '{"as_of":"2026-11-23","members":[{"id":"m","facts":{"age":-3}}]}' ;;
    13) echo 'not json at all {' ;;
    21) echo '' ;;
    *) echo "$good" ;;
  esac
done > "$tmp/in.jsonl"
"$cli" batch "$rules" < "$tmp/in.jsonl" > "$tmp/out.jsonl" 2> "$tmp/err.txt"
lines_in=$(wc -l < "$tmp/in.jsonl"); lines_out=$(wc -l < "$tmp/out.jsonl")
[ "$lines_in" = "$lines_out" ] || { echo "in $lines_in lines, out $lines_out"; exit 1; }
errors=$(grep -c '"ok":false' "$tmp/out.jsonl")
[ "$errors" = 9 ] || { echo "expected 9 error lines, got $errors"; exit 1; }
sed -n '7p' "$tmp/out.jsonl" | grep -q '^{"line":7,"ok":false' || { echo "line 7 is not its error line"; exit 1; }
sed -n '8p' "$tmp/out.jsonl" | grep -q '^{"line":8,"ok":true' || { echo "line 8 did not recover"; exit 1; }
grep -q "300 lines, 291 screened, 9 with errors" "$tmp/err.txt" || { cat "$tmp/err.txt"; exit 1; }
# The table on stderr: all 291 screened families are eligible for care, under "eligible".
care=$(awk '$1 == "care" { print $3, $4, $5, $6 }' "$tmp/err.txt")
[ "$care" = "291 0 0 0" ] || { echo "care row is '$care', expected eligible 291, others 0"; cat "$tmp/err.txt"; exit 1; }
echo "ok: 300 lines in, 300 out, 9 errors"
# A 5 MB line between two good ones: refused as too large (only the first 1 MiB is kept), and
# the lines after it are still screened.
{ echo "$good"; printf '{"as_of":"2026-11-23","facts":{"region":"'; head -c 5000000 /dev/zero | tr '\0' 1; echo '"}}'; echo "$good"; } > "$tmp/long.jsonl"
"$cli" batch "$rules" --quiet < "$tmp/long.jsonl" > "$tmp/long.out"
[ "$(wc -l < "$tmp/long.out")" = 3 ] || { echo "a long line broke the one-line-per-line rule"; exit 1; }
sed -n '2p' "$tmp/long.out" | grep -q '^{"line":2,"ok":false,"error":{"code":"too_large"' || { echo "line 2 is not refused as too large"; head -c 300 "$tmp/long.out"; exit 1; }
sed -n '3p' "$tmp/long.out" | grep -q '^{"line":3,"ok":true' || { echo "line 3 did not recover after the long line"; exit 1; }
echo "ok: a 5 MB line is refused and the batch goes on"
