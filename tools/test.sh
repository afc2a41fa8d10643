#!/usr/bin/env bash
# Runs every carecheck test; the one command CI runs (.ci/run). Safe to re-run.
#   1. installs what is missing (tools/install-deps.sh)
#   2. native build + CTest                 (preset native)
#   3. native build + CTest under ASan+UBSan (preset asan)
#   4. libFuzzer: every fuzz binary built by preset fuzz, ~60 s in total
#   5. wasm build + site staging, then  node --test tests/wasm/
#   6. browser tests                    node --test tests/web/   (Chromium at /usr/bin/chromium)
#   7. Dask scale-out                   tests/dask/ (a local 2-worker cluster on 127.0.0.1, ~2 min)
# Ends with one line "N passed, N failed" (tests, plus steps that failed before running tests)
# and exits non-zero on any failure. A step whose test folder does not exist yet is skipped
# with a line saying so; a step that fails is never skipped.
# Environment: CARECHECK_FUZZ_SECONDS (default 60, shared by all fuzz targets).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}   # toolchain.md trap 1
export CARECHECK_ROOT=$ROOT
JOBS=$(nproc)
LOGS=$ROOT/build/test-logs
mkdir -p "$LOGS"

PASSED=0
FAILED=0
FAILURES=()
SKIPPED=()
# fuzz_binary, fuzz_flags, fuzz_seed: the fuzz targets' flags and seed corpora, shared with
# tools/fuzz.sh (which runs them for as long as asked).
source tools/fuzz.sh

say() { printf '\n=== %s\n' "$*"; }
pass() { PASSED=$((PASSED + $1)); }
fail() { FAILED=$((FAILED + $1)); FAILURES+=("$2"); }
skip() { printf '=== SKIP %s\n' "$*"; SKIPPED+=("$1"); }

# run_step NAME CMD...: a step with no test count of its own (install, build); 1 failure if it fails.
run_step() {
  local name=$1; shift
  say "$name: $*"
  if "$@"; then
    return 0
  fi
  echo "=== FAILED $name"
  fail 1 "$name"
  return 1
}

# run_ctest NAME PRESET: CTest, counting its tests.
run_ctest() {
  local name=$1 preset=$2 log=$LOGS/ctest-$2.log
  say "$name: ctest --preset $preset"
  if [ ! -f tests/CMakeLists.txt ]; then
    skip "$name (tests/CMakeLists.txt does not exist yet)"
    return 0
  fi
  ctest --preset "$preset" -j "$JOBS" --timeout 300 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line total failed
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
    total=$(sed -E 's/.* failed out of ([0-9]+).*/\1/' <<<"$line")
  elif grep -q 'No tests were found' "$log"; then
    echo "=== FAILED $name: CTest found no tests"
    fail 1 "$name (no tests found)"
    return
  else
    failed=1 total=1
  fi
  [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1 && total=$((total + 1))
  pass $((total - failed))
  [ "$failed" -gt 0 ] && fail "$failed" "$name"
  echo "=== $name: $((total - failed)) passed, $failed failed"
}

# run_node_tests NAME DIR: node --test DIR/, counting its tests from a TAP copy of the report.
run_node_tests() {
  local name=$1 dir=$2 tap=$LOGS/$1.tap
  say "$name: node --test $dir/"
  rm -f "$tap"
  timeout 900 node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "$dir/"
  local rc=$?
  local npass nfail
  npass=$(grep -E '^# pass [0-9]+' "$tap" 2>/dev/null | tail -n 1 | awk '{print $3}')
  nfail=$(grep -E '^# fail [0-9]+' "$tap" 2>/dev/null | tail -n 1 | awk '{print $3}')
  npass=${npass:-0} nfail=${nfail:-0}
  if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then
    nfail=1
    echo "=== $name: node --test exited with $rc"
  fi
  if [ "$npass" -eq 0 ] && [ "$nfail" -eq 0 ]; then
    echo "=== FAILED $name: no tests ran (node --test only runs files named *.test.mjs, *.test.js, test-*.mjs ...)"
    nfail=1
  fi
  pass "$npass"
  [ "$nfail" -gt 0 ] && fail "$nfail" "$name"
  echo "=== $name: $npass passed, $nfail failed"
}

# run_counted_script NAME LOG CMD...: a test script that ends with a line "N passed, N failed".
run_counted_script() {
  local name=$1 log=$LOGS/$2; shift 2
  say "$name: $*"
  timeout 600 "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line npass=0 nfail=1
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  if [ -n "$line" ]; then
    npass=${line%% passed*}
    nfail=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  else
    echo "=== $name: no \"N passed, N failed\" line (exit code $rc)"
  fi
  [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ] && nfail=1 && echo "=== $name: exited with $rc"
  pass "$npass"
  [ "$nfail" -gt 0 ] && fail "$nfail" "$name"
  echo "=== $name: $npass passed, $nfail failed"
}

run_fuzz() {
  local seconds=${CARECHECK_FUZZ_SECONDS:-60}
  local targets=()
  local t bin
  for t in "${FUZZ_TARGETS[@]}"; do
    bin=$(fuzz_binary "$t")
    if [ -n "$bin" ]; then
      targets+=("$bin")
    elif [ -f "tests/fuzz/$t.cpp" ]; then
      echo "=== FAILED fuzz: $t is in tests/fuzz/ but was not built"
      fail 1 "fuzz: $t not built"
    else
      skip "fuzz: $t (no such target yet)"
    fi
  done
  [ "${#targets[@]}" -eq 0 ] && return 0
  local each=$((seconds / ${#targets[@]}))
  [ "$each" -lt 1 ] && each=1
  for bin in "${targets[@]}"; do
    t=$(basename "$bin")
    local corpus=build/fuzz/corpus/$t artifacts=build/fuzz/artifacts/$t/
    fuzz_seed "$t" "$corpus"
    say "fuzz $t: ${each}s"
    local log=$LOGS/$t.log
    # The same flags as tools/fuzz.sh (-max_len large enough for the 1 MiB seeds, ...).
    # shellcheck disable=SC2046  # the flags are words
    if "$bin" $(fuzz_flags "$t") -max_total_time="$each" "$corpus" >"$log" 2>&1; then
      tail -n 12 "$log"
      pass 1
      echo "=== fuzz $t: passed (corpus $corpus)"
    else
      tail -n 80 "$log"
      fail 1 "fuzz $t (reproducer in $artifacts, log $log)"
      echo "=== FAILED fuzz $t: reproducer in $artifacts"
    fi
  done
}

# 1. Dependencies.
run_step "install dependencies" bash tools/install-deps.sh

# 2. Native.
native_built=false
if run_step "native build" bash tools/build.sh native; then
  native_built=true
  run_ctest "native tests" native
fi

# 3. ASan + UBSan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if run_step "asan configure" cmake --preset asan &&
   run_step "asan build" cmake --build --preset asan -j "$JOBS"; then
  run_ctest "asan tests" asan
fi

# 4. libFuzzer: build only the fuzz targets the tree defines (not the CLI, bench, ...).
if run_step "fuzz configure" cmake --preset fuzz; then
  fuzz_targets=()
  # The list is read whole first: `ninja ... | grep -q` under pipefail fails at random when grep
  # stops reading early and ninja gets SIGPIPE (seen: fuzz_csv skipped in one CI run).
  defined=$(ninja -C build/fuzz -t targets all 2>/dev/null)
  for t in "${FUZZ_TARGETS[@]}"; do
    if grep -q "^$t:" <<<"$defined"; then
      fuzz_targets+=("$t")
    fi
  done
  if [ "${#fuzz_targets[@]}" -eq 0 ]; then
    skip "fuzz (no fuzz_pack, fuzz_household or fuzz_csv target defined yet)"
  elif run_step "fuzz build" cmake --build --preset fuzz -j "$JOBS" --target "${fuzz_targets[@]}"; then
    run_fuzz
  fi
fi

# 5. WebAssembly (also stages build/site for the browser tests).
if run_step "wasm build" bash tools/build.sh wasm site; then
  if [ -d tests/wasm ]; then
    run_node_tests "wasm tests" tests/wasm
  else
    skip "wasm tests (tests/wasm/ does not exist yet)"
  fi
fi

# 6. Browser.
if [ -d tests/web ]; then
  if [ -f build/site/index.html ]; then
    run_node_tests "browser tests" tests/web
  else
    echo "=== FAILED browser tests: build/site was not staged"
    fail 1 "browser tests (no build/site)"
  fi
else
  skip "browser tests (tests/web/ does not exist yet)"
fi

# 7. Dask: tools/dask_batch.py against single runs of the CLI built in step 2. Debian's python3,
# where python3-distributed is, not whatever python3 is first on PATH.
if [ ! -d tests/dask ]; then
  skip "dask tests (tests/dask/ does not exist yet)"
elif $native_built; then
  run_counted_script "dask tests" dask.log /usr/bin/python3 tests/dask/dask_batch_test.py \
    build/native/cli/carecheck build/native/bench/carecheck_bench
else
  echo "=== FAILED dask tests: the native build failed"
  fail 1 "dask tests (no native build)"
fi

echo
echo "time: $((SECONDS / 60))m$((SECONDS % 60))s"
[ "${#SKIPPED[@]}" -gt 0 ] && echo "skipped: ${SKIPPED[*]}"
[ "${#FAILURES[@]}" -gt 0 ] && printf 'failed: %s\n' "${FAILURES[@]}"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
