#!/usr/bin/env bash
# A speed change must not change what is simulated: runs every scenario of the project through two
# builds and compares the summaries (wall time aside), metrics rows, node series and histories.
# Usage: bench/same_output.sh BASE_BUILD NEW_BUILD [DURATION_S]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=$1
new=$2
duration=${3:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for f in "$here"/*.clustersim.json "$here"/../resources/scenarios/*.clustersim.json \
  "$here"/../tests/data/*.clustersim.json; do
  for which in base new; do
    out="$work/$which"
    mkdir -p "$out"
    "${!which}/app/clustersim-cli" run "$f" --duration "$duration" --summary-json "$out/s.json" \
      --metrics-csv "$out/m.csv" --nodes-csv "$out/n.csv" --history-out "$out/h.edn" \
      >/dev/null 2>&1
    echo "exit $?" >"$out/exit"
    [ -f "$out/s.json" ] && grep -v '"wall_seconds"' "$out/s.json" >"$out/s.cmp"
    rm -f "$out/s.json"
  done
  if diff -rq "$work/base" "$work/new" >/dev/null; then
    echo "same      $(basename "$f")"
  else
    echo "DIFFERENT $(basename "$f")"
    diff -r "$work/base" "$work/new" | head -5
    status=1
  fi
  rm -rf "$work/base" "$work/new"
done
exit $status
