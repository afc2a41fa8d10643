#!/usr/bin/env bash
# expect.sh EXIT REGEX CMD... [--stdin FILE]: runs CMD, asserts its exit code and that its
# output matches REGEX. "--stdin FILE" among the arguments feeds FILE to the command.
set -u
want_exit=$1 want_text=$2; shift 2
args=() input=/dev/null
while [ $# -gt 0 ]; do
  if [ "$1" = "--stdin" ]; then input=$2; shift 2; else args+=("$1"); shift; fi
done
out=$("${args[@]}" < "$input" 2>&1); code=$?
if [ "$code" != "$want_exit" ]; then echo "exit $code, expected $want_exit"; echo "$out" | head -c 2000; exit 1; fi
if ! grep -qE -- "$want_text" <<<"$out"; then echo "output lacks /$want_text/:"; echo "$out" | head -c 2000; exit 1; fi
echo "ok: exit $code and /$want_text/"
