# Sourced by the batch benchmarks: sets $cli and $gen to the carecheck CLI and carecheck_bench
# under $CARECHECK_BUILD (default build/native), building the native preset if either is missing.
BUILD=${CARECHECK_BUILD:-build/native}
find_bin() { find "$BUILD" -type f -name "$1" -perm -u+x -not -path '*/CMakeFiles/*' 2>/dev/null | head -n 1; }
cli=$(find_bin carecheck)
gen=$(find_bin carecheck_bench)
if [ -z "$cli" ] || [ -z "$gen" ]; then
  bash tools/build.sh native >/dev/null
  cli=$(find_bin carecheck)
  gen=$(find_bin carecheck_bench)
fi
[ -n "$cli" ] || { echo "$0: no carecheck CLI under $BUILD" >&2; exit 1; }
[ -n "$gen" ] || { echo "$0: no carecheck_bench under $BUILD" >&2; exit 1; }
