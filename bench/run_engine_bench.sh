#!/usr/bin/env bash
# Engine budgets of DESIGN.md section 11, measured in one command so the ratios share the machine:
#  (a) M/M/4 at utilisation 0.9 through `clustersim-cli run` against the bare std::priority_queue
#      loop of shared/bench/peers (compiled here from that folder, not copied into this project);
#  (b) the large reference scenario (20,000 requests/s, 50 instances, 60 s) against real time.
# Usage: bench/run_engine_bench.sh [BUILD_DIR] [PEERS_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
peers=${2:-$here/../../shared/bench/peers}
cli="$build/app/clustersim-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

g++ -std=c++20 -O2 -o "$work/naive_mmc" "$peers/naive_mmc.cpp"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
naive=()
ours=()
for seed in 1 2 3; do
  line=$("$work/naive_mmc" 1000000 100 4 0.9 1 "$seed")
  naive+=("$(sed -E 's/.*requests=([0-9]+) wall=([0-9.]+).*/\1 \2/' <<<"$line")")
  "$cli" run "$here/mm4.clustersim.json" --seed "$seed" --summary-json "$work/s$seed.json" >/dev/null
  ours+=("$(python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(s['requests']['completed'], s['wall_seconds'], s['latency_ms']['mean'])" "$work/s$seed.json")")
done
naive_rate=$(for x in "${naive[@]}"; do awk '{print $1/$2}' <<<"$x"; done | median)
ours_rate=$(for x in "${ours[@]}"; do awk '{print $1/$2}' <<<"$x"; done | median)
ours_mean=$(for x in "${ours[@]}"; do awk '{print $3/1000}' <<<"$x"; done | median)
echo "(a) M/M/4, rho=0.9, 1,000,000 requests, median of 3 seeds"
printf '    naive std::priority_queue loop : %12.0f requests / wall s\n' "$naive_rate"
printf '    clustersim-cli run             : %12.0f requests / wall s  (mean response %.4f s; Erlang C 2.9694 s)\n' "$ours_rate" "$ours_mean"
awk -v a="$ours_rate" -v b="$naive_rate" 'BEGIN {printf "    ratio                          : %.2fx the bare loop (budget >= 0.20x)\n", a / b}'

"$cli" run "$here/large.clustersim.json" --summary-json "$work/large.json" >/dev/null
python3 - "$work/large.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("(b) 20,000 requests/s -> load balancer -> 50 instances -> datastore, 60 s simulated")
print(f"    {s['requests']['completed']:,} requests completed, {s['events_processed']:,} events in {s['wall_seconds']:.3f} s wall")
print(f"    {s['sim_seconds'] / s['wall_seconds']:.1f}x faster than real time (budget >= 20x); "
      f"{s['events_processed'] / s['wall_seconds'] / 1e6:.2f} M events / s")
PY

# (c) the live linearizability checker: 5-replica CP and AP stores at 5,000 requests/s with a
#     partition, `set` writes (registers) and `increment` writes (counters), both checked.
echo "(c) 5-replica stores, 60 s, a 2|3 partition from 20 s to 40 s: set (registers) and increment (counters)"
for mode in cp ap; do
  for kind in set increment; do
    "$cli" run "$here/replicas-$mode-$kind.clustersim.json" --summary-json "$work/r-$mode-$kind.json" >/dev/null 2>&1
    python3 - "$work/r-$mode-$kind.json" "$mode" "$kind" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
lin = a["linearizability"]
print(f"    {sys.argv[2].upper()} {sys.argv[3]:9}: {a['wall_seconds']:.3f} s wall; windows checked {lin['checked']}, "
      f"violations {lin['violations']}, unknown {lin['unknown']} ({lin['unchecked_ops']} operations unchecked); "
      f"stale reads {a['reads']['stale_fraction']:.3f}, lost updates {a['lost_updates']}")
PY
  done
done

# (d) check-history on the 103 etcd histories: operations per second, and the slowest file.
echo "(d) check-history on tests/data/jepsen/etcd (cas-register model)"
data="$here/../tests/data/jepsen/etcd"
for f in "$data"/*.log; do
  { "$cli" check-history "$f" 2>/dev/null || true; } | grep linearizable= | tail -1 | sed -E "s|.*operations=([0-9]+) seconds=([0-9.e+-]+)|\1 \2 $(basename "$f")|"
done | awk '{ops += $1; secs += $2; if ($2 > worst) {worst = $2; wf = $3; wo = $1}}
  END {printf "    %d operations in %.2f s: %.0f operations/s overall; slowest %s (%d operations, %.2f s)\n", ops, secs, ops / secs, wf, wo, worst}'
