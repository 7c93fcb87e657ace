#!/usr/bin/env python3
"""Prints the numbers behind the elasticity and traffic models, measured through clustersim-cli
on small scenarios (the same set-ups as tests/SizingTest.cpp, TrafficTest.cpp, ShardingTest.cpp),
next to the theory where there is one.

Usage: bench/model_numbers.py [BUILD_DIR]
"""
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "build")
CLI = os.path.join(BUILD, "app", "clustersim-cli")


def run(scenario):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "s.clustersim.json")
        with open(path, "w") as f:
            json.dump(scenario, f)
        out = os.path.join(d, "summary.json")
        subprocess.run([CLI, "run", path, "--summary-json", out], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out) as f:
            return json.load(f)


def scenario(nodes, links, duration=60, seed=3, timeline=None):
    return {"format": "clustersim-scenario", "version": 1, "seed": seed,
            "duration_s": duration, "nodes": nodes, "links": links,
            "timeline": timeline or []}


def link(a, b, ms):
    return {"a": a, "b": b, "latency_ms": ms}


def amdahl():
    print("Amdahl: one instance, constant 10 ms of work, parallel_fraction 0.9, overloaded")
    base = None
    for cores in (1, 2, 4, 16, 64):
        s = run(scenario(
            [{"id": "c", "kind": "client", "target": "svc", "rate_rps": 2000, "timeout_ms": 100000},
             {"id": "svc", "kind": "service_group", "instances": 1, "cores": cores,
              "service_ms": {"dist": "const", "value": 10}, "queue_capacity": 50,
              "parallel_fraction": 0.9}],
            [link("c", "svc", 0)]))
        thr = s["requests"]["completed"] / 60
        base = base or thr
        theory = 1 / (0.1 + 0.9 / cores)
        print(f"  {cores:2d} cores: {thr:7.1f} req/s, speed-up {thr / base:5.2f} "
              f"(Amdahl {theory:5.2f}), ${s['cost'] * 60:.3f}/h")


def che(keys, s_, cap):
    p = [(i + 1) ** -s_ for i in range(keys)]
    z = sum(p)
    p = [x / z for x in p]
    lo, hi = 0.0, 1.0
    while sum(1 - math.exp(-x * hi) for x in p) < cap:
        hi *= 2
    for _ in range(100):
        mid = (lo + hi) / 2
        if sum(1 - math.exp(-x * mid) for x in p) < cap:
            lo = mid
        else:
            hi = mid
    return sum(x * (1 - math.exp(-x * lo)) for x in p)


def cache_nodes(rate, keys, zipf, cache):
    return [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": rate, "read_fraction": 1,
         "timeout_ms": 5000, "keys": {"count": keys, "zipf_s": zipf}},
        {"id": "svc", "kind": "service_group", "instances": 2, "cores": 64, "datastore": "db",
         "cache": "kv", "service_ms": {"dist": "const", "value": 0.1}, "async_io": True},
        dict({"id": "kv", "kind": "cache", "cores": 16}, **cache),
        {"id": "db", "kind": "datastore", "cores": 8, "queue_capacity": 100000,
         "service_ms": {"dist": "exp", "mean": 2}}]


CACHE_LINKS = [link("c", "svc", 1), link("svc", "kv", 0.5), link("svc", "db", 2),
               link("kv", "db", 2)]


def caches():
    print("LRU cache under Zipf: hit ratio against Che's approximation (2,000 keys, 2,000 reads/s)")
    for cap, z in ((100, 0.8), (300, 1.0), (1000, 0.6)):
        s = run(scenario(cache_nodes(2000, 2000, z, {"capacity_keys": cap}), CACHE_LINKS,
                         seed=12))
        print(f"  capacity {cap:4d}, zipf {z}: {s['cache']['hit_ratio']:.4f} "
              f"(Che {che(2000, z, cap):.4f})")
    print("Thundering herd: cache dies at 10 s, back empty at 11 s (6,000 reads/s, store 4,000/s)")
    for coal in (False, True):
        s = run(scenario(cache_nodes(6000, 1000, 1.1, {"capacity_keys": 1000, "coalescing": coal}),
                         CACHE_LINKS, duration=20, seed=12,
                         timeline=[{"at_s": 10, "action": "kill_node", "node": "kv"},
                                   {"at_s": 11, "action": "restart_node", "node": "kv"}]))
        print(f"  coalescing {str(coal):5s}: datastore ops/s mean {s['datastore']['ops_per_s']['mean']:.0f}, "
              f"latency p99 {s['latency_ms']['p99']:.1f} ms")


def limited(alg, rate, limit, duration, timeline=None, burst=20):
    """A client -> rate limiter -> service run; the service never limits anything itself."""
    return run(scenario(
        [{"id": "c", "kind": "client", "target": "gate", "rate_rps": rate, "timeout_ms": 5000},
         {"id": "gate", "kind": "rate_limiter", "target": "svc", "algorithm": alg,
          "limit_rps": limit, "burst": burst, "window_ms": 1000},
         {"id": "svc", "kind": "service_group", "instances": 1, "cores": 64,
          "service_ms": {"dist": "const", "value": 1}}],
        [link("c", "gate", 0), link("gate", "svc", 0)], duration=duration, seed=21,
        timeline=timeline))


def limiters():
    print("Rate limiters at twice the limit (400 req/s offered, limit 200/s, burst 20), 60 s")
    for alg in ("token_bucket", "leaky_bucket", "fixed_window", "sliding_log", "sliding_counter"):
        s = limited(alg, 400, 200, 60)
        print(f"  {alg:16s}: {s['requests']['completed'] / 60:6.1f} passed/s, "
              f"{s['requests']['failed']['rate_limited'] / 60:6.1f} refused/s, "
              f"latency p99 {s['latency_ms']['p99']:.1f} ms")
    print("  boundary burst (5,000 req/s from 0.8 s to 1.2 s, limit 100 per 1 s window):")
    burst = [{"at_s": 0.8, "action": "set_rate", "node": "c", "rate_rps": 5000},
             {"at_s": 1.2, "action": "set_rate", "node": "c", "rate_rps": 0}]
    for alg in ("fixed_window", "sliding_log", "sliding_counter", "token_bucket", "leaky_bucket"):
        s = limited(alg, 0, 100, 3, burst, burst=10)
        print(f"    {alg:16s}: {s['requests']['completed']} let through")


def idempotency():
    print("Retried increments over a slow link (100 req/s, timeout 60 ms, link 20/80 ms), 30 s")
    for keys, ttl in ((False, 60), (True, 60), (True, 0.001)):
        s = run(scenario(
            [{"id": "c", "kind": "client", "target": "svc", "rate_rps": 100, "read_fraction": 0,
              "write_kind": "increment", "timeout_ms": 60, "retries": 3,
              "retry_backoff_ms": {"base": 5, "max": 40, "jitter": True},
              "idempotency_keys": keys},
             {"id": "svc", "kind": "service_group", "instances": 2, "cores": 8, "datastore": "db",
              "service_ms": {"dist": "exp", "mean": 1}, "async_io": True},
             {"id": "db", "kind": "datastore", "cores": 8, "idempotency_ttl_s": ttl}],
            [link("c", "svc", 1), {"a": "svc", "b": "db", "latency_ms": {"median": 20, "p99": 80}}],
            duration=30, seed=8))
        print(f"  keys {str(keys):5s} ttl {ttl:6}: attempts {s['requests']['attempts']} for "
              f"{s['requests']['issued']} requests, duplicates {s['duplicate_side_effects']}")


def batching():
    print("Batching (4 ms per batch + 1 ms per request, 2 cores; size 1 = no batching)")
    for rate in (200, 800):
        for size in (1, 10):
            s = run(scenario(
                [{"id": "c", "kind": "client", "target": "svc", "rate_rps": rate, "timeout_ms": 5000},
                 {"id": "svc", "kind": "service_group", "instances": 1, "cores": 2,
                  "queue_capacity": 200, "batching": {"size": size, "max_wait_ms": 20,
                                                      "overhead_ms": 4, "per_item_ms": 1}}],
                [link("c", "svc", 1)], seed=13))
            print(f"  {rate} req/s, batch {size:2d}: {s['requests']['completed'] / 60:6.1f} done/s, "
                  f"p50 {s['latency_ms']['p50']:6.2f} ms, dropped {s['requests']['failed']['dropped']}")


def sharding():
    print("add_shard 4 -> 5 shards, 10,000 keys: fraction of keys moved")
    for strategy in ("consistent_hash", "hash_mod", "range"):
        s = run(scenario(
            [{"id": "c", "kind": "client", "target": "api", "rate_rps": 1000, "read_fraction": 0.8,
              "timeout_ms": 500, "keys": {"count": 10000, "zipf_s": 0}},
             {"id": "api", "kind": "service_group", "instances": 2, "cores": 16, "async_io": True,
              "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db"},
             {"id": "db", "kind": "datastore", "cores": 8,
              "shards": {"count": 4, "strategy": strategy, "vnodes": 256}}],
            [link("c", "api", 1), link("api", "db", 1)], duration=20, seed=4,
            timeline=[{"at_s": 5, "action": "add_shard", "node": "db"}]))
        print(f"  {strategy:16s}: {s['sharding']['keys_moved_fraction']:.4f} "
              f"(1/(n+1) = 0.2000, n/(n+1) = 0.8000)")
    print("busiest shard's share of operations, 4 shards, Zipf 1.1 keys")
    for strategy in ("range", "hash_mod", "consistent_hash"):
        s = run(scenario(
            [{"id": "c", "kind": "client", "target": "api", "rate_rps": 1000, "read_fraction": 0.8,
              "timeout_ms": 500, "keys": {"count": 10000, "zipf_s": 1.1}},
             {"id": "api", "kind": "service_group", "instances": 2, "cores": 16, "async_io": True,
              "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db"},
             {"id": "db", "kind": "datastore", "cores": 8,
              "shards": {"count": 4, "strategy": strategy}}],
            [link("c", "api", 1), link("api", "db", 1)], duration=20, seed=4))
        print(f"  {strategy:16s}: {s['sharding']['max_shard_share']:.3f}")


def pool():
    print("Connection pool: 250 req/s, 1 ms in the instance, 5 ms in a 16-core store, 1 ms links")
    for size in (0, 2):
        s = run(scenario(
            [{"id": "c", "kind": "client", "target": "api", "rate_rps": 250, "timeout_ms": 5000},
             {"id": "api", "kind": "service_group", "instances": 1, "cores": 8, "async_io": True,
              "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db", "db_pool": size},
             {"id": "db", "kind": "datastore", "cores": 16, "service_ms": {"dist": "exp", "mean": 5}}],
            [link("c", "api", 1), link("api", "db", 1)], duration=30, seed=6))
        print(f"  db_pool {size or 'none':4}: p50 {s['latency_ms']['p50']:6.2f} ms, "
              f"p99 {s['latency_ms']['p99']:7.2f} ms")


if __name__ == "__main__":
    for part in (amdahl, caches, limiters, idempotency, batching, sharding, pool):
        part()
