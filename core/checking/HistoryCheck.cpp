// Checking histories (History.h): the models (cas-register, key-value, counter) over the search
// of LinearizabilitySearch.h, key-value and counter histories checked key by key.
#include "History.h"

#include "LinearizabilitySearch.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace cs::core {
namespace {
using F = HistoryOp::F;
constexpr std::int64_t kNil = HistoryOp::kNil;

// What the search needs of an operation (48 bytes instead of a HistoryOp's ~170): a
// million-operation history is checked without copying its strings.
struct CheckOp {
    std::int64_t invoke = 0, complete = RegisterOp::kNever;
    std::int64_t a = HistoryOp::kNil, b = HistoryOp::kNil;
    const std::string* text = nullptr; // the HistoryOp's
    int line = 0;
    F f = F::Read;
    explicit CheckOp(const HistoryOp& op)
        : invoke(op.invoke), complete(op.complete), a(op.a), b(op.b), text(&op.text), line(op.line),
          f(op.f) {}
};

struct CasModel {
    static bool interchangeable(const CheckOp&) { return false; }
    static bool readOnly(const CheckOp& op) { return op.f == F::Read; }
    static bool apply(std::int64_t s, const CheckOp& op, std::int64_t& next) {
        switch (op.f) {
        case F::Read:
            next = s;
            return s == op.a;
        case F::Write:
            next = op.a;
            return true;
        case F::Cas:
            if (op.complete ==
                RegisterOp::kNever) { // indeterminate: took effect if it could, or not
                next = s == op.a ? op.b : s;
                return true;
            }
            next = op.b;
            return s == op.a;
        default:
            return false;
        }
    }
};

// Key-value values are interned: the search copies and compares states at every step, and
// appended strings grow long, so a state is the index of its string in this table (one per key).
struct Interned {
    std::deque<std::string> strings{std::string()}; // stable addresses: the index points into it
    std::unordered_map<std::string_view, std::int64_t> index{{std::string_view(), 0}};
    std::int64_t id(std::string s) {
        if (const auto it = index.find(s); it != index.end()) return it->second;
        const auto id = static_cast<std::int64_t>(strings.size());
        index.emplace(strings.emplace_back(std::move(s)), id);
        return id;
    }
};
thread_local Interned* kvStrings = nullptr;

// The value of a key at the start of a window of a longer history: a read tells it.
constexpr std::int64_t kUnknownValue = std::numeric_limits<std::int64_t>::min();

struct KvModel {
    static bool interchangeable(const CheckOp&) { return false; }
    static bool readOnly(const CheckOp& op) { return op.f == F::Get; }
    static bool apply(std::int64_t s, const CheckOp& op, std::int64_t& next) {
        if (s == kUnknownValue) { // a read tells the value; an append to it leaves it unknown
            next = op.f == F::Append ? s : kvStrings->id(*op.text);
            return true;
        }
        const std::string& cur = kvStrings->strings[static_cast<std::size_t>(s)];
        switch (op.f) {
        case F::Get:
            next = s;
            return cur == *op.text;
        case F::Put:
            next = kvStrings->id(*op.text);
            return true;
        case F::Append: {
            std::string joined; // exactly sized: thousands of these are kept
            joined.reserve(cur.size() + op.text->size());
            joined.append(cur).append(*op.text);
            next = kvStrings->id(std::move(joined));
            return true;
        }
        default:
            return false;
        }
    }
};

// A counter per key; values were parsed into `a` (see counterOps). An :add whose result is
// unknown to the client takes effect whenever it is linearized.
struct CounterModel {
    static bool interchangeable(const CheckOp& op) { return op.f == F::Add && op.a == 1; }
    static bool readOnly(const CheckOp& op) { return op.f == F::Get; }
    static bool apply(std::int64_t s, const CheckOp& op, std::int64_t& next) {
        if (s == kUnknownValue) { // a read tells the value; an increment leaves it unknown
            next = op.f == F::Add ? s : op.a;
            return true;
        }
        switch (op.f) {
        case F::Get:
            next = s;
            return s == op.a;
        case F::Put:
            next = op.a;
            return true;
        case F::Add:
            next = s + op.a;
            return true;
        default:
            return false;
        }
    }
};

// The functions each model takes; anything else is an error naming the line.
bool modelTakes(HistoryModel model, F f) {
    switch (model) {
    case HistoryModel::Register:
        return f == F::Read || f == F::Write;
    case HistoryModel::CasRegister:
        return f == F::Read || f == F::Write || f == F::Cas;
    case HistoryModel::Kv:
        return f == F::Get || f == F::Put || f == F::Append;
    case HistoryModel::Counter:
        return f == F::Get || f == F::Put || f == F::Add;
    }
    return false;
}

const char* functionName(F f) {
    switch (f) {
    case F::Read:
        return ":read";
    case F::Write:
        return ":write";
    case F::Cas:
        return ":cas";
    case F::Get:
        return ":get";
    case F::Put:
        return ":put";
    case F::Append:
        return ":append";
    case F::Add:
        return ":add";
    }
    return "?";
}

const char* modelName(HistoryModel m) {
    switch (m) {
    case HistoryModel::Register:
        return "register";
    case HistoryModel::CasRegister:
        return "cas-register";
    case HistoryModel::Kv:
        return "kv";
    case HistoryModel::Counter:
        return "counter";
    }
    return "?";
}

// The counter model's integers: an :add without a value adds 1, nil reads as 0.
bool counterValue(const HistoryOp& op, std::int64_t& out) {
    if (op.text.empty()) {
        out = op.f == F::Add ? 1 : 0;
        return true;
    }
    auto [p, ec] = std::from_chars(op.text.data(), op.text.data() + op.text.size(), out);
    return ec == std::errc() && p == op.text.data() + op.text.size();
}

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

// Per-key search by iterative deepening: in round r every undecided key gets a fresh search of
// kFirstSlice x 4^r steps, until every key is decided, one is refuted, or the budget runs out. A
// key that is quickly refuted is never hidden behind one that is hard to decide, only one search
// holds memory at a time, and the repeated work is at most a third more steps.
// `prepare(key index)` runs before each search (the kv model's string table).
template <class Model, class Prepare>
CheckResult::Verdict checkPerKey(const std::vector<std::vector<CheckOp>>& keys,
                                 std::int64_t initial, const CheckBudget& limits,
                                 const Deadline& deadline, Prepare&& prepare, int& firstBadKey,
                                 int& firstBad, std::uint64_t& steps) {
    const std::uint64_t budget = limits.steps;
    using S = detail::Search<CheckOp, Model>;
    constexpr std::uint64_t kFirstSlice = 10'000;
    bool gaveUp = false;
    std::vector<std::size_t> open(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) open[k] = k;
    for (std::uint64_t slice = kFirstSlice; !open.empty(); slice *= 4) {
        std::vector<std::size_t> still;
        for (std::size_t k : open) {
            if (steps >= budget) return CheckResult::Verdict::Unknown;
            prepare(k);
            S search(keys[k], initial,
                     typename S::Options{deadline, limits.cancel, false, false, true});
            const bool decided = search.advance(std::min(slice, budget - steps));
            steps += search.result().steps;
            if (!decided) {
                if ((deadline && std::chrono::steady_clock::now() > *deadline) ||
                    (limits.cancel && limits.cancel->load()))
                    return CheckResult::Verdict::Unknown;
                if (search.outOfMemory())
                    gaveUp = true; // undecided for good; other keys may still be refuted
                else
                    still.push_back(k);
            } else if (search.result().verdict == CheckResult::Verdict::NotLinearizable) {
                firstBadKey = static_cast<int>(k);
                firstBad = search.result().firstBad;
                return CheckResult::Verdict::NotLinearizable;
            }
        }
        open = std::move(still);
    }
    return gaveUp ? CheckResult::Verdict::Unknown : CheckResult::Verdict::Linearizable;
}

} // namespace

HistoryModel defaultModel(const History& h) {
    if (h.format == History::Format::EtcdLog) return HistoryModel::CasRegister;
    for (const auto& op : h.ops)
        if (op.f == F::Add) return HistoryModel::Counter;
    return HistoryModel::Kv;
}

HistoryVerdict checkHistory(const History& h, HistoryModel model, const CheckBudget& budget) {
    HistoryVerdict v;
    v.operations = h.ops.size();
    const Deadline deadline =
        budget.seconds > 0
            ? Deadline(std::chrono::steady_clock::now() +
                       std::chrono::microseconds(static_cast<std::int64_t>(budget.seconds * 1e6)))
            : std::nullopt;
    for (const auto& op : h.ops) {
        std::int64_t ignored = 0;
        if (!modelTakes(model, op.f)) {
            v.error = std::to_string(op.line) + ": expected an operation of the " +
                      modelName(model) + " model, got " + functionName(op.f);
            return v;
        }
        if (model == HistoryModel::Counter && !counterValue(op, ignored)) {
            v.error = std::to_string(op.line) + ": expected an integer value for the counter " +
                      "model, got \"" + op.text + "\"";
            return v;
        }
    }
    if (model == HistoryModel::Kv || model == HistoryModel::Counter) {
        std::map<std::string, std::pair<std::vector<CheckOp>, std::vector<int>>> byKey;
        for (std::size_t i = 0; i < h.ops.size(); ++i) {
            auto& [ops, index] = byKey[h.ops[i].key];
            CheckOp& o = ops.emplace_back(h.ops[i]);
            index.push_back(static_cast<int>(i));
            if (model == HistoryModel::Counter) counterValue(h.ops[i], o.a);
        }
        std::vector<std::vector<CheckOp>> keys;
        std::vector<std::vector<int>> indexOf; // per key: each operation's index in h.ops
        for (auto& [key, both] : byKey) {
            keys.push_back(std::move(both.first));
            indexOf.push_back(std::move(both.second));
        }
        int badKey = -1, bad = -1;
        const std::int64_t start = h.unknownStart ? kUnknownValue : 0;
        // The refuted key is searched once more keeping the longest linearizable prefix, which
        // the History view shows (the first search does not keep it: that costs on every step).
        std::vector<int> prefix;
        auto prefixOf = [&]<class Model>(Model) {
            using S = detail::Search<CheckOp, Model>;
            S again(keys[static_cast<std::size_t>(badKey)], start,
                    typename S::Options{deadline, budget.cancel, false, /*keepPrefix=*/true, true});
            again.advance(budget.steps);
            prefix = again.result().prefix;
        };
        if (model == HistoryModel::Kv) {
            Interned strings;
            auto fresh = [&](std::size_t) {
                strings = Interned{};
                kvStrings = &strings;
            };
            v.verdict =
                checkPerKey<KvModel>(keys, start, budget, deadline, fresh, badKey, bad, v.steps);
            if (v.verdict == CheckResult::Verdict::NotLinearizable && badKey >= 0) {
                fresh(0);
                prefixOf(KvModel{});
            }
            kvStrings = nullptr;
        } else {
            v.verdict = checkPerKey<CounterModel>(
                keys, start, budget, deadline, [](std::size_t) {}, badKey, bad, v.steps);
            if (v.verdict == CheckResult::Verdict::NotLinearizable && badKey >= 0)
                prefixOf(CounterModel{});
        }
        for (int i : prefix)
            v.prefix.push_back(
                indexOf[static_cast<std::size_t>(badKey)][static_cast<std::size_t>(i)]);
        if (v.verdict == CheckResult::Verdict::NotLinearizable && bad >= 0) {
            v.firstBadLine =
                keys[static_cast<std::size_t>(badKey)][static_cast<std::size_t>(bad)].line;
            v.firstBad = indexOf[static_cast<std::size_t>(badKey)][static_cast<std::size_t>(bad)];
        }
        return v;
    }
    using S = detail::Search<CheckOp, CasModel>;
    const std::vector<CheckOp> ops(h.ops.begin(), h.ops.end());
    const auto r = S::run(ops, kNil, budget.steps,
                          typename S::Options{deadline, budget.cancel, false,
                                              /*keepPrefix=*/true, true});
    v.verdict = r.verdict;
    v.steps = r.steps;
    if (r.verdict == CheckResult::Verdict::NotLinearizable && r.firstBad >= 0) {
        v.firstBadLine = h.ops[static_cast<std::size_t>(r.firstBad)].line;
        v.firstBad = r.firstBad;
        v.prefix = r.prefix;
    }
    return v;
}

} // namespace cs::core
