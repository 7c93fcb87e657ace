// Reading histories (History.h): Jepsen etcd logs and EDN-like key-value histories, whole or as a
// window cut out of a live run. Checking them is HistoryCheck.cpp.
#include "History.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <map>
#include <sstream>
#include <string_view>

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
    std::map<std::int64_t, HistoryOp> open;
    std::vector<HistoryOp> done;
    void invoke(HistoryOp op, int line) {
        if (open.count(op.process))
            throw ParseFail{line, "expected a completion for process " +
                                      std::to_string(op.process) + " before its next invocation"};
        open.emplace(op.process, std::move(op));
    }
    HistoryOp& take(std::int64_t process, int line) {
        auto it = open.find(process);
        if (it == open.end())
            throw ParseFail{line, "expected an invocation by process " + std::to_string(process) +
                                      " before this completion"};
        return it->second;
    }
    void close(std::int64_t process) { open.erase(process); }

    // One line of either format: `fill(op)` adds the invocation's fields, `answer(op)` the result
    // of an :ok completion. :fail did not happen; :info (or no completion) is indeterminate, and
    // an indeterminate read tells nothing.
    template <class Fill, class Answer>
    void event(const std::string& type, std::int64_t process, F fun, const std::string& fn,
               std::int64_t at, int line, Fill&& fill, Answer&& answer) {
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
        const std::int64_t process = parseInt(f[0], n);
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
        const std::int64_t process = parseInt(m[":process"], n);
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

} // namespace cs::core
