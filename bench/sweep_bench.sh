#!/usr/bin/env bash
# Sweep throughput (issue #16): runs per wall second of `clustersim-cli sweep` over a 60 s M/M/4
# (200 to 360 requests/s: 12,000 to 21,600 requests a run), with --jobs 1 and with every core, in one
# command so the ratio shares the machine. Also checks that both files are byte-identical.
# Usage: bench/sweep_bench.sh [BUILD_DIR] [POINTS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
points=${2:-240}
cli="$build/app/clustersim-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

run() { # jobs -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$cli" sweep "$here/sweep-mm4.clustersim.json" --vary "nodes[clients].rate_rps=200:360:$points" \
    --jobs "$1" --out "$work/jobs$1.csv" 2>/dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}
one=$(run 1)
all=$(run "$cores")
cmp -s "$work/jobs1.csv" "$work/jobs$cores.csv" && same=yes || same=NO
echo "sweep of $points runs of a 60 s M/M/4 (12,000 to 21,600 requests each), $cores cores"
awk -v p="$points" -v t="$one" 'BEGIN {printf "    --jobs 1      : %6.2f s, %7.1f runs / s\n", t, p / t}'
awk -v p="$points" -v t="$all" -v c="$cores" 'BEGIN {printf "    --jobs %-6d : %6.2f s, %7.1f runs / s\n", c, t, p / t}'
awk -v a="$one" -v b="$all" -v c="$cores" 'BEGIN {printf "    ratio         : %.2fx with %d jobs (ideal %dx)\n", a / b, c, c}'
echo "    files byte-identical: $same"
