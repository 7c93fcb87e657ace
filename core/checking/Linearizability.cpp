#include "Linearizability.h"

#include "LinearizabilitySearch.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace cs::core {
namespace {

constexpr std::int64_t kAny =
    std::numeric_limits<std::int64_t>::min(); // register value not yet known
constexpr std::int64_t kUnread = kAny + 1;    // a value written that no read returns

// A register that increments can also add 1 to: `set` writes and increments may share a key.
struct RegisterModel {
    // Increments, and writes of values no read returns (all kUnread: the same effect). A window
    // holds one kind or the other, never both (see checkRegister).
    static bool interchangeable(const RegisterOp& op) {
        return op.add || (op.write && op.value == kUnread);
    }
    static bool readOnly(const RegisterOp& op) { return !op.write; }
    static bool apply(std::int64_t s, const RegisterOp& op, std::int64_t& next) {
        if (op.add) {
            next = s == kAny ? kAny : s + 1; // from an unknown value, still unknown
            return true;
        }
        next = op.value;
        return op.write || s == kAny || s == op.value;
    }
};

} // namespace

CheckResult checkRegister(const std::vector<RegisterOp>& all,
                          const std::optional<std::vector<std::int64_t>>& initial,
                          std::uint64_t stepBudget) {
    // A timed-out `set` write whose value no read returns changes nothing a read saw: no read falls
    // between it and the next write. Moved to the very end (or left out) every order stays valid,
    // so it leaves the search, and its value joins the final values (it may be the last write).
    // Under load most timed-out writes are of this kind, and each would double the search.
    // (Not where increments are: one after the write would turn its value into a read one.)
    std::unordered_set<std::int64_t> readValues;
    bool adds = false;
    for (const RegisterOp& op : all) {
        if (!op.write) readValues.insert(op.value);
        adds |= op.add;
    }
    std::vector<RegisterOp> ops;
    std::vector<int> origin;
    std::unordered_set<std::int64_t> finals, unread;
    for (std::size_t i = 0; i < all.size(); ++i) {
        RegisterOp op = all[i];
        if (!adds && op.write && !readValues.count(op.value)) {
            if (op.complete == RegisterOp::kNever) {
                finals.insert(op.value);
                continue;
            }
            // A completed write no read returns: what it wrote matters only as "not what anyone
            // read", so all such writes have one effect and are interchangeable for the search.
            unread.insert(op.value);
            op.value = kUnread;
        }
        ops.push_back(op);
        origin.push_back(static_cast<int>(i));
    }
    const std::vector<std::int64_t> starts = initial ? *initial : std::vector<std::int64_t>{kAny};
    CheckResult total;
    total.verdict = CheckResult::Verdict::NotLinearizable;
    bool unknown = false;
    for (std::int64_t start : starts) {
        using S = detail::Search<RegisterOp, RegisterModel>;
        const auto r = S::run(ops, start, stepBudget, S::Options{});
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
        for (std::int64_t f : r.finals) {
            if (f == kUnread)
                finals.insert(unread.begin(), unread.end()); // any of them (a superset)
            else
                finals.insert(f);
        }
    }
    if (total.firstBad >= 0) total.firstBad = origin[static_cast<std::size_t>(total.firstBad)];
    if (total.verdict == CheckResult::Verdict::Linearizable) {
        total.firstBad = -1;
        // A start value the search could not decide may end anywhere: its final values are not
        // known, so the next window must not be held to the others' (a false violation there).
        if (total.anyFinal || unknown || finals.size() > detail::kMaxFinals || finals.count(kAny)) {
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
            if (place(placedMust + (op.complete != RegisterOp::kNever), op.add     ? state + 1
                                                                        : op.write ? op.value
                                                                                   : state))
                return true;
            used[static_cast<std::size_t>(i)] = false;
        }
        return false;
    };
    return place(0, initial);
}

} // namespace cs::core
