// The event queue leaves events in (time, insertion sequence) order, whatever the pattern of
// pushes: compared against a plain binary heap on the same key.
#include "EventQueue.h"
#include "Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <queue>
#include <tuple>
#include <vector>

using namespace cs::core;

namespace {
struct Ref {
    SimTime time;
    std::uint64_t seq;
    std::uint32_t a;
    bool operator>(const Ref& o) const { return std::tie(time, seq) > std::tie(o.time, o.seq); }
};
using RefQueue = std::priority_queue<Ref, std::vector<Ref>, std::greater<>>;

// Pushes `pushes` events, popping one before each push with probability popShare; each push is
// at now + delay(rng). A negative delay schedules into the past, which the queue takes at the time
// of the last event popped (the clock never runs backwards): the reference does the same.
template <class Delay> void compare(std::uint64_t seed, int pushes, double popShare, Delay delay) {
    EventQueue q;
    RefQueue ref;
    Rng rng(seed);
    SimTime now = 0, floor = INT64_MIN;
    std::uint64_t seq = 0;
    auto popBoth = [&] {
        ASSERT_EQ(q.size(), ref.size());
        const Event e = q.pop();
        ASSERT_EQ(e.time, ref.top().time);
        ASSERT_EQ(e.a, ref.top().a) << "tie order differs at time " << e.time;
        ASSERT_EQ(e.type(), EventType::Deliver);
        now = floor = e.time;
        ref.pop();
    };
    for (int i = 0; i < pushes; ++i) {
        while (!q.empty() && rng.bernoulli(popShare)) popBoth();
        const SimTime t = now + delay(rng);
        q.push(t, EventType::Deliver, static_cast<std::uint32_t>(i));
        ref.push(Ref{std::max(t, floor), seq++, static_cast<std::uint32_t>(i)});
    }
    while (!q.empty()) popBoth();
    EXPECT_TRUE(ref.empty());
}
} // namespace

TEST(EventQueue, ExponentialDelaysLeaveInTimeOrder) {
    compare(1, 200'000, 0.5, [](Rng& r) { return static_cast<SimTime>(r.exponential(5e4)); });
}

TEST(EventQueue, TiesLeaveInInsertionOrder) {
    // Few distinct delays, zero among them: most events share their time with others.
    compare(2, 200'000, 0.45, [](Rng& r) { return static_cast<SimTime>(r.below(4)) * 1000; });
    compare(3, 100'000, 0.3, [](Rng& r) { return static_cast<SimTime>(r.below(2)); });
}

TEST(EventQueue, WideMixOfDelays) {
    // Microseconds to hours in one queue: events cross many buckets before they leave.
    compare(4, 200'000, 0.5, [](Rng& r) {
        return static_cast<SimTime>(r.exponential(1.0) * static_cast<double>(1ll << r.below(40)));
    });
}

TEST(EventQueue, PushesIntoThePastStayExact) {
    compare(5, 50'000, 0.5, [](Rng& r) {
        return r.bernoulli(0.05) ? -static_cast<SimTime>(r.below(3000))
                                 : static_cast<SimTime>(r.below(3000));
    });
}

TEST(EventQueue, NegativeTimesAndEmptying) {
    EventQueue q;
    q.push(-5, EventType::Retry, 1);
    q.push(-5, EventType::Retry, 2);
    q.push(-7, EventType::Retry, 3);
    q.push(3, EventType::Retry, 4);
    std::vector<std::uint32_t> order;
    while (!q.empty()) order.push_back(q.pop().a);
    EXPECT_EQ(order, (std::vector<std::uint32_t>{3, 1, 2, 4}));
    q.push(10, EventType::MetricsTick, 5);
    q.push(2, EventType::MetricsTick, 6); // after emptying, earlier than the last minimum
    EXPECT_EQ(q.top().a, 6u);
    EXPECT_EQ(q.pop().type(), EventType::MetricsTick);
    EXPECT_EQ(q.pop().a, 5u);
    EXPECT_TRUE(q.empty());
}

// The engine's guard (issue 13): an event scheduled before the last one taken runs at that time,
// after the events already there; one past the clock's end (an overflowed delay) never runs.
TEST(EventQueue, NothingIsScheduledIntoThePastOrPastTheEnd) {
    EventQueue q;
    q.push(100, EventType::Retry, 1);
    q.push(100, EventType::Retry, 2);
    q.push(200, EventType::Retry, 3);
    EXPECT_EQ(q.pop().a, 1u);
    q.push(50, EventType::Retry, 4); // into the past
    q.push(EventQueue::kEndOfTime + 1, EventType::Retry, 5);
    EXPECT_EQ(q.refusedIntoPast(), 1u);
    EXPECT_EQ(q.refusedPastEnd(), 1u);
    std::vector<std::pair<SimTime, std::uint32_t>> out;
    while (!q.empty()) {
        const Event e = q.pop();
        out.emplace_back(e.time, e.a);
    }
    EXPECT_EQ(out, (std::vector<std::pair<SimTime, std::uint32_t>>{{100, 2}, {100, 4}, {200, 3}}));
}

// The engine's records live in pools: a freed slot is the next one handed out (last freed, first
// reused, so runs repeat exactly), a stale reference is told apart by its generation, and records
// keep their place while the pool grows past a chunk.
TEST(Pool, ReusesTheLastFreedSlotAndKnowsStaleReferences) {
    Pool<int> pool;
    std::vector<std::uint32_t> ids;
    for (int k = 0; k < 600; ++k) ids.push_back(pool.alloc(k)); // more than two chunks
    EXPECT_EQ(pool.count(), 600u);
    for (int k = 0; k < 600; ++k)
        EXPECT_EQ(ids[static_cast<std::size_t>(k)], static_cast<std::uint32_t>(k));
    const int* first = &pool[0];
    const std::uint32_t gen7 = pool.gen(7);
    EXPECT_TRUE(pool.valid(7, gen7));
    pool.release(7);
    pool.release(300);
    pool.release(2);
    EXPECT_FALSE(pool.valid(7, gen7));
    EXPECT_FALSE(pool.live(300));
    EXPECT_EQ(pool.count(), 597u);
    EXPECT_EQ(pool.alloc(-1), 2u);
    EXPECT_EQ(pool.alloc(-2), 300u);
    EXPECT_EQ(pool.alloc(-3), 7u);
    EXPECT_TRUE(pool.live(7));
    EXPECT_NE(pool.gen(7), gen7);
    EXPECT_EQ(pool.alloc(-4), 600u); // none free: the pool grows
    EXPECT_EQ(pool.capacity(), 601u);
    EXPECT_EQ(&pool[0], first); // no record moved
    EXPECT_EQ(pool[300], -2);
    EXPECT_EQ(pool[599], 599);
    // Emptied and refilled, it hands out the same slots and does not grow.
    for (std::uint32_t i = 0; i < 601; ++i) pool.release(i);
    EXPECT_EQ(pool.count(), 0u);
    for (std::uint32_t k = 0; k < 601; ++k) EXPECT_EQ(pool.alloc(0), 600u - k);
    EXPECT_EQ(pool.capacity(), 601u);
}
