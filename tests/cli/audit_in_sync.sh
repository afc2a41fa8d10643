#!/usr/bin/env bash
# rules/audit/NNN.md must be exactly what `carecheck audit rules/ --markdown DIR` writes now.
set -eu
cli=$1 rules=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" audit "$rules" --markdown "$tmp" > "$tmp.listing" || true
rm -f "$tmp.listing"
if ! diff -r "$rules/audit" "$tmp" > "$tmp.diff" 2>&1; then
  echo "rules/audit/ is out of date: regenerate it with: carecheck audit rules/ --markdown rules/audit"
  head -20 "$tmp.diff"
  rm -f "$tmp.diff"
  exit 1
fi
rm -f "$tmp.diff"
echo "ok: rules/audit/ matches the packs and sources"
