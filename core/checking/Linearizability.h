// A linearizability checker for single-key histories of reads, writes (`set`) and increments
// (Wing-Gong search with Lowe's cache of visited configurations, as Knossos and Porcupine do).
// Histories are checked per key, in windows cut where no operation is in flight; the possible
// register values at the end of one window seed the next, so memory stays bounded on long runs.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

namespace cs::core {

struct RegisterOp {
    static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    std::int64_t invoke = 0;
    std::int64_t complete =
        kNever; // kNever: indeterminate (timed out): it may or may not have happened
    bool write = false;
    std::int64_t value = 0; // written, or read
    // An increment (a write that adds 1; its result is unknown to the client): the key is then a
    // counter, and reads return the total. `write` is true as well; `value` is unused.
    bool add = false;
};

struct CheckResult {
    enum class Verdict { Linearizable, NotLinearizable, Unknown } verdict = Verdict::Unknown;
    // Register values some linearization ends with; empty with `anyFinal` when too many to keep.
    std::vector<std::int64_t> finals;
    bool anyFinal = false;
    // For a violation: the operation the search could not place after the longest linearizable
    // prefix it found (index into the ops given), and that prefix's length.
    int firstBad = -1;
    int longestPrefix = 0;
    std::uint64_t steps = 0;
};

// `initial`: the values the register may hold before the first operation; nullopt = any value.
// `stepBudget` bounds the search; past it the verdict is Unknown, never Linearizable.
CheckResult checkRegister(const std::vector<RegisterOp>& ops,
                          const std::optional<std::vector<std::int64_t>>& initial,
                          std::uint64_t stepBudget = 2'000'000);

// Exhaustive reference for tests: tries every order consistent with real time (small histories).
bool bruteForceLinearizable(const std::vector<RegisterOp>& ops, std::int64_t initial);

} // namespace cs::core
