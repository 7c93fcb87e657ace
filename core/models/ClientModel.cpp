// Clients (DESIGN.md section 4): the node kind that issues requests, retries them and measures
// them. Its traffic (arrivals, attempts, answers, retries) is in EngineModels.cpp.
#include "EngineImpl.h"

namespace cs::core {
namespace {

class ClientModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeSpec& n = e.specs[i];
        const NodeId id = e.addNode(n.id, PKind::Client, i, i);
        e.pnodes[id].model = static_cast<std::uint32_t>(e.clients.size());
        ClientState c;
        c.spec = i;
        c.node = id;
        c.target = e.specIndex.at(n.target);
        c.zipf = ZipfSampler(n.key_count, n.zipf_s);
        // Stream indices 10-13 are the client's own: changing them changes every fingerprint.
        c.arrivals = Rng::stream(e.seed, n.id, 10);
        c.ops = Rng::stream(e.seed, n.id, 11);
        c.backoff = Rng::stream(e.seed, n.id, 12);
        c.sessions = Rng::stream(e.seed, n.id, 13);
        e.clients.push_back(std::move(c));
    }

    void start(Engine::Impl& e) override {
        for (std::uint32_t c = 0; c < e.clients.size(); ++c)
            e.clients[c].store = e.storeOfClient(c);
        for (std::uint32_t c = 0; c < e.clients.size(); ++c) e.scheduleArrival(c);
    }

    // Every response counts: a late one (its attempt timed out) is measured as late.
    void onResponse(Engine::Impl& e, const Message& m) override { e.onClientResponse(m); }

    // Only timeouts come here (responses go to onResponse).
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason, const Job*) override {
        const std::uint32_t r = e.calls[call].request;
        const bool lost = e.requests[r].lostAttempt == e.calls[call].attempt;
        e.historyComplete(e.calls[call], false, 0, false);
        e.closeCall(call);
        e.attemptFailed(r, lost ? ErrorReason::LostInFlight : ErrorReason::Timeout);
    }

    // Its open attempts end indeterminate in the histories, and its requests fail.
    void onKill(Engine::Impl& e, NodeId n) override {
        for (std::uint32_t c = 0; c < e.calls.capacity(); ++c) {
            if (!e.calls.live(c) || e.calls[c].caller != n) continue;
            e.historyComplete(e.calls[c], false, 0, false);
            e.closeCall(c);
        }
        const std::uint32_t self = e.pnodes[n].model;
        ++e.clients[self].arrivalGen;
        for (std::uint32_t r = 0; r < e.requests.capacity(); ++r)
            if (e.requests.live(r) && !e.requests[r].done && e.requests[r].client == self)
                e.finishRequest(r, ErrorReason::LostInFlight);
    }

    void onRestart(Engine::Impl& e, NodeId n) override { e.scheduleArrival(e.pnodes[n].model); }
};

} // namespace

std::unique_ptr<NodeModel> makeClientModel() {
    return std::make_unique<ClientModel>();
}

} // namespace cs::core
