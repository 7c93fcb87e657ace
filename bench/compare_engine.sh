#!/usr/bin/env bash
# Sections (a) and (b) of run_engine_bench.sh for two builds, interleaved in one command so that a
# noisy, shared machine affects both alike: the ratio new/base is the figure to read.
# Usage: bench/compare_engine.sh BASE_BUILD NEW_BUILD [ROUNDS] [PEERS_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
base=$1
new=$2
rounds=${3:-3}
peers=${4:-$here/../../shared/bench/peers}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

g++ -std=c++20 -O2 -o "$work/naive_mmc" "$peers/naive_mmc.cpp"

# One line per run: "<build> <kind> <rate> <events per request>".
for round in $(seq "$rounds"); do
  line=$("$work/naive_mmc" 1000000 100 4 0.9 1 "$round")
  sed -E "s/.*requests=([0-9]+) wall=([0-9.]+).*/naive mm4 \1 \2 0/" <<<"$line" >>"$work/runs"
  for which in base new; do
    cli="${!which}/app/clustersim-cli"
    "$cli" run "$here/mm4.clustersim.json" --seed "$round" --summary-json "$work/m.json" >/dev/null 2>&1
    "$cli" run "$here/large.clustersim.json" --summary-json "$work/l.json" >/dev/null 2>&1
    python3 - "$work/m.json" "$work/l.json" "$which" >>"$work/runs" <<'PY'
import json, sys
m, l = (json.load(open(f)) for f in sys.argv[1:3])
for kind, s in (("mm4", m), ("large", l)):
    print(sys.argv[3], kind, s["requests"]["completed"], s["wall_seconds"],
          s["events_processed"] / s["requests"]["issued"], s["sim_seconds"])
PY
  done
done

python3 - "$work/runs" "$rounds" <<'PY'
import statistics, sys
runs = [l.split() for l in open(sys.argv[1])]
def med(who, kind, f):
    return statistics.median(f(r) for r in runs if r[0] == who and r[1] == kind)
rate = lambda r: float(r[2]) / float(r[3])
naive = med("naive", "mm4", rate)
print(f"median of {sys.argv[2]} interleaved rounds")
print(f"{'':6}{'M/M/4 req/s':>14}{'x bare loop':>13}{'large x real':>14}{'large wall s':>14}{'events/req':>12}")
for who in ("base", "new"):
    mm = med(who, "mm4", rate)
    speed = med(who, "large", lambda r: float(r[5]) / float(r[3]))
    wall = med(who, "large", lambda r: float(r[3]))
    epr = med(who, "large", lambda r: float(r[4]))
    print(f"{who:6}{mm:14.0f}{mm / naive:13.2f}{speed:14.1f}{wall:14.3f}{epr:12.2f}")
print(f"bare std::priority_queue loop: {naive:.0f} req/s")
PY
