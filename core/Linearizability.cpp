#include "Linearizability.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace cs::core {
namespace {

constexpr std::int64_t kAny =
    std::numeric_limits<std::int64_t>::min(); // register value not yet known
constexpr std::size_t kMaxFinals = 16;

struct Entry {
    bool call;
    int op;
    std::int64_t time;
    int match = -1; // index of the return entry of a call, and the reverse
    int prev = -1, next = -1;
};

// Visited configurations: which ops are linearized (a bitset) and the register value.
struct Config {
    std::vector<std::uint64_t> bits;
    std::int64_t state;
    bool operator==(const Config& o) const { return state == o.state && bits == o.bits; }
};
struct ConfigHash {
    std::size_t operator()(const Config& c) const {
        std::size_t h = std::hash<std::int64_t>()(c.state);
        for (auto w : c.bits)
            h ^= std::hash<std::uint64_t>()(w) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        return h;
    }
};

// One search from one initial value. Finals are collected by continuing after each success.
CheckResult search(const std::vector<RegisterOp>& ops, std::int64_t initial, std::uint64_t budget) {
    CheckResult res;
    const int n = static_cast<int>(ops.size());
    std::vector<Entry> entries;
    entries.reserve(2 * ops.size());
    for (int i = 0; i < n; ++i) {
        entries.push_back({true, i, ops[static_cast<std::size_t>(i)].invoke});
        entries.push_back({false, i, ops[static_cast<std::size_t>(i)].complete});
    }
    // Calls before returns at equal times: touching operations count as concurrent.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.time < b.time || (a.time == b.time && a.call && !b.call);
    });
    std::vector<int> callOf(static_cast<std::size_t>(n)), retOf(static_cast<std::size_t>(n));
    for (int i = 0; i < 2 * n; ++i) {
        auto& e = entries[static_cast<std::size_t>(i)];
        (e.call ? callOf : retOf)[static_cast<std::size_t>(e.op)] = i;
        e.prev = i - 1;
        e.next = i + 1 < 2 * n ? i + 1 : -1;
    }
    for (int i = 0; i < n; ++i) {
        entries[static_cast<std::size_t>(callOf[static_cast<std::size_t>(i)])].match =
            retOf[static_cast<std::size_t>(i)];
        entries[static_cast<std::size_t>(retOf[static_cast<std::size_t>(i)])].match =
            callOf[static_cast<std::size_t>(i)];
    }
    int head = n > 0 ? 0 : -1;
    auto unlink = [&](int i) {
        Entry& e = entries[static_cast<std::size_t>(i)];
        if (e.prev >= 0)
            entries[static_cast<std::size_t>(e.prev)].next = e.next;
        else
            head = e.next;
        if (e.next >= 0) entries[static_cast<std::size_t>(e.next)].prev = e.prev;
    };
    auto relink = [&](int i) {
        Entry& e = entries[static_cast<std::size_t>(i)];
        if (e.prev >= 0)
            entries[static_cast<std::size_t>(e.prev)].next = i;
        else
            head = i;
        if (e.next >= 0) entries[static_cast<std::size_t>(e.next)].prev = i;
    };
    Config cfg{std::vector<std::uint64_t>((static_cast<std::size_t>(n) + 63) / 64, 0), initial};
    std::unordered_set<Config, ConfigHash> seen, seenFinal;
    struct Frame {
        int call;
        std::int64_t state;
    };
    std::vector<Frame> stack;
    std::unordered_set<std::int64_t> finals;
    int depthBest = 0, badAtBest = -1;
    // Operations that must take effect: all but the indeterminate ones, which may take effect
    // (anywhere after their invocation) or not at all.
    int mustLeft = 0;
    for (const RegisterOp& op : ops) mustLeft += op.complete != RegisterOp::kNever;
    auto must = [&](int op) {
        return ops[static_cast<std::size_t>(op)].complete != RegisterOp::kNever;
    };
    int e = head;
    auto backtrack = [&]() -> bool {
        if (stack.empty()) return false;
        const Frame f = stack.back();
        stack.pop_back();
        const int op = entries[static_cast<std::size_t>(f.call)].op;
        mustLeft += must(op);
        cfg.state = f.state;
        cfg.bits[static_cast<std::size_t>(op) / 64] &= ~(std::uint64_t{1} << (op % 64));
        relink(entries[static_cast<std::size_t>(f.call)].match);
        relink(f.call);
        e = entries[static_cast<std::size_t>(f.call)].next;
        return true;
    };
    for (;;) {
        if (++res.steps > budget) {
            res.verdict = CheckResult::Verdict::Unknown;
            return res;
        }
        if (mustLeft == 0 && seenFinal.insert(cfg).second) {
            // Everything that must happen has: note the final value (the indeterminate operations
            // left may still happen later), then keep looking for other orders and values.
            finals.insert(cfg.state);
            if (finals.size() > kMaxFinals) {
                res.anyFinal = true;
                break;
            }
        }
        if (head < 0) {
            if (!backtrack()) break;
            continue;
        }
        if (e < 0) { // cannot happen with a well-formed list; treat as dead end
            if (!backtrack()) break;
            continue;
        }
        const Entry& entry = entries[static_cast<std::size_t>(e)];
        if (entry.call) {
            const RegisterOp& op = ops[static_cast<std::size_t>(entry.op)];
            bool ok;
            std::int64_t next;
            if (op.write) {
                ok = true;
                next = op.value;
            } else {
                ok = cfg.state == kAny || cfg.state == op.value;
                next = op.value;
            }
            if (ok) {
                Config trial = cfg;
                trial.state = next;
                trial.bits[static_cast<std::size_t>(entry.op) / 64] |= std::uint64_t{1}
                                                                       << (entry.op % 64);
                if (seen.insert(trial).second) {
                    stack.push_back({e, cfg.state});
                    mustLeft -= must(entry.op);
                    cfg = std::move(trial);
                    unlink(entry.match);
                    unlink(e);
                    if (static_cast<int>(stack.size()) > depthBest)
                        depthBest = static_cast<int>(stack.size());
                    e = head;
                    continue;
                }
            }
            e = entry.next;
        } else {
            // The return of an operation not linearized yet: every order from here fails.
            if (static_cast<int>(stack.size()) >= depthBest) badAtBest = entry.op;
            if (!backtrack()) break;
        }
    }
    res.longestPrefix = depthBest;
    if (finals.empty()) {
        res.verdict = CheckResult::Verdict::NotLinearizable;
        res.firstBad = badAtBest;
    } else {
        res.verdict = CheckResult::Verdict::Linearizable;
        if (!res.anyFinal) res.finals.assign(finals.begin(), finals.end());
    }
    return res;
}

} // namespace

CheckResult checkRegister(const std::vector<RegisterOp>& ops,
                          const std::optional<std::vector<std::int64_t>>& initial,
                          std::uint64_t stepBudget) {
    const std::vector<std::int64_t> starts = initial ? *initial : std::vector<std::int64_t>{kAny};
    CheckResult total;
    total.verdict = CheckResult::Verdict::NotLinearizable;
    std::unordered_set<std::int64_t> finals;
    bool unknown = false;
    for (std::int64_t start : starts) {
        CheckResult r = search(ops, start, stepBudget);
        total.steps += r.steps;
        if (r.verdict == CheckResult::Verdict::Unknown) {
            unknown = true;
            continue;
        }
        if (r.verdict == CheckResult::Verdict::NotLinearizable) {
            if (r.longestPrefix >= total.longestPrefix) {
                total.longestPrefix = r.longestPrefix;
                total.firstBad = r.firstBad;
            }
            continue;
        }
        total.verdict = CheckResult::Verdict::Linearizable;
        total.anyFinal |= r.anyFinal;
        finals.insert(r.finals.begin(), r.finals.end());
    }
    if (total.verdict == CheckResult::Verdict::Linearizable) {
        total.firstBad = -1;
        if (total.anyFinal || finals.size() > kMaxFinals || finals.count(kAny)) {
            total.anyFinal = true;
        } else {
            total.finals.assign(finals.begin(), finals.end());
            std::sort(total.finals.begin(), total.finals.end());
        }
    } else if (unknown) {
        total.verdict =
            CheckResult::Verdict::Unknown; // never a false violation: part was not decided
    }
    return total;
}

bool bruteForceLinearizable(const std::vector<RegisterOp>& ops, std::int64_t initial) {
    const int n = static_cast<int>(ops.size());
    std::vector<bool> used(static_cast<std::size_t>(n), false);
    int mustTotal = 0;
    for (const RegisterOp& op : ops) mustTotal += op.complete != RegisterOp::kNever;
    // Indeterminate operations may be left out: success once every other one is placed.
    std::function<bool(int, std::int64_t)> place = [&](int placedMust, std::int64_t state) {
        if (placedMust == mustTotal) return true;
        for (int i = 0; i < n; ++i) {
            if (used[static_cast<std::size_t>(i)]) continue;
            // i may go next only if no unplaced op finished before i was invoked.
            bool allowed = true;
            for (int j = 0; j < n && allowed; ++j)
                if (!used[static_cast<std::size_t>(j)] && j != i &&
                    ops[static_cast<std::size_t>(j)].complete <
                        ops[static_cast<std::size_t>(i)].invoke)
                    allowed = false;
            if (!allowed) continue;
            const RegisterOp& op = ops[static_cast<std::size_t>(i)];
            if (!op.write && op.value != state) continue;
            used[static_cast<std::size_t>(i)] = true;
            if (place(placedMust + (op.complete != RegisterOp::kNever),
                      op.write ? op.value : state))
                return true;
            used[static_cast<std::size_t>(i)] = false;
        }
        return false;
    };
    return place(0, initial);
}

} // namespace cs::core
