// The file's name of every value of the scenario's enums, one {value, name} table per enum: what
// toString/fromString, the reader, the writer, the validator and the inspector's combo boxes use.
#pragma once

#include "Scenario.h"

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace cs::core {

template <class E> struct EnumNames; // specialised below: `static constexpr items[]`

template <> struct EnumNames<NodeKind> {
    static constexpr std::pair<NodeKind, const char*> items[] = {
        {NodeKind::Client, "client"},
        {NodeKind::LoadBalancer, "load_balancer"},
        {NodeKind::ServiceGroup, "service_group"},
        {NodeKind::Datastore, "datastore"},
        {NodeKind::Replica, "replica"},
        {NodeKind::SessionStore, "session_store"},
        {NodeKind::Cache, "cache"},
        {NodeKind::RateLimiter, "rate_limiter"},
        {NodeKind::Queue, "queue"},
        {NodeKind::Cdn, "cdn"}};
};
template <> struct EnumNames<LimiterAlgorithm> {
    static constexpr std::pair<LimiterAlgorithm, const char*> items[] = {
        {LimiterAlgorithm::TokenBucket, "token_bucket"},
        {LimiterAlgorithm::LeakyBucket, "leaky_bucket"},
        {LimiterAlgorithm::FixedWindow, "fixed_window"},
        {LimiterAlgorithm::SlidingLog, "sliding_log"},
        {LimiterAlgorithm::SlidingCounter, "sliding_counter"}};
};
template <> struct EnumNames<WriteKind> {
    static constexpr std::pair<WriteKind, const char*> items[] = {
        {WriteKind::Increment, "increment"}, {WriteKind::Set, "set"}};
};
template <> struct EnumNames<LbAlgorithm> {
    static constexpr std::pair<LbAlgorithm, const char*> items[] = {
        {LbAlgorithm::RoundRobin, "round_robin"},
        {LbAlgorithm::LeastOutstanding, "least_outstanding"},
        {LbAlgorithm::Random, "random"}};
};
template <> struct EnumNames<ServiceState> {
    static constexpr std::pair<ServiceState, const char*> items[] = {
        {ServiceState::Stateless, "stateless"}, {ServiceState::Stateful, "stateful"}};
};
template <> struct EnumNames<StoreMode> {
    static constexpr std::pair<StoreMode, const char*> items[] = {{StoreMode::CP, "CP"},
                                                                  {StoreMode::AP, "AP"}};
};
template <> struct EnumNames<ConflictPolicy> {
    static constexpr std::pair<ConflictPolicy, const char*> items[] = {
        {ConflictPolicy::Lww, "lww"}, {ConflictPolicy::VersionVectors, "version_vectors"}};
};
template <> struct EnumNames<ReadFrom> {
    static constexpr std::pair<ReadFrom, const char*> items[] = {{ReadFrom::Leader, "leader"},
                                                                 {ReadFrom::Replicas, "replicas"}};
};
template <> struct EnumNames<Level> {
    static constexpr std::pair<Level, const char*> items[] = {{Level::Default, "default"},
                                                              {Level::One, "one"},
                                                              {Level::Quorum, "quorum"},
                                                              {Level::All, "all"}};
};
template <> struct EnumNames<Autoscaling::Policy> {
    using P = Autoscaling::Policy;
    static constexpr std::pair<P, const char*> items[] = {{P::Manual, "manual"},
                                                          {P::Step, "step"},
                                                          {P::TargetTracking, "target_tracking"},
                                                          {P::Scheduled, "scheduled"}};
};
template <> struct EnumNames<NodeSpec::OnWrite> {
    using W = NodeSpec::OnWrite;
    static constexpr std::pair<W, const char*> items[] = {
        {W::Invalidate, "invalidate"}, {W::Update, "update"}, {W::None, "none"}};
};
template <> struct EnumNames<NodeSpec::Shards::Strategy> {
    using S = NodeSpec::Shards::Strategy;
    static constexpr std::pair<S, const char*> items[] = {
        {S::HashMod, "hash_mod"}, {S::Range, "range"}, {S::ConsistentHash, "consistent_hash"}};
};
template <> struct EnumNames<Workload::Shape> {
    using S = Workload::Shape;
    static constexpr std::pair<S, const char*> items[] = {
        {S::Constant, "constant"}, {S::Step, "step"},     {S::Spike, "spike"},
        {S::Diurnal, "diurnal"},   {S::Bursts, "bursts"}, {S::Series, "series"}};
};
template <> struct EnumNames<Distribution::Kind> {
    using D = Distribution::Kind;
    static constexpr std::pair<D, const char*> items[] = {
        {D::Exponential, "exp"}, {D::Constant, "const"}, {D::Lognormal, "lognormal"}};
};
template <> struct EnumNames<ActionKind> {
    static constexpr std::pair<ActionKind, const char*> items[] = {
        {ActionKind::KillNode, "kill_node"}, {ActionKind::RestartNode, "restart_node"},
        {ActionKind::CutLink, "cut_link"},   {ActionKind::HealLink, "heal_link"},
        {ActionKind::SetLink, "set_link"},   {ActionKind::SetRate, "set_rate"},
        {ActionKind::SetField, "set"},       {ActionKind::AddShard, "add_shard"}};
};
template <> struct EnumNames<Expectation::Op> {
    using O = Expectation::Op;
    static constexpr std::pair<O, const char*> items[] = {
        {O::Less, "<"},   {O::LessEq, "<="},   {O::Greater, ">"},       {O::GreaterEq, ">="},
        {O::Equal, "=="}, {O::NotEqual, "!="}, {O::Between, "between"}, {O::Approx, "approx"}};
};
template <> struct EnumNames<Expectation::Agg> {
    using A = Expectation::Agg;
    static constexpr std::pair<A, const char*> items[] = {
        {A::Mean, "mean"}, {A::Max, "max"}, {A::Min, "min"}, {A::Last, "last"}, {A::Sum, "sum"}};
};

// The names alone, in table order (what a choice in the file or a combo box offers).
template <class E>
inline constexpr auto kNamesOf = [] {
    std::array<const char*, std::size(EnumNames<E>::items)> names{};
    for (std::size_t i = 0; i < names.size(); ++i) names[i] = EnumNames<E>::items[i].second;
    return names;
}();

template <class E> std::span<const char* const> enumNames() {
    return kNamesOf<E>;
}
template <class E> const char* enumName(E value) {
    for (const auto& [v, name] : EnumNames<E>::items)
        if (v == value) return name;
    return "?";
}
template <class E> std::optional<E> enumFromName(std::string_view name) {
    for (const auto& [v, n] : EnumNames<E>::items)
        if (name == n) return v;
    return std::nullopt;
}

} // namespace cs::core
