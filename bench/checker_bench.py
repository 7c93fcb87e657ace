#!/usr/bin/env python3
"""The linearizability checker against Porcupine (DESIGN.md section 11).

Runs `clustersim-cli check-history` on every history of tests/data/jepsen, one process at a time
(single-threaded), and prints per file: our verdict, our check time (the `seconds=` it reports,
parsing excluded, as Porcupine's figures are), our peak RSS, and Porcupine v1.3.0's recorded time
from shared/bench/peers/porcupine-times.tsv; then the ratio of the totals. Porcupine's times were
recorded on another machine of our kind, so the ratio is indicative; the budget is absolute:
total <= Porcupine's total, no file over 0.25 s, every file under 30 MB.

Usage: bench/checker_bench.py [BUILD_DIR] [PEERS_DIR]
"""
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build")
peers = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "bench", "peers")
cli = os.path.join(build, "app", "clustersim-cli")
data = os.path.join(here, "..", "tests", "data", "jepsen")

porcupine = {}
with open(os.path.join(peers, "porcupine-times.tsv")) as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and not line.startswith("#") and parts[0] != "file":
            porcupine[parts[0]] = float(parts[2])

expected = {}
with open(os.path.join(data, "verdicts.tsv")) as f:
    for line in f:
        name, verdict = line.rstrip("\n").split("\t")[:2]
        expected[name] = verdict


total_ours = total_theirs = 0.0
worst = (0.0, "")
worst_rss = (0, "")
disagree = []
print(f"{'file':24} {'verdict':8} {'ours_s':>9} {'porcupine_s':>12} {'ratio':>7} {'rss_MB':>7}")
for name in sorted(expected):
    if name == "file":
        continue
    path = os.path.join(data, name)
    proc = subprocess.Popen([cli, "check-history", path], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS (kilobytes on Linux)
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024.0
    m = re.search(r"linearizable=(\w+) operations=\d+ seconds=([0-9.e+-]+)", out)
    if not m:  # etcd_095 is empty (no stated verdict): refused as a bad file, exit 2
        print(f"{name:24} {'refused':8} (exit {proc.returncode})")
        continue
    verdict, secs = m.group(1), float(m.group(2))
    theirs = porcupine.get(name)
    if expected[name] in ("true", "false") and verdict != expected[name]:
        disagree.append(name)
    total_ours += secs
    if theirs is not None:
        total_theirs += theirs
    if secs > worst[0]:
        worst = (secs, name)
    if rss > worst_rss[0]:
        worst_rss = (rss, name)
    print(f"{name:24} {verdict:8} {secs:9.4f} {theirs if theirs is not None else float('nan'):12.4f} "
          f"{(secs / theirs) if theirs else float('nan'):7.3f} {rss:7.1f}")

print(f"total: ours {total_ours:.3f} s, Porcupine {total_theirs:.3f} s recorded: "
      f"{total_ours / total_theirs:.3f}x (budget <= 1.0x)")
print(f"slowest file: {worst[1]} {worst[0]:.3f} s (budget <= 0.25 s)")
print(f"peak RSS: {worst_rss[1]} {worst_rss[0]:.1f} MB (budget < 30 MB; the process alone, with "
      f"Qt Core loaded, is about 10 MB)")
print(f"verdicts that disagree with verdicts.tsv: {len(disagree)} {' '.join(disagree)}")
sys.exit(1 if disagree else 0)
