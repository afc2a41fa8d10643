#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz/) with the project's flags and seed corpora.
#   bash tools/fuzz.sh [TARGET|all] [SECONDS] [LIBFUZZER_FLAG...]
#     TARGET   fuzz_pack, fuzz_household, fuzz_csv, or all (the default)
#     SECONDS  per target (default 60)
#     flags    passed to libFuzzer after the project's own (e.g. -entropic=0, -runs=1000000)
# Builds the fuzz preset first if a target is missing. Corpora grow in build/fuzz/corpus/TARGET/,
# reproducers go to build/fuzz/artifacts/TARGET/, logs to build/fuzz/logs/TARGET.log.
# Exit code: 0 when every target ran its time without a finding, 1 otherwise.
# Long runs (the README's "Fuzzing" has the command): add -timeout=60, as libFuzzer's timeout is
# wall-clock time and a busy machine starves one input past 10 s without any hang.
#
# tools/test.sh sources this file for fuzz_seed, fuzz_flags and fuzz_binary, so CI's short runs
# use the same flags and seeds. Sourcing defines functions only.

FUZZ_TARGETS=(fuzz_pack fuzz_household fuzz_csv)
# Large enough for the generated seeds (a 1 MiB cell, a 1 MiB id) to reach the CSV reader's 1 MiB
# field limit and the deep-nesting limit, so mutations can cross them.
FUZZ_MAX_LEN=$((2 * 1024 * 1024))
# Nesting of the generated deep seeds. The CLI refuses a mapping deeper than 64 (cli/json_depth.h),
# so fuzz_csv gets 100 000. The engine refuses a household or pack nested deeper than 64, a
# string over its limit and a household over 1 MiB before reading it (docs/limits.md), so
# fuzz_household gets the same 100 000-deep values and 1 MiB strings, and fuzz_pack a 100 000-deep
# operand and a name just over its 64 KiB limit (tools/fuzz_seeds.py): mutations cross every limit
# from both sides.
FUZZ_DEEP_CLI=${CARECHECK_FUZZ_DEEP_CLI:-100000}
FUZZ_DEEP_CORE=${CARECHECK_FUZZ_DEEP_CORE:-100000}
FUZZ_LONG_CORE=${CARECHECK_FUZZ_LONG_CORE:-1048576}
# CARECHECK_FUZZ_SMALL_SEEDS=1 leaves fuzz_csv's 1 MiB seeds out of a new corpus (long runs: see
# tools/fuzz_seeds.py and the README's "Fuzzing").
FUZZ_SMALL_SEEDS=
if [ "${CARECHECK_FUZZ_SMALL_SEEDS:-0}" = 1 ]; then FUZZ_SMALL_SEEDS=small; fi

# fuzz_binary TARGET: the built binary's path, or nothing.
fuzz_binary() {
  find build/fuzz -type f -name "$1" -perm -u+x 2>/dev/null | head -n 1
}

# fuzz_flags TARGET: the libFuzzer flags every run of TARGET uses (CI and long runs alike).
fuzz_flags() {
  echo "-max_len=$FUZZ_MAX_LEN -timeout=10 -rss_limit_mb=2048 -print_final_stats=1" \
       "-artifact_prefix=build/fuzz/artifacts/$1/"
}

# fuzz_seed TARGET DIR: fills DIR (if empty) with the committed corpus tests/fuzz/corpus/TARGET/,
# the rule files (fuzz_pack) or the cases' households (fuzz_household), and generated seeds that
# are too big to commit: deep nesting, 1 MiB strings, many fields or members.
fuzz_seed() {
  local target=$1 dir=$2
  mkdir -p "$dir" "build/fuzz/artifacts/$target"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return 0
  if [ -d "tests/fuzz/corpus/$target" ]; then
    cp -R "tests/fuzz/corpus/$target/." "$dir/"
  fi
  if [ "$target" = fuzz_pack ]; then
    # The real packs and catalogue; not the cases files (a third of a megabyte each, refused at
    # "format" after a whole parse: costly and mostly wasted mutations).
    cp rules/*.pack.json rules/facts.json "$dir/" 2>/dev/null || true
  elif [ "$target" = fuzz_household ]; then
    node -e '
      const fs = require("fs"), path = require("path");
      const [out, ...files] = process.argv.slice(1);
      let n = 0;
      for (const f of files) {
        try {
          for (const c of JSON.parse(fs.readFileSync(f, "utf8")).cases || [])
            fs.writeFileSync(path.join(out, `case-${n++}.json`), JSON.stringify(c.household));
        } catch {}
      }' "$dir" rules/*.cases.json 2>/dev/null || true
  fi
  python3 tools/fuzz_seeds.py "$target" "$dir" "$FUZZ_DEEP_CLI" "$FUZZ_DEEP_CORE" "$FUZZ_LONG_CORE" \
    $FUZZ_SMALL_SEEDS
}

# fuzz_run TARGET SECONDS [FLAG...]: one target for SECONDS; 0 if nothing was found.
fuzz_run() {
  local target=$1 seconds=$2
  shift 2
  local bin corpus=build/fuzz/corpus/$target log=build/fuzz/logs/$target.log
  bin=$(fuzz_binary "$target")
  [ -n "$bin" ] || { echo "fuzz.sh: $target is not built" >&2; return 1; }
  fuzz_seed "$target" "$corpus"
  mkdir -p build/fuzz/logs
  # shellcheck disable=SC2046  # the flags are words
  "$bin" $(fuzz_flags "$target") -max_total_time="$seconds" "$@" "$corpus" >"$log" 2>&1
}

fuzz_main() {
  cd "$(dirname "$0")/.." || return 1
  local which=${1:-all} seconds=${2:-60}
  shift $(($# < 2 ? $# : 2))
  local targets=("${FUZZ_TARGETS[@]}")
  [ "$which" = all ] || targets=("$which")
  local t missing=()
  for t in "${targets[@]}"; do
    [ -n "$(fuzz_binary "$t")" ] || missing+=("$t")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j "${CARECHECK_JOBS:-$(nproc)}" \
      --target "${missing[@]}" || return 1
  fi
  local failed=0
  for t in "${targets[@]}"; do
    echo "=== fuzz $t: ${seconds}s $*"
    if fuzz_run "$t" "$seconds" "$@"; then
      grep -E '^(Done|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' \
        "build/fuzz/logs/$t.log"
      echo "=== fuzz $t: no finding (corpus build/fuzz/corpus/$t, log build/fuzz/logs/$t.log)"
    else
      tail -n 60 "build/fuzz/logs/$t.log"
      echo "=== FAILED fuzz $t: reproducer in build/fuzz/artifacts/$t/"
      failed=1
    fi
  done
  return "$failed"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  fuzz_main "$@"
  exit $?
fi
