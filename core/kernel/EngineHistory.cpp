// Clients' operations on replicated stores, recorded as per-key histories and checked for
// linearizability in windows (DESIGN.md section 6 row 7). `set` writes and reads form a register;
// `increment` writes are counter operations (add 1, result unknown to the client; reads return the
// total), so a key may be written both ways and is checked either way.
#include "EngineImpl.h"

namespace cs::core {
namespace {
constexpr std::size_t kWindow =
    32; // check once this many operations gathered and none is in flight
constexpr std::size_t kMaxWindow =
    128; // past this, check anyway (the next window starts unconstrained)
constexpr std::uint64_t kStepBudget = 1'000'000;
constexpr std::uint64_t kMaxLoggedViolations = 20;
// A timed-out write may still take effect later (it may sit in a queue or be committed by a new
// leader): it is carried into the following windows for this long.
constexpr SimTime kIndeterminateHorizon = 10'000'000;
} // namespace

// Histories are checked only for a client whose requests end at a replicated store (through
// whatever forwards them: rate limiters, a load balancer, a group).
std::uint32_t Engine::Impl::storeOfClient(std::uint32_t client) const {
    const std::uint32_t t = clients[client].target;
    const std::uint32_t store = modelOf(specs[t].kind).storeBehind(*this, t, 0);
    return store != kNone && stores[store].replicated ? store : kNone;
}

void Engine::Impl::historyInvoke(std::uint32_t call, const Job& job) {
    const ClientState& client = clients[requests[job.request].client];
    if (client.store == kNone) return;
    KeyHistory& h = stores[client.store].set.histories[job.key];
    const bool add = job.write && specs[client.spec].write_kind == WriteKind::Increment;
    Call& c = calls[call];
    c.histKey = job.key;
    c.histIndex = static_cast<std::uint32_t>(h.ops.size());
    c.histWindow = h.window;
    c.callId = historySerial++; // a call's slot is reused; its history process is not
    c.histWrite = job.write;
    c.histAdd = add;
    c.histValue = job.write && !add ? job.value : 0;
    h.ops.push_back(
        RegisterOp{now, RegisterOp::kNever, job.write, job.write && !add ? job.value : 0, add});
    if (historySink)
        emitHistory(c, ":invoke", job.write, add, client.store, job.key, job.value, job.write);
    h.skip.push_back(false);
    ++h.inFlight;
}

void Engine::Impl::historyComplete(const Call& c, bool ok, std::int64_t readValue, bool definite,
                                   std::uint32_t replica) {
    if (c.histKey == kNone || c.request == kNone) return;
    const std::uint32_t store = clients[requests[c.request].client].store;
    if (historySink) { // every completion is written, also of operations already checked
        const bool info = !ok && !definite;
        emitHistory(c,
                    ok     ? ":ok"
                    : info ? ":info"
                           : ":fail",
                    c.histWrite, c.histAdd, store, c.histKey, c.histWrite ? c.histValue : readValue,
                    c.histWrite || ok, replica);
    }
    KeyHistory& h = stores[store].set.histories[c.histKey];
    if (c.histWindow != h.window || c.histIndex >= h.ops.size())
        return; // its window was checked already
    RegisterOp& op = h.ops[c.histIndex];
    --h.inFlight;
    if (ok) {
        op.complete = now;
        if (!op.write) op.value = readValue;
    } else if (!op.write || definite) {
        h.skip[c.histIndex] = true; // a failed read tells nothing; a refused write never happened
    } // any other failed write may have happened: it stays indeterminate
    if (h.inFlight == 0 && h.ops.size() >= kWindow + h.carried)
        checkWindow(store, c.histKey, false);
    else if (h.ops.size() >= kMaxWindow)
        checkWindow(store, c.histKey, true);
}

// {:process P, :type :ok, :f :put, :key "db/3", :value "17"}; the initial value 0 reads as nil.
// An increment is {..., :f :add, :key "db/3", :value 1}.
void Engine::Impl::emitHistory(const Call& call, const char* type, bool write, bool add,
                               std::uint32_t store, std::uint32_t key, std::int64_t value,
                               bool hasValue, std::uint32_t replica) {
    std::string line = "{:process ";
    line += std::to_string(call.callId);
    line += ", :type ";
    line += type;
    line += add ? ", :f :add, :key \"" : write ? ", :f :put, :key \"" : ", :f :get, :key \"";
    line += specs[stores[store].spec].id;
    line += '/';
    line += std::to_string(key);
    line += "\", :value ";
    if (add) {
        line += '1';
    } else if (hasValue && value != 0) {
        line += '"';
        line += std::to_string(value);
        line += '"';
    } else {
        line += "nil";
    }
    line += ", :time ";
    line += std::to_string(now);
    line += ", :client \"";
    line += specs[clients[requests[call.request].client].spec].id;
    line += '"';
    if (replica != kNone) {
        line += ", :replica \"";
        line += pnodes[replica].name;
        line += '"';
    }
    line += '}';
    historySink(line);
}

void Engine::Impl::checkWindow(std::uint32_t store, std::uint32_t key, bool forced) {
    KeyHistory& h = stores[store].set.histories[key];
    std::vector<RegisterOp> ops;
    std::vector<std::size_t> origin;
    for (std::size_t i = 0; i < h.ops.size(); ++i) {
        const RegisterOp& op = h.ops[i];
        if (h.skip[i] || (!op.write && op.complete == RegisterOp::kNever))
            continue; // unanswered reads
        ops.push_back(op);
        origin.push_back(i);
    }
    const CheckResult r = checkRegister(ops, h.initial, kStepBudget);
    switch (r.verdict) {
    case CheckResult::Verdict::Linearizable:
        ++totals.lin_checked;
        h.initial = r.anyFinal ? std::nullopt : std::optional<std::vector<std::int64_t>>(r.finals);
        break;
    case CheckResult::Verdict::NotLinearizable: {
        ++totals.lin_checked;
        if (++totals.lin_violations <= kMaxLoggedViolations && r.firstBad >= 0) {
            const RegisterOp& bad = ops[static_cast<std::size_t>(r.firstBad)];
            const std::string& id = specs[stores[store].spec].id;
            log(id,
                "not linearizable: on key " + id + "/" + std::to_string(key) + ", " +
                    (bad.write ? "a write" : "a read returning " + std::to_string(bad.value)) +
                    " at " + formatNumber(static_cast<double>(bad.invoke) / 1e6) +
                    " s fits no order of the operations around it (after " +
                    std::to_string(r.longestPrefix) +
                    " that do): a client saw the store go back in time or disagree with itself");
        }
        h.initial = std::nullopt;
        break;
    }
    case CheckResult::Verdict::Unknown:
        ++totals.lin_unknown;
        totals.lin_unchecked_ops += ops.size();
        h.initial = std::nullopt;
        break;
    }
    if (forced) h.initial = std::nullopt; // operations still in flight spill into the next window
    std::vector<RegisterOp> carried;
    for (std::size_t i = 0; i < h.ops.size(); ++i) {
        const RegisterOp& op = h.ops[i];
        if (op.write && !h.skip[i] && op.complete == RegisterOp::kNever &&
            now - op.invoke < kIndeterminateHorizon)
            carried.push_back(op);
    }
    h.ops = std::move(carried);
    h.skip.assign(h.ops.size(), false);
    h.carried = h.ops.size();
    h.inFlight = 0;
    ++h.window;
}

void Engine::Impl::finishChecks() {
    for (std::uint32_t s = 0; s < stores.size(); ++s)
        for (auto& [key, h] : stores[s].set.histories)
            if (!h.ops.empty()) checkWindow(s, key, true);
}

} // namespace cs::core
