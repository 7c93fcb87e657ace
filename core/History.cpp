#include "History.h"

#include "LinearizabilitySearch.h"

#include <charconv>
#include <chrono>
#include <deque>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>

namespace cs::core {
namespace {
using F = HistoryOp::F;
constexpr std::int64_t kNil = HistoryOp::kNil;

struct ParseFail {
    int line;
    std::string what;
};

std::int64_t parseInt(const std::string& s, int line) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        throw ParseFail{line, "expected an integer or nil, got \"" + s + "\""};
    return v;
}

F functionNamed(const std::string& fn, std::initializer_list<std::pair<const char*, F>> known,
                int line) {
    std::string names;
    for (const auto& [name, f] : known) {
        if (fn == name) return f;
        names += (names.empty() ? "" : ", ") + std::string(name);
    }
    throw ParseFail{line, "expected one of " + names + ", got \"" + fn + "\""};
}

// Pending invocations per process; a completion closes the process's open operation.
struct Pending {
    std::map<int, HistoryOp> open;
    std::vector<HistoryOp> done;
    void invoke(HistoryOp op, int line) {
        if (open.count(op.process))
            throw ParseFail{line, "expected a completion for process " +
                                      std::to_string(op.process) + " before its next invocation"};
        open.emplace(op.process, std::move(op));
    }
    HistoryOp& take(int process, int line) {
        auto it = open.find(process);
        if (it == open.end())
            throw ParseFail{line, "expected an invocation by process " + std::to_string(process) +
                                      " before this completion"};
        return it->second;
    }
    void close(int process) { open.erase(process); }

    // One line of either format: `fill(op)` adds the invocation's fields, `answer(op)` the result
    // of an :ok completion. :fail did not happen; :info (or no completion) is indeterminate, and
    // an indeterminate read tells nothing.
    template <class Fill, class Answer>
    void event(const std::string& type, int process, F fun, const std::string& fn, std::int64_t at,
               int line, Fill&& fill, Answer&& answer) {
        const bool read = fun == F::Read || fun == F::Get;
        if (type == ":invoke") {
            HistoryOp op;
            op.invoke = at;
            op.process = process;
            op.f = fun;
            op.line = line;
            fill(op);
            invoke(std::move(op), line);
        } else if (type == ":ok" || type == ":fail" || type == ":info") {
            HistoryOp& op = take(process, line);
            if (op.f != fun)
                throw ParseFail{line, "expected the completion of " + fn +
                                          "'s invocation, got another function"};
            if (type == ":ok") {
                op.complete = at;
                answer(op);
                done.push_back(op);
            } else if (type == ":info" && !read) {
                done.push_back(op);
            }
            close(process);
        } else {
            throw ParseFail{line, "expected :invoke, :ok, :fail or :info, got \"" + type + "\""};
        }
    }
    std::vector<HistoryOp> finish() {
        // No completion by the end: indeterminate. Reads without an answer constrain nothing.
        for (auto& [p, op] : open)
            if (op.f != F::Read && op.f != F::Get) done.push_back(op);
        open.clear();
        return std::move(done);
    }
};

// INFO  jepsen.util - P<TAB>:type<TAB>:f<TAB>value
// Lines of a text without copying it (an std::istringstream would copy a file of hundreds of MB).
class Lines {
public:
    explicit Lines(std::string_view text) : m_rest(text) {}
    bool next(std::string& line) {
        if (m_done) return false;
        const auto end = m_rest.find('\n');
        line.assign(m_rest.substr(0, end));
        if (end == std::string_view::npos)
            m_done = true;
        else
            m_rest.remove_prefix(end + 1);
        return true;
    }

private:
    std::string_view m_rest;
    bool m_done = false;
};

void parseEtcd(Lines& in, History& h) {
    Pending pending;
    std::string line;
    for (int n = 1; in.next(line); ++n) {
        if (line.empty() || line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto dash = line.find(" - ");
        if (line.rfind("INFO", 0) != 0 || dash == std::string::npos)
            throw ParseFail{n, "expected \"INFO  jepsen.util - P\\t:type\\t:f\\tvalue\""};
        // Fields are separated by tabs or spaces; the value is the rest of the line ("[1 2]").
        std::vector<std::string> f;
        std::istringstream ss(line.substr(dash + 3));
        for (std::string part; f.size() < 3 && ss >> part;) f.push_back(part);
        std::string rest;
        std::getline(ss, rest);
        rest.erase(0, rest.find_first_not_of(" \t"));
        rest.erase(rest.find_last_not_of(" \t") + 1);
        if (!rest.empty()) f.push_back(rest);
        if (f.size() < 4)
            throw ParseFail{n, "expected a process, a type, a function and a value (or nil)"};
        const int process = static_cast<int>(parseInt(f[0], n));
        const std::string& type = f[1];
        const std::string& fn = f[2];
        const std::string& value = f[3];
        const F fun =
            functionNamed(fn, {{":read", F::Read}, {":write", F::Write}, {":cas", F::Cas}}, n);
        auto pair = [&](std::int64_t& a, std::int64_t& b) {
            if (value.size() < 5 || value.front() != '[' || value.back() != ']')
                throw ParseFail{n, "expected [FROM TO], got \"" + value + "\""};
            std::stringstream vs(value.substr(1, value.size() - 2));
            std::string x, y;
            if (!(vs >> x >> y)) throw ParseFail{n, "expected [FROM TO], got \"" + value + "\""};
            a = x == "nil" ? kNil : parseInt(x, n);
            b = y == "nil" ? kNil : parseInt(y, n);
        };
        pending.event(
            type, process, fun, fn, n, n,
            [&](HistoryOp& op) {
                if (fun == F::Write) op.a = value == "nil" ? kNil : parseInt(value, n);
                if (fun == F::Cas) pair(op.a, op.b);
            },
            [&](HistoryOp& op) {
                if (fun == F::Read) op.a = value == "nil" ? kNil : parseInt(value, n);
            });
    }
    h.ops = pending.finish();
}

// {:process 9, :type :invoke, :f :append, :key "0", :value "x 9 0 y"}
std::map<std::string, std::string> ednMap(const std::string& line, int n) {
    std::map<std::string, std::string> m;
    std::size_t i = line.find('{');
    if (i == std::string::npos || line.find_last_of('}') == std::string::npos)
        throw ParseFail{n, "expected a map {...}"};
    ++i;
    const std::size_t end = line.find_last_of('}');
    while (i < end) {
        while (i < end && (line[i] == ' ' || line[i] == ',')) ++i;
        if (i >= end) break;
        if (line[i] != ':') throw ParseFail{n, "expected a :keyword"};
        std::size_t j = i;
        while (j < end && line[j] != ' ') ++j;
        const std::string key = line.substr(i, j - i);
        i = j;
        while (i < end && line[i] == ' ') ++i;
        std::string value;
        if (i < end && line[i] == '"') {
            std::size_t k = i + 1;
            while (k < end && line[k] != '"') k += line[k] == '\\' ? 2 : 1;
            if (k >= end) throw ParseFail{n, "expected a closing quote"};
            value = line.substr(i, k - i + 1);
            i = k + 1;
        } else {
            std::size_t k = i;
            while (k < end && line[k] != ',' && line[k] != ' ') ++k;
            value = line.substr(i, k - i);
            i = k;
        }
        if (value.empty()) throw ParseFail{n, "expected a value for " + key};
        m[key] = value;
    }
    return m;
}

// `window`: a window cut anywhere out of a longer history (see parseHistoryWindow); the last
// skipped completion per key is noted in `orphans`.
void parseEdn(Lines& in, History& h, std::map<std::string, std::int64_t>* orphans,
              std::size_t lines) {
    Pending pending;
    pending.done.reserve(lines / 2 + 1); // one operation per two lines: no regrowth
    std::string line;
    for (int n = 1; in.next(line); ++n) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto m = ednMap(line, n);
        for (const char* k : {":process", ":type", ":f"})
            if (!m.count(k)) throw ParseFail{n, std::string("expected ") + k};
        const int process = static_cast<int>(parseInt(m[":process"], n));
        const std::string type = m[":type"], fn = m[":f"];
        const F fun = functionNamed(
            fn, {{":get", F::Get}, {":put", F::Put}, {":append", F::Append}, {":add", F::Add}}, n);
        auto str = [&](const std::string& v) -> std::string {
            if (v == "nil") return {};
            if (v.find_first_not_of("-0123456789") == std::string::npos) return v; // a bare integer
            if (v.size() < 2 || v.front() != '"')
                throw ParseFail{n, "expected a string or nil, got " + v};
            return v.substr(1, v.size() - 2);
        };
        // Simulator histories carry their time (microseconds); others are ordered by line.
        const std::int64_t at = m.count(":time") ? parseInt(m[":time"], n) : n;
        h.timed |= m.count(":time") > 0;
        if (orphans && type != ":invoke" && !pending.open.count(process)) {
            std::int64_t& last = (*orphans)[m.count(":key") ? str(m[":key"]) : std::string()];
            last = std::max(last, at); // invoked before the window: the key's window starts later
            continue;
        }
        pending.event(
            type, process, fun, fn, at, n,
            [&](HistoryOp& op) {
                if (!m.count(":key")) throw ParseFail{n, "expected :key"};
                op.key = str(m[":key"]);
                if (fun != F::Get) op.text = str(m.count(":value") ? m[":value"] : "nil");
                if (m.count(":client")) op.client = str(m[":client"]);
            },
            [&](HistoryOp& op) {
                if (fun == F::Get) op.text = str(m.count(":value") ? m[":value"] : "nil");
                if (m.count(":replica")) op.replica = str(m[":replica"]);
            });
    }
    h.ops = pending.finish();
}

// Cuts each key of a window at the first moment after `orphans[key]` when none of its completed
// operations is in flight; see parseHistoryWindow.
void cutAtQuiescence(History& h, const std::map<std::string, std::int64_t>& orphans) {
    std::map<std::string, std::vector<HistoryOp>> byKey;
    for (auto& op : h.ops) byKey[op.key].push_back(std::move(op));
    h.ops.clear();
    for (auto& [key, ops] : byKey) {
        std::sort(ops.begin(), ops.end(),
                  [](const HistoryOp& a, const HistoryOp& b) { return a.invoke < b.invoke; });
        const auto it = orphans.find(key);
        std::int64_t cut =
            it == orphans.end() ? std::numeric_limits<std::int64_t>::min() : it->second;
        for (const HistoryOp& op : ops) {
            if (op.complete == RegisterOp::kNever) continue; // carried, never in the way
            if (op.invoke > cut) break;
            cut = std::max(cut, op.complete); // in flight at the cut: the cut moves past it
        }
        for (HistoryOp& op : ops) {
            if (op.invoke > cut) {
                h.ops.push_back(std::move(op));
            } else if (op.complete == RegisterOp::kNever) {
                op.invoke = cut; // it may still take effect after the cut
                h.ops.push_back(std::move(op));
            }
        }
    }
    std::sort(h.ops.begin(), h.ops.end(), [](const HistoryOp& a, const HistoryOp& b) {
        return a.invoke < b.invoke || (a.invoke == b.invoke && a.line < b.line);
    });
}

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

bool parseHistory(const std::string& text, const std::string& name, History& out,
                  std::string& error) {
    out = History{};
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return true; // an empty history: nothing to contradict
    Lines in(text);
    try {
        if (text[first] == '{') {
            out.format = History::Format::Edn;
            parseEdn(in, out, nullptr,
                     static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
        } else {
            out.format = History::Format::EtcdLog;
            parseEtcd(in, out);
        }
    } catch (const ParseFail& f) {
        out = History{};
        error = name + ":" + std::to_string(f.line) + ": " + f.what;
        return false;
    }
    return true;
}

bool parseHistoryWindow(const std::string& text, const std::string& name, History& out,
                        std::string& error) {
    out = History{};
    out.format = History::Format::Edn;
    out.unknownStart = true;
    Lines in(text);
    std::map<std::string, std::int64_t> orphans;
    try {
        parseEdn(in, out, &orphans,
                 static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    } catch (const ParseFail& f) {
        out = History{};
        error = name + ":" + std::to_string(f.line) + ": " + f.what;
        return false;
    }
    cutAtQuiescence(out, orphans);
    return true;
}

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
        if (model == HistoryModel::Kv) {
            Interned strings;
            v.verdict = checkPerKey<KvModel>(
                keys, h.unknownStart ? kUnknownValue : 0, budget, deadline,
                [&](std::size_t) {
                    strings = Interned{};
                    kvStrings = &strings;
                },
                badKey, bad, v.steps);
            kvStrings = nullptr;
        } else {
            v.verdict = checkPerKey<CounterModel>(
                keys, h.unknownStart ? kUnknownValue : 0, budget, deadline, [](std::size_t) {},
                badKey, bad, v.steps);
        }
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
