// The checker against a brute-force search on thousands of small random histories, and on
// histories whose verdict is known by construction.
#include "Linearizability.h"
#include "Random.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>

using namespace cs::core;

namespace {
RegisterOp w(std::int64_t a, std::int64_t b, std::int64_t v) {
    return {a, b, true, v};
}
RegisterOp r(std::int64_t a, std::int64_t b, std::int64_t v) {
    return {a, b, false, v};
}
} // namespace

TEST(Linearizability, KnownHistories) {
    // Sequential write then read of the same value.
    EXPECT_EQ(checkRegister({w(0, 10, 1), r(20, 30, 1)}, std::vector<std::int64_t>{0}).verdict,
              CheckResult::Verdict::Linearizable);
    // A stale read after a completed write is not linearizable.
    const auto stale = checkRegister({w(0, 10, 1), r(20, 30, 0)}, std::vector<std::int64_t>{0});
    EXPECT_EQ(stale.verdict, CheckResult::Verdict::NotLinearizable);
    EXPECT_EQ(stale.firstBad, 1) << "the read cannot be placed";
    // Concurrent write and read may see either value.
    EXPECT_EQ(checkRegister({w(0, 30, 1), r(10, 20, 0)}, std::vector<std::int64_t>{0}).verdict,
              CheckResult::Verdict::Linearizable);
    EXPECT_EQ(checkRegister({w(0, 30, 1), r(10, 20, 1)}, std::vector<std::int64_t>{0}).verdict,
              CheckResult::Verdict::Linearizable);
    // A timed-out write may have happened (read sees it) or not (read sees the old value).
    EXPECT_EQ(
        checkRegister({w(0, RegisterOp::kNever, 5), r(40, 50, 5)}, std::vector<std::int64_t>{0})
            .verdict,
        CheckResult::Verdict::Linearizable);
    EXPECT_EQ(
        checkRegister({w(0, RegisterOp::kNever, 5), r(40, 50, 0)}, std::vector<std::int64_t>{0})
            .verdict,
        CheckResult::Verdict::Linearizable);
    // ...but it cannot be seen and then unseen.
    EXPECT_EQ(checkRegister({w(0, RegisterOp::kNever, 5), r(40, 50, 5), r(60, 70, 0)},
                            std::vector<std::int64_t>{0})
                  .verdict,
              CheckResult::Verdict::NotLinearizable);
    // Final values feed the next window.
    const auto fin = checkRegister({w(0, 30, 1), w(10, 20, 2)}, std::vector<std::int64_t>{0});
    EXPECT_EQ(fin.finals, (std::vector<std::int64_t>{1, 2}));
    EXPECT_EQ(checkRegister({r(0, 5, 7)}, std::nullopt).verdict, CheckResult::Verdict::Linearizable)
        << "an unknown initial value accepts the first read";
}

namespace {
// Checks `trials` random histories from `make` against the brute force (initial value 0) and
// that both verdicts come up often.
void agreesWithBruteForce(Rng& rng, int trials,
                          const std::function<std::vector<RegisterOp>(Rng&)>& make) {
    int linearizable = 0, not_ = 0;
    for (int trial = 0; trial < trials; ++trial) {
        const auto ops = make(rng);
        const bool expected = bruteForceLinearizable(ops, 0);
        const auto got = checkRegister(ops, std::vector<std::int64_t>{0});
        ASSERT_NE(got.verdict, CheckResult::Verdict::Unknown);
        ASSERT_EQ(got.verdict == CheckResult::Verdict::Linearizable, expected) << "trial " << trial;
        (expected ? linearizable : not_)++;
    }
    EXPECT_GT(linearizable, 500) << "the random histories cover both verdicts";
    EXPECT_GT(not_, 500);
}
} // namespace

TEST(Linearizability, AgreesWithBruteForceOnRandomHistories) {
    Rng rng(2024);
    agreesWithBruteForce(rng, 4000, [](Rng& rng) {
        const int n = 1 + static_cast<int>(rng.below(7));
        std::vector<RegisterOp> ops;
        for (int i = 0; i < n; ++i) {
            const auto start = static_cast<std::int64_t>(rng.below(40));
            const auto len = static_cast<std::int64_t>(1 + rng.below(20));
            RegisterOp op{start, rng.bernoulli(0.1) ? RegisterOp::kNever : start + len,
                          rng.bernoulli(0.5), static_cast<std::int64_t>(rng.below(3))};
            if (!op.write)
                op.complete =
                    op.complete == RegisterOp::kNever ? start + len : op.complete; // reads complete
            ops.push_back(op);
        }
        return ops;
    });
}

TEST(Linearizability, BudgetGivesUnknownNeverAPass) {
    std::vector<RegisterOp> ops;
    for (int i = 0; i < 60; ++i) { // 60 concurrent writes, each seen: a huge search
        ops.push_back(w(0, 1000, i));
        ops.push_back(r(0, 1000, i));
    }
    ops.push_back(r(2000, 2001, 999)); // and an impossible read
    const auto res = checkRegister(ops, std::vector<std::int64_t>{0}, 10'000);
    EXPECT_EQ(res.verdict, CheckResult::Verdict::Unknown);
}

namespace {
RegisterOp add(std::int64_t a, std::int64_t b) {
    RegisterOp op{a, b, true, 0};
    op.add = true;
    return op;
}

// n operations on one key within [0, 60): increments (if `counters`), `set` writes of values below
// `values`, and reads; a `timedOut` share of the writes never completes.
std::vector<RegisterOp> randomHistory(Rng& rng, int n, bool counters, std::uint64_t values,
                                      double timedOut) {
    std::vector<RegisterOp> ops;
    for (int i = 0; i < n; ++i) {
        const auto start = static_cast<std::int64_t>(rng.below(40));
        const auto end = start + static_cast<std::int64_t>(1 + rng.below(20));
        const double kind = rng.uniform();
        RegisterOp op = counters && kind < 0.45 ? add(start, end)
                        : kind < 0.6 ? w(start, end, static_cast<std::int64_t>(rng.below(values)))
                                     : r(start, end, static_cast<std::int64_t>(rng.below(4)));
        if (op.write && rng.bernoulli(timedOut)) op.complete = RegisterOp::kNever;
        ops.push_back(op);
    }
    return ops;
}
} // namespace

TEST(Linearizability, CounterHistories) {
    const std::vector<std::int64_t> zero{0};
    // Two acknowledged increments, then a read of the total.
    EXPECT_EQ(checkRegister({add(0, 10), add(5, 15), r(20, 30, 2)}, zero).verdict,
              CheckResult::Verdict::Linearizable);
    // A read that misses an acknowledged increment is a violation (a lost update or a stale read).
    const auto lost = checkRegister({add(0, 10), add(5, 15), r(20, 30, 1)}, zero);
    EXPECT_EQ(lost.verdict, CheckResult::Verdict::NotLinearizable);
    EXPECT_EQ(lost.firstBad, 2);
    // A read concurrent with an increment may see it or not.
    EXPECT_EQ(checkRegister({add(0, 30), r(10, 20, 0)}, zero).verdict,
              CheckResult::Verdict::Linearizable);
    EXPECT_EQ(checkRegister({add(0, 30), r(10, 20, 1)}, zero).verdict,
              CheckResult::Verdict::Linearizable);
    // Timed-out increments count for any subset of themselves, never more.
    std::vector<RegisterOp> ops;
    for (int i = 0; i < 40; ++i) ops.push_back(add(i, RegisterOp::kNever));
    ops.push_back(r(100, 110, 17));
    EXPECT_EQ(checkRegister(ops, zero).verdict, CheckResult::Verdict::Linearizable)
        << "17 of the 40 took effect";
    ops.back() = r(100, 110, 41);
    EXPECT_EQ(checkRegister(ops, zero).verdict, CheckResult::Verdict::NotLinearizable)
        << "41 increments cannot come from 40";
    // ...and once seen, an increment stays: the total never goes down.
    ops.back() = r(100, 110, 30);
    ops.push_back(r(120, 130, 29));
    EXPECT_EQ(checkRegister(ops, zero).verdict, CheckResult::Verdict::NotLinearizable);
}

TEST(Linearizability, CountersAndRegistersAgreeWithBruteForce) {
    // Increments mixed with `set` writes and reads on one key, a fifth of the writes timed out:
    // the search's shortcut for interchangeable timed-out increments must not change a verdict.
    Rng rng(77);
    agreesWithBruteForce(rng, 4000, [](Rng& rng) {
        return randomHistory(rng, 1 + static_cast<int>(rng.below(8)), true, 3, 0.2);
    });
}

namespace {
// Every final value some linearization ends with (indeterminate writes may also never happen),
// by trying every order: the reference for the final values that seed a live run's next window.
std::set<std::int64_t> bruteForceFinals(const std::vector<RegisterOp>& ops, std::int64_t initial) {
    std::set<std::int64_t> finals;
    std::vector<bool> used(ops.size(), false);
    std::function<void(std::int64_t)> place = [&](std::int64_t state) {
        bool mustLeft = false;
        for (std::size_t i = 0; i < ops.size(); ++i)
            mustLeft |= !used[i] && ops[i].complete != RegisterOp::kNever;
        if (!mustLeft) finals.insert(state);
        for (std::size_t i = 0; i < ops.size(); ++i) {
            if (used[i]) continue;
            bool allowed = true;
            for (std::size_t j = 0; j < ops.size() && allowed; ++j)
                allowed = used[j] || j == i || ops[j].complete >= ops[i].invoke;
            if (!allowed || (!ops[i].write && ops[i].value != state)) continue;
            used[i] = true;
            place(ops[i].add ? state + 1 : ops[i].write ? ops[i].value : state);
            used[i] = false;
        }
    };
    place(initial);
    return finals;
}
} // namespace

TEST(Linearizability, FinalValuesAgreeWithBruteForce) {
    // A live run checks in windows, each seeded with the previous one's possible final values: a
    // final value missed here would be a false violation in the next window.
    Rng rng(5);
    int compared = 0, exact = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        // Half the histories are registers alone (timed-out writes never read leave the search
        // there), half mix in increments.
        const auto ops =
            randomHistory(rng, 1 + static_cast<int>(rng.below(7)), trial % 2 == 0, 5, 0.3);
        // A window starts from known values, or from any value (after an undecided window):
        // then every start the values in the history allow is tried.
        const bool anyStart = trial % 3 == 0;
        std::vector<std::int64_t> starts{0, 1};
        if (anyStart)
            for (std::int64_t v = -8; v <= 8; ++v) starts.push_back(v);
        std::set<std::int64_t> expected;
        for (std::int64_t s : starts) {
            const auto f = bruteForceFinals(ops, s);
            expected.insert(f.begin(), f.end());
        }
        const auto got = checkRegister(
            ops, anyStart ? std::nullopt : std::optional<std::vector<std::int64_t>>(starts));
        ASSERT_EQ(got.verdict == CheckResult::Verdict::Linearizable, !expected.empty())
            << "trial " << trial;
        if (got.anyFinal) continue;
        // Every true final value is kept (a missing one would be a false violation later); the
        // only extra ones allowed are values written that no read returned (kept all together).
        const std::set<std::int64_t> finals(got.finals.begin(), got.finals.end());
        for (std::int64_t f : expected) ASSERT_TRUE(finals.count(f)) << "trial " << trial;
        std::set<std::int64_t> read, unread;
        for (const RegisterOp& op : ops)
            if (!op.write) read.insert(op.value);
        for (const RegisterOp& op : ops)
            if (op.write && !op.add && !read.count(op.value)) unread.insert(op.value);
        for (std::int64_t f : finals)
            ASSERT_TRUE(expected.count(f) || unread.count(f)) << "trial " << trial << ": " << f;
        exact += finals == expected;
        ++compared;
    }
    EXPECT_GT(compared, 1500);
    EXPECT_GT(exact, compared * 9 / 10);
}
