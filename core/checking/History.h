// Histories from outside (Jepsen etcd logs, EDN-like key-value histories) and the models they are
// checked against: register, compare-and-set register, key-value (checked per key).
#pragma once

#include "Linearizability.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace cs::core {

struct HistoryOp {
    enum class F { Read, Write, Cas, Get, Put, Append, Add };
    static constexpr std::int64_t kNil = std::numeric_limits<std::int64_t>::min() + 1;
    std::int64_t invoke = 0;
    std::int64_t complete = RegisterOp::kNever; // kNever: indeterminate
    std::int64_t process = 0;                   // as written: ids of 2^31 and more are kept whole
    F f = F::Read;
    std::int64_t a = kNil, b = kNil; // read result / written value / cas from, to
    std::string key, text;           // key-value: the key, and the value put, appended or read
    std::string client, replica;     // simulator histories: who issued it, which replica answered
    int line = 0;                    // where it was invoked in the file
};

struct History {
    enum class Format { EtcdLog, Edn } format = Format::EtcdLog;
    std::vector<HistoryOp> ops; // completed or indeterminate; definite failures are left out
    // A window of a longer history (a live run's recent operations): each key's value when the
    // window starts is unknown, and the first read of a key tells it.
    bool unknownStart = false;
    bool timed = false; // times are microseconds of simulated time (`:time`), not line numbers
};

// Register and CasRegister: a single register (Jepsen etcd logs). Kv: string values per key (put,
// get, append). Counter: integer values per key: add (an increment; its result is unknown to the
// client), get returns the total, put sets it; the simulator's histories use it.
enum class HistoryModel { Register, CasRegister, Kv, Counter };

// How long a check may search. Steps are deterministic: a verdict within a step budget is the
// same on every machine. Seconds (0 = none) only bound interactive use.
struct CheckBudget {
    static constexpr std::uint64_t kDefaultSteps = 200'000'000;
    std::uint64_t steps = kDefaultSteps;
    double seconds = 0;
    // Set from another thread to stop the check early (the verdict is then Unknown).
    const std::atomic<bool>* cancel = nullptr;
};

// Parses either format (told apart by the first line). On error returns false and sets
// `error` to "FILE:LINE: expected ..., got ...".
bool parseHistory(const std::string& text, const std::string& name, History& out,
                  std::string& error);

// Parses the most recent lines of an EDN history, cut anywhere (a live run's window), and cuts it
// again at a consistent point per key: completions of operations invoked before the window are
// skipped, and a key's window starts at the first moment after them when none of its operations
// is in flight. Earlier operations of the key are dropped, except timed-out writes, which may
// still take effect: they are carried, as if invoked at the cut. Every key starts unknown.
bool parseHistoryWindow(const std::string& text, const std::string& name, History& out,
                        std::string& error);

struct HistoryVerdict {
    CheckResult::Verdict verdict = CheckResult::Verdict::Unknown;
    // Non-empty when the model cannot take an operation of the history: "LINE: expected ...".
    std::string error;
    std::uint64_t steps = 0;
    std::size_t operations = 0;
    int firstBadLine = 0; // the operation the search could not place (its invocation line)
    // For a violation, indices into History::ops: the operation that cannot be placed, and the
    // longest linearizable prefix (for the key it is on), as Porcupine's visualisation shows.
    int firstBad = -1;
    std::vector<int> prefix;
};

// The model a history is checked against unless told otherwise: cas-register for etcd logs,
// counter for EDN histories with :add operations, kv for other EDN histories.
HistoryModel defaultModel(const History& h);

// Checks within the budget (unknown past it, never a pass). Key-value and counter histories are
// checked per key, the keys taking turns in slices of steps, so a key that is quickly refuted is
// not hidden behind one that is hard to decide.
HistoryVerdict checkHistory(const History& h, HistoryModel model, const CheckBudget& budget = {});

} // namespace cs::core
