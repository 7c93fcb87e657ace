#!/usr/bin/env python3
"""Size benchmark (issue 13 item 5): how load-and-run time and peak memory grow with the topology.

Builds topologies of N nodes in cells of 5 (a client -> a load balancer -> a service group of 2
instances -> a datastore, plus a second client), two links per node, and runs each for one
simulated second with `clustersim-cli run`, reporting wall time and peak RSS (from
/usr/bin/time -v when present, else resource.getrusage of the child).
Usage: bench/size_bench.py [BUILD_DIR] [N ...]   (default: 1000 2500 5000 10000)
"""
import json, os, resource, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "build")
sizes = [int(a) for a in sys.argv[2:]] or [1000, 2500, 5000, 10000]
cli = os.path.join(build, "app", "clustersim-cli")


def topology(n):
    nodes, links = [], []
    for c in range(n // 5):
        p = f"c{c}"
        nodes += [
            {"id": f"{p}a", "kind": "client", "target": f"{p}lb", "rate_rps": 20},
            {"id": f"{p}b", "kind": "client", "target": f"{p}lb", "rate_rps": 20},
            {"id": f"{p}lb", "kind": "load_balancer", "group": f"{p}g"},
            {"id": f"{p}g", "kind": "service_group", "instances": 2, "datastore": f"{p}db"},
            {"id": f"{p}db", "kind": "datastore"},
        ]
        links += [{"a": f"{p}a", "b": f"{p}lb"}, {"a": f"{p}b", "b": f"{p}lb"},
                  {"a": f"{p}lb", "b": f"{p}g"}, {"a": f"{p}g", "b": f"{p}db"},
                  {"a": f"{p}a", "b": f"{p}b"}, {"a": f"{p}lb", "b": f"{p}db"}]
        if c:  # a backbone between cells, so the graph is one component
            links += [{"a": f"c{c - 1}lb", "b": f"{p}lb"}]
            links += [{"a": f"c{c - 1}db", "b": f"{p}db"}, {"a": f"c{c - 1}g", "b": f"{p}g"},
                      {"a": f"c{c - 1}a", "b": f"{p}a"}]
    return {"format": "clustersim-scenario", "version": 1, "name": f"size {n}", "seed": 1,
            "duration_s": 1, "nodes": nodes, "links": links}


print(f"{'nodes':>7} {'links':>7} {'wall s':>8} {'peak MB':>8}")
with tempfile.TemporaryDirectory() as tmp:
    for n in sizes:
        s = topology(n)
        path = os.path.join(tmp, f"size{n}.clustersim.json")
        json.dump(s, open(path, "w"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        subprocess.run([cli, "run", path, "--summary-json", os.path.join(tmp, "s.json")],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        # ru_maxrss of children is the largest child so far: sizes run in increasing order.
        print(f"{len(s['nodes']):>7} {len(s['links']):>7} {wall:>8.2f} {max(peak, before) / 1024:>8.0f}")

# A wide group: events per wall second with 10 and with 1,000 instances behind one load balancer
# (utilisation 0.5 each), so per-instance bookkeeping that grows with the group shows up.
print(f"\n{'instances':>9} {'events':>10} {'wall s':>8} {'M events/s':>10}")
with tempfile.TemporaryDirectory() as tmp:
    rates = []
    for k, duration in ((10, 400), (1000, 4)):
        s = {"format": "clustersim-scenario", "version": 1, "name": f"group {k}", "seed": 1,
             "duration_s": duration,
             "nodes": [{"id": "c", "kind": "client", "target": "lb", "rate_rps": 50 * k},
                       {"id": "lb", "kind": "load_balancer", "group": "g"},
                       {"id": "g", "kind": "service_group", "instances": k,
                        "service_ms": {"dist": "exp", "mean": 10}}],
             "links": [{"a": "c", "b": "lb"}, {"a": "lb", "b": "g"}]}
        path = os.path.join(tmp, f"group{k}.clustersim.json")
        json.dump(s, open(path, "w"))
        out = os.path.join(tmp, "s.json")
        subprocess.run([cli, "run", path, "--summary-json", out], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        r = json.load(open(out))
        rates.append(r["events_processed"] / r["wall_seconds"])
        print(f"{k:>9} {r['events_processed']:>10} {r['wall_seconds']:>8.2f} {rates[-1] / 1e6:>10.2f}")
    print(f"1,000 instances run at {rates[1] / rates[0]:.2f}x the events per second of 10 (budget >= 0.5x)")
