// The Wing-Gong linearizability search with Lowe's cache, generic over operations and models.
// Internal to core: Linearizability.cpp (registers) and History.cpp (Jepsen models) use it.
#pragma once

#include "Linearizability.h"

#include <algorithm>
#include <chrono>
#include <optional>
#include <unordered_set>
#include <vector>

namespace cs::core::detail {

constexpr std::size_t kMaxFinals = 16;

// Op: has `invoke` and `complete` (RegisterOp::kNever when indeterminate).
// Model: `State`, `static bool apply(const State&, const Op&, State& next)`, `static std::size_t
// hash(const State&)`. Returns the verdict and the distinct final states (up to kMaxFinals).
template <class Op, class Model> struct Search {
    using State = typename Model::State;
    struct Result {
        CheckResult::Verdict verdict = CheckResult::Verdict::Unknown;
        std::vector<State> finals;
        bool anyFinal = false;
        int firstBad = -1, longestPrefix = 0;
        std::vector<int> prefix; // the operations of the longest linearizable prefix, in order
        std::uint64_t steps = 0;
    };

    // `budget` bounds the steps (deterministic, for the engine); `deadline`, if set, the wall time.
    // `optionalIndeterminate`: an indeterminate operation may also never take effect. That matters
    // for the final states (windows of a live run); for a verdict alone, placing it last is the
    // same and prunes the search far better, so whole histories pass false.
    static Result run(const std::vector<Op>& ops, const State& initial, std::uint64_t budget,
                      std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt,
                      bool optionalIndeterminate = true, bool keepPrefix = false) {
        Result res;
        const int n = static_cast<int>(ops.size());
        struct Entry {
            bool call;
            int op;
            std::int64_t time;
            int match = -1, prev = -1, next = -1;
        };
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
        // A configuration: which operations are linearized (a bitset) and the model's state.
        struct Config {
            std::vector<std::uint64_t> bits;
            State state;
            bool operator==(const Config& o) const { return state == o.state && bits == o.bits; }
        };
        struct ConfigHash {
            std::size_t operator()(const Config& c) const {
                std::size_t h = Model::hash(c.state);
                for (auto w : c.bits)
                    h ^=
                        std::hash<std::uint64_t>()(w) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
                return h;
            }
        };
        struct StateHash {
            std::size_t operator()(const State& s) const { return Model::hash(s); }
        };
        Config cfg{std::vector<std::uint64_t>((static_cast<std::size_t>(n) + 63) / 64, 0), initial};
        std::unordered_set<Config, ConfigHash> seen, seenFinal;
        struct Frame {
            int call;
            State state;
        };
        std::vector<Frame> stack;
        std::unordered_set<State, StateHash> finals;
        int depthBest = 0, badAtBest = -1;
        // Operations that must take effect: all but the indeterminate ones, which may take effect
        // (anywhere after their invocation) or not at all.
        auto must = [&](int op) {
            return !optionalIndeterminate ||
                   ops[static_cast<std::size_t>(op)].complete != RegisterOp::kNever;
        };
        int mustLeft = 0;
        for (int i = 0; i < n; ++i) mustLeft += must(i);
        int e = head;
        auto backtrack = [&]() -> bool {
            if (stack.empty()) return false;
            Frame f = std::move(stack.back());
            stack.pop_back();
            const int op = entries[static_cast<std::size_t>(f.call)].op;
            mustLeft += must(op);
            cfg.state = std::move(f.state);
            cfg.bits[static_cast<std::size_t>(op) / 64] &= ~(std::uint64_t{1} << (op % 64));
            relink(entries[static_cast<std::size_t>(f.call)].match);
            relink(f.call);
            e = entries[static_cast<std::size_t>(f.call)].next;
            return true;
        };
        for (;;) {
            if (++res.steps > budget || (deadline && (res.steps & 1023) == 0 &&
                                         std::chrono::steady_clock::now() > *deadline)) {
                res.verdict = CheckResult::Verdict::Unknown;
                return res;
            }
            if (mustLeft == 0 && seenFinal.insert(cfg).second) {
                // Everything that must happen has: note the final state (indeterminate operations
                // left may still happen later), then keep looking for other orders and states.
                finals.insert(cfg.state);
                if (finals.size() > kMaxFinals) {
                    res.anyFinal = true;
                    break;
                }
            }
            if (head < 0 || e < 0) {
                if (!backtrack()) break;
                continue;
            }
            const Entry& entry = entries[static_cast<std::size_t>(e)];
            if (entry.call) {
                State next;
                // An optional operation that would change nothing here gains nothing from being
                // placed here: leaving it out is the same order, so that branch is not explored.
                const bool pointless = optionalIndeterminate && !must(entry.op);
                if (Model::apply(cfg.state, ops[static_cast<std::size_t>(entry.op)], next) &&
                    !(pointless && next == cfg.state)) {
                    Config trial{cfg.bits, std::move(next)};
                    trial.bits[static_cast<std::size_t>(entry.op) / 64] |= std::uint64_t{1}
                                                                           << (entry.op % 64);
                    if (seen.insert(trial).second) {
                        stack.push_back({e, std::move(cfg.state)});
                        mustLeft -= must(entry.op);
                        cfg = std::move(trial);
                        unlink(entry.match);
                        unlink(e);
                        if (static_cast<int>(stack.size()) > depthBest) {
                            depthBest = static_cast<int>(stack.size());
                            if (keepPrefix) {
                                res.prefix.clear();
                                for (const Frame& f : stack)
                                    res.prefix.push_back(
                                        entries[static_cast<std::size_t>(f.call)].op);
                            }
                        }
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
};

} // namespace cs::core::detail
