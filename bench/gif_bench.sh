#!/usr/bin/env bash
# GIF export cost (issue #16): wall seconds per frame of `clustersim --gif` at 1280x720 (simulate
# 1/F s, repaint, grab the window, quantize, encode the changed rectangle), as the difference
# between a recording of N frames and a screenshot at the same simulated time, in one command.
# Usage: bench/gif_bench.sh [BUILD_DIR] [FRAMES]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
frames=${2:-100}
app="$build/app/clustersim"
scenario="$here/../resources/scenarios/default.clustersim.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

wall() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}
seconds=$(awk -v n="$frames" 'BEGIN {print n / 10}')
end=$(awk -v s="$seconds" 'BEGIN {print 5 + s}')
shot=$(wall "$app" "$scenario" --run-for "$end" --screenshot "$work/x.png" --window-size 1280x720)
gif=$(wall "$app" "$scenario" --run-for 5 --gif "$work/x.gif" --gif-seconds "$seconds" --fps 10 \
  --window-size 1280x720)
size=$(stat -c %s "$work/x.gif")
echo "GIF export at 1280x720, $frames frames (10 per simulated second) after 5 s"
awk -v t="$shot" 'BEGIN {printf "    screenshot at the last frame time  : %6.2f s\n", t}'
awk -v t="$gif" 'BEGIN {printf "    --gif                              : %6.2f s\n", t}'
awk -v a="$gif" -v b="$shot" -v n="$frames" -v s="$size" \
  'BEGIN {printf "    per frame                          : %6.1f ms (%d KB file, %.1f KB a frame)\n", 1000 * (a - b) / n, s / 1024, s / 1024 / n}'
