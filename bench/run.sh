#!/usr/bin/env bash
# All benchmarks, printed as numbers: engine evaluations/s (carecheck_bench) and
# end-to-end `carecheck batch` lines/s (bench/batch.sh). Builds the native preset first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/build.sh native >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
build/native/bench/carecheck_bench "$@"
bash bench/batch.sh
