// The registry of node kinds: a new kind is one models file and one line in each list below.
//
// A new kind's model (models/<Kind>Model.cpp, added to core/CMakeLists.txt) derives from
// NodeModel, keeps its per-node state in Engine::Impl (a vector of its kind's state structs that
// PNode::aux indexes; never in the model object, which copies of the engine share), builds its
// physical nodes with Engine::Impl::addNode (plus attachStation for a queue and cores), and
// overrides the hooks it needs. A kind with timers of its own still needs an EventType
// (base/EventQueue.h) and its case in Engine::Impl::process.
#include "EngineImpl.h"

#include <iterator>

namespace cs::core {

std::unique_ptr<NodeModel> makeDatastoreModel();
std::unique_ptr<NodeModel> makeReplicaModel();
std::unique_ptr<NodeModel> makeClientModel();
std::unique_ptr<NodeModel> makeCacheModel();
std::unique_ptr<NodeModel> makeQueueModel();
std::unique_ptr<NodeModel> makeRateLimiterModel();
std::unique_ptr<NodeModel> makeSessionStoreModel();
std::unique_ptr<NodeModel> makeServiceGroupModel();
std::unique_ptr<NodeModel> makeLoadBalancerModel();
std::unique_ptr<NodeModel> makeCdnModel();

namespace {
struct Entry {
    NodeKind kind;
    std::unique_ptr<NodeModel> (*make)();
};
// The order is the order of set-up (wire, start) and of the metrics samples, and it is part of
// the determinism fingerprint: datastores set up their replica sets before clients draw their
// first arrivals; groups add their instances before load balancers count them; caches, queues
// and rate limiters sample in that order.
constexpr Entry kRegistry[] = {
    {NodeKind::Datastore, makeDatastoreModel},
    {NodeKind::Client, makeClientModel},
    {NodeKind::Cache, makeCacheModel},
    {NodeKind::Queue, makeQueueModel},
    {NodeKind::RateLimiter, makeRateLimiterModel},
    {NodeKind::SessionStore, makeSessionStoreModel},
    {NodeKind::ServiceGroup, makeServiceGroupModel},
    {NodeKind::LoadBalancer, makeLoadBalancerModel},
    {NodeKind::Replica, makeReplicaModel},
    {NodeKind::Cdn, makeCdnModel},
};
} // namespace

std::vector<std::unique_ptr<NodeModel>> makeNodeModels(std::vector<NodeModel*>& byKind) {
    std::vector<std::unique_ptr<NodeModel>> models;
    byKind.assign(std::size(kRegistry), nullptr);
    for (const Entry& entry : kRegistry) {
        models.push_back(entry.make());
        const auto k = static_cast<std::size_t>(entry.kind);
        if (k >= byKind.size()) byKind.resize(k + 1, nullptr);
        byKind[k] = models.back().get();
    }
    return models;
}

} // namespace cs::core
