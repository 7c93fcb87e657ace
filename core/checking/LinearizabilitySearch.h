// The Wing-Gong linearizability search with Lowe's cache, generic over operations and models, and
// resumable: `advance(steps)` runs a bounded number of steps, so several searches (the keys of a
// key-value history) can share one deterministic step budget fairly.
// Internal to core: Linearizability.cpp (registers, counters) and History.cpp (Jepsen models).
#pragma once

#include "Linearizability.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <optional>
#include <unordered_set>
#include <vector>

namespace cs::core::detail {

constexpr std::size_t kMaxFinals = 16;

// Configurations seen by the search (Lowe's cache): a bitset of the operations linearized and the
// model's state, packed into blocks of 64-bit words and indexed by an open-addressing table.
// One configuration costs (operations / 64 + 1) words plus a 4-byte slot: no allocation per entry,
// and growing never copies the entries (blocks), so peak memory stays near what is stored.
class VisitedSet {
public:
    explicit VisitedSet(std::size_t words)
        : m_words(words + 1), m_perBlock(std::max<std::size_t>(1, kBlockWords / m_words)) {
        m_slots.assign(1024, kEmpty);
    }

    // Inserts (bits, state); false if it was there already.
    bool insert(const std::vector<std::uint64_t>& bits, std::int64_t state) {
        if ((m_count + 1) * 4 > m_slots.size() * 3) grow();
        const std::uint64_t h = hash(bits.data(), state);
        std::size_t i = h & (m_slots.size() - 1);
        for (;; i = (i + 1) & (m_slots.size() - 1)) {
            const std::uint32_t at = m_slots[i];
            if (at == kEmpty) break;
            if (equal(at, bits.data(), state)) return false;
        }
        if (m_count % m_perBlock == 0) m_blocks.emplace_back().reserve(m_perBlock * m_words);
        std::vector<std::uint64_t>& block = m_blocks.back();
        block.insert(block.end(), bits.begin(), bits.end());
        block.push_back(static_cast<std::uint64_t>(state));
        m_slots[i] = static_cast<std::uint32_t>(m_count++);
        return true;
    }
    std::size_t size() const { return m_count; }
    std::size_t bytes() const {
        return m_count * m_words * sizeof(std::uint64_t) + m_slots.size() * sizeof(std::uint32_t);
    }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
    static constexpr std::size_t kBlockWords = 1 << 15; // 256 KiB
    const std::uint64_t* at(std::uint32_t entry) const {
        return m_blocks[entry / m_perBlock].data() + (entry % m_perBlock) * m_words;
    }
    std::uint64_t hash(const std::uint64_t* bits, std::int64_t state) const {
        std::uint64_t h = static_cast<std::uint64_t>(state) * 0x9E3779B97F4A7C15ull;
        for (std::size_t w = 0; w + 1 < m_words; ++w) {
            h ^= bits[w] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        }
        h ^= h >> 31;
        h *= 0xBF58476D1CE4E5B9ull;
        return h ^ (h >> 29);
    }
    bool equal(std::uint32_t at, const std::uint64_t* bits, std::int64_t state) const {
        const std::uint64_t* e = this->at(at);
        return e[m_words - 1] == static_cast<std::uint64_t>(state) &&
               std::memcmp(e, bits, (m_words - 1) * sizeof(std::uint64_t)) == 0;
    }
    void grow() {
        std::vector<std::uint32_t> old(m_slots.size() * 2, kEmpty);
        old.swap(m_slots);
        for (std::uint32_t entry : old) {
            if (entry == kEmpty) continue;
            const std::uint64_t* e = at(entry);
            std::size_t i =
                hash(e, static_cast<std::int64_t>(e[m_words - 1])) & (m_slots.size() - 1);
            while (m_slots[i] != kEmpty) i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = entry;
        }
    }
    std::size_t m_words, m_perBlock;
    std::size_t m_count = 0;
    std::vector<std::vector<std::uint64_t>> m_blocks;
    std::vector<std::uint32_t> m_slots;
};

// Op: has `invoke` and `complete` (RegisterOp::kNever when indeterminate).
// Model: `static bool apply(std::int64_t state, const Op&, std::int64_t& next)`. Every model's
// state is one 64-bit value (a register value, a counter, an interned string). Two reductions keep
// the search small where WGL alone explodes (histories around a failover, with many slow and
// timed-out operations); both rest on exchange arguments, and tests check them against a
// brute-force search:
// - `static bool interchangeable(const Op&)`: true for operations with the same effect (increments
//   by 1). If a and b are both callable and a completes no later than b, any linearization placing
//   b next can swap the two (a goes now, b where a was, still before b completes), so of the
//   callable ones only the one that completes first is tried (earliest deadline first). Without
//   this, k concurrent or timed-out increments make 2^k configurations of the same counts.
// - `static bool readOnly(const Op&)`: a read that fits the current state and leaves it as it is
//   is placed at once and no order that postpones it is tried: moving it earlier, to a point inside
//   its interval where the state is its value, keeps any linearization valid and its final state.
//   (A read from an unknown initial value sets it: that one is not forced.)
template <class Op, class Model> class Search {
public:
    using State = std::int64_t;
    struct Options {
        // If set, a wall-clock bound as well (interactive use only: `--budget-s`); the step
        // budget is what keeps verdicts independent of the machine's speed.
        std::optional<std::chrono::steady_clock::time_point> deadline;
        // If set, another thread may ask the search to stop (the verdict stays Unknown).
        const std::atomic<bool>* cancel = nullptr;
        // An indeterminate operation may also never take effect. That matters for the final
        // states (windows of a live run). For a verdict alone it does not: an indeterminate
        // operation completes at +infinity, and placing it after everything else is the same as
        // never, so whole histories pass false and the search needs no branch for "never".
        bool optionalIndeterminate = true;
        // Keep the longest linearizable prefix (for a violation report).
        bool keepPrefix = false;
        // Stop at the first linearization found: the verdict is all that is wanted, not the set
        // of final states (which would need the whole space explored).
        bool verdictOnly = false;
        // Past this much memory for visited configurations the search gives up (Unknown): a long
        // single-key history costs (operations / 8) bytes per configuration.
        std::size_t maxBytes = std::size_t{192} << 20;
    };
    struct Result {
        CheckResult::Verdict verdict = CheckResult::Verdict::Unknown;
        std::vector<State> finals;
        bool anyFinal = false;
        int firstBad = -1, longestPrefix = 0;
        std::vector<int> prefix; // the operations of the longest linearizable prefix, in order
        std::uint64_t steps = 0;
    };

    Search(const std::vector<Op>& ops, State initial, const Options& opt)
        : m_ops(ops), m_opt(opt), m_n(static_cast<int>(ops.size())),
          m_bits((ops.size() + 63) / 64, 0), m_state(initial), m_seen(m_bits.size()),
          m_seenFinal(m_bits.size()) {
        buildEntries();
        for (int i = 0; i < m_n; ++i) m_mustLeft += must(i);
        m_e = m_head;
        m_edf = earliestCallableReturn();
    }

    // Runs at most `steps` more steps. True once decided (see result()); false if the steps ran
    // out first (call again to go on) or the deadline passed (the verdict stays Unknown).
    bool advance(std::uint64_t steps) {
        if (m_done) return true;
        const std::uint64_t stop = m_res.steps + steps;
        while (m_res.steps < stop) {
            ++m_res.steps;
            if ((m_res.steps & 1023) == 0) {
                if ((m_opt.deadline && std::chrono::steady_clock::now() > *m_opt.deadline) ||
                    (m_opt.cancel && m_opt.cancel->load(std::memory_order_relaxed)))
                    return false;
                if (m_seen.bytes() + m_seenFinal.bytes() > m_opt.maxBytes) {
                    m_outOfMemory = true;
                    return false;
                }
            }
            if (step()) {
                finish();
                return true;
            }
        }
        return false;
    }
    const Result& result() const { return m_res; }
    // It stopped at its memory bound: more steps would not help.
    bool outOfMemory() const { return m_outOfMemory; }

    // A whole search within `budget` steps (Unknown past it, never a pass).
    static Result run(const std::vector<Op>& ops, State initial, std::uint64_t budget,
                      const Options& opt) {
        Search s(ops, initial, opt);
        s.advance(budget);
        return s.m_res;
    }

private:
    struct Entry {
        bool call;
        int op;
        std::int64_t time;
        int match = -1, prev = -1, next = -1;
    };
    struct Frame {
        int call;
        State state;
        std::int64_t passedReturn; // the scan had passed a free interchangeable op ending then
        std::int64_t edf;          // the earliest return of the callable interchangeable ops
        bool forced;               // a read placed as soon as it fit: no alternative to try
    };

    void buildEntries() {
        m_entries.reserve(2 * m_ops.size());
        for (int i = 0; i < m_n; ++i) {
            m_entries.push_back({true, i, op(i).invoke});
            m_entries.push_back({false, i, op(i).complete});
        }
        // Calls before returns at equal times: touching operations count as concurrent.
        std::sort(m_entries.begin(), m_entries.end(), [](const Entry& a, const Entry& b) {
            return a.time < b.time || (a.time == b.time && a.call && !b.call);
        });
        std::vector<int> callOf(static_cast<std::size_t>(m_n)),
            retOf(static_cast<std::size_t>(m_n));
        for (int i = 0; i < 2 * m_n; ++i) {
            Entry& e = entry(i);
            (e.call ? callOf : retOf)[static_cast<std::size_t>(e.op)] = i;
            e.prev = i - 1;
            e.next = i + 1 < 2 * m_n ? i + 1 : -1;
        }
        for (int i = 0; i < m_n; ++i) {
            entry(callOf[static_cast<std::size_t>(i)]).match = retOf[static_cast<std::size_t>(i)];
            entry(retOf[static_cast<std::size_t>(i)]).match = callOf[static_cast<std::size_t>(i)];
        }
        m_head = m_n > 0 ? 0 : -1;
    }

    const Op& op(int i) const { return m_ops[static_cast<std::size_t>(i)]; }
    Entry& entry(int i) { return m_entries[static_cast<std::size_t>(i)]; }
    // Operations that must take effect: all but the indeterminate ones when those are optional.
    int must(int i) const {
        return !m_opt.optionalIndeterminate || op(i).complete != RegisterOp::kNever;
    }
    void flip(int i) { m_bits[static_cast<std::size_t>(i) / 64] ^= std::uint64_t{1} << (i % 64); }
    void unlink(int i) {
        Entry& e = entry(i);
        if (e.prev >= 0)
            entry(e.prev).next = e.next;
        else
            m_head = e.next;
        if (e.next >= 0) entry(e.next).prev = e.prev;
    }
    void relink(int i) {
        Entry& e = entry(i);
        if (e.prev >= 0)
            entry(e.prev).next = i;
        else
            m_head = i;
        if (e.next >= 0) entry(e.next).prev = i;
    }
    bool backtrack() {
        for (;;) {
            if (m_stack.empty()) return false;
            const Frame f = m_stack.back();
            m_stack.pop_back();
            const int o = entry(f.call).op;
            m_mustLeft += must(o);
            m_state = f.state;
            flip(o);
            relink(entry(f.call).match);
            relink(f.call);
            m_e = entry(f.call).next;
            m_passedReturn = f.passedReturn;
            m_edf = f.edf;
            if (Model::interchangeable(op(o))) pass(o);
            if (!f.forced) return true;
        }
    }

    // One step of the search; true when it has ended (explored, or enough finals found).
    bool step() {
        if (m_mustLeft == 0 && m_seenFinal.insert(m_bits, m_state)) {
            // Everything that must happen has: note the final state (indeterminate operations
            // left may still happen later), then keep looking for other orders and states.
            if (std::find(m_finals.begin(), m_finals.end(), m_state) == m_finals.end())
                m_finals.push_back(m_state);
            if (m_opt.verdictOnly) return true;
            if (m_finals.size() > kMaxFinals) {
                m_res.anyFinal = true;
                return true;
            }
        }
        if (m_head < 0 || m_e < 0) return !backtrack();
        const Entry& cur = entry(m_e);
        if (!cur.call) {
            // The return of an operation not linearized yet: every order from here fails.
            if (static_cast<int>(m_stack.size()) >= m_depthBest) m_badAtBest = cur.op;
            return !backtrack();
        }
        const bool interchangeable = Model::interchangeable(op(cur.op));
        if (interchangeable &&
            (op(cur.op).complete > m_edf ||
             (m_passedReturn != kNoReturn && m_passedReturn <= op(cur.op).complete))) {
            m_e = cur.next; // an earlier one, ending no later, is free: it goes first
            return false;
        }
        State next;
        // An optional operation that would change nothing here gains nothing from being placed
        // here: leaving it out is the same order, so that branch is not explored.
        const bool pointless = m_opt.optionalIndeterminate && !must(cur.op);
        if (Model::apply(m_state, op(cur.op), next) && !(pointless && next == m_state)) {
            flip(cur.op);
            if (m_seen.insert(m_bits, next)) {
                m_stack.push_back({m_e, m_state, m_passedReturn, m_edf,
                                   Model::readOnly(op(cur.op)) && must(cur.op) && next == m_state});
                m_passedReturn = kNoReturn;
                m_mustLeft -= must(cur.op);
                m_state = next;
                unlink(cur.match);
                unlink(m_e);
                m_edf = earliestCallableReturn();
                if (static_cast<int>(m_stack.size()) > m_depthBest) notePrefix();
                m_e = m_head;
                return false;
            }
            flip(cur.op);
        }
        if (interchangeable) pass(cur.op);
        m_e = cur.next;
        return false;
    }

    void notePrefix() {
        m_depthBest = static_cast<int>(m_stack.size());
        if (!m_opt.keepPrefix) return;
        m_res.prefix.clear();
        for (const Frame& f : m_stack) m_res.prefix.push_back(entry(f.call).op);
    }

    void finish() {
        m_done = true;
        m_res.longestPrefix = m_depthBest;
        if (m_finals.empty()) {
            m_res.verdict = CheckResult::Verdict::NotLinearizable;
            m_res.firstBad = m_badAtBest;
        } else {
            m_res.verdict = CheckResult::Verdict::Linearizable;
            if (!m_res.anyFinal) m_res.finals = m_finals;
        }
    }

    const std::vector<Op>& m_ops;
    Options m_opt;
    int m_n;
    std::vector<Entry> m_entries;
    int m_head = -1, m_e = -1;
    std::vector<std::uint64_t> m_bits; // which operations are linearized
    State m_state;                     // the model's state after them
    VisitedSet m_seen, m_seenFinal;
    std::vector<Frame> m_stack;
    std::vector<State> m_finals;
    int m_mustLeft = 0, m_depthBest = 0, m_badAtBest = -1;
    bool m_done = false, m_outOfMemory = false;
    static constexpr std::int64_t kNoReturn = std::numeric_limits<std::int64_t>::min();
    // The earliest return among free interchangeable ops the current scan has passed (kNoReturn:
    // none yet; an indeterminate one returns at kNever).
    std::int64_t m_passedReturn = kNoReturn;
    std::int64_t m_edf = RegisterOp::kNever;
    // The callable operations are the calls ahead of the first pending return in the list.
    std::int64_t earliestCallableReturn() {
        std::int64_t best = RegisterOp::kNever;
        for (int i = m_head; i >= 0 && entry(i).call; i = entry(i).next)
            if (Model::interchangeable(op(entry(i).op)))
                best = std::min(best, op(entry(i).op).complete);
        return best;
    }
    void pass(int o) {
        m_passedReturn =
            m_passedReturn == kNoReturn ? op(o).complete : std::min(m_passedReturn, op(o).complete);
    }
    Result m_res;
};

} // namespace cs::core::detail
