// Rows for the numbers inside a node's JSON objects (`autoscaling.max`, `keys.zipf_s`,
// `retry_backoff_ms.base`): not read or written on their own (their object's Custom row does
// that), but named, typed and ranged here so that a sweep (`--vary nodes[api].autoscaling.max=...`)
// resolves and range-checks them like any other field. Their ranges are the reader's
// (FieldObjects.cpp); FieldTableTest checks that both agree.
#include "FieldTable.h"

#include "JsonFields.h"

#include <type_traits>

namespace cs::core {
namespace {

using K = NodeKind;

FieldRow nested(const char* name, KindSet kinds, FieldType type, FieldAccess access, double def,
                double lo, double hi) {
    FieldRow r;
    r.name = name;
    r.kinds = kinds;
    r.type = type;
    r.access = access;
    r.def = def;
    r.lo = lo;
    r.hi = hi;
    r.inFile = false;
    return r;
}

// A member of the group's autoscaling object; nothing while the group has none.
template <auto M> struct ScalingMember {
    static FieldValue get(const NodeSpec& n) {
        return n.autoscaling ? static_cast<double>((*n.autoscaling).*M) : 0.0;
    }
    static void set(NodeSpec& n, const FieldValue& v) {
        using T = std::remove_reference_t<decltype((*n.autoscaling).*M)>;
        if (const auto* d = std::get_if<double>(&v); d && n.autoscaling)
            (*n.autoscaling).*M = static_cast<T>(*d);
    }
    static void copy(NodeSpec& to, const NodeSpec& from) {
        if (to.autoscaling && from.autoscaling) (*to.autoscaling).*M = (*from.autoscaling).*M;
    }
};
template <auto M> FieldAccess scaling() {
    return {&ScalingMember<M>::get, &ScalingMember<M>::set, &ScalingMember<M>::copy};
}

// A number member of the node itself (keys) or of its backoff.
template <auto M> struct NodeNumber {
    static FieldValue get(const NodeSpec& n) { return static_cast<double>(n.*M); }
    static void set(NodeSpec& n, const FieldValue& v) {
        using T = std::remove_reference_t<decltype(n.*M)>;
        if (const auto* d = std::get_if<double>(&v)) n.*M = static_cast<T>(*d);
    }
    static void copy(NodeSpec& to, const NodeSpec& from) { to.*M = from.*M; }
};
template <auto M> struct BackoffNumber {
    static FieldValue get(const NodeSpec& n) { return n.backoff.*M; }
    static void set(NodeSpec& n, const FieldValue& v) {
        if (const auto* d = std::get_if<double>(&v)) n.backoff.*M = *d;
    }
    static void copy(NodeSpec& to, const NodeSpec& from) { to.backoff.*M = from.backoff.*M; }
};

bool hasAutoscaling(const NodeSpec& n) {
    return n.autoscaling.has_value();
}

} // namespace

void addNestedRows(std::vector<FieldRow>& t) {
    using A = Autoscaling;
    const KindSet sg = {K::ServiceGroup}, c = {K::Client};
    const auto I = FieldType::Integer, N = FieldType::Number;
    const std::size_t firstScaling = t.size();
    t.push_back(nested("autoscaling.min", sg, I, scaling<&A::min>(), 1, 0, 1000));
    t.push_back(nested("autoscaling.max", sg, I, scaling<&A::max>(), 10, 0, 1000));
    t.push_back(nested("autoscaling.cooldown_s", sg, N, scaling<&A::cooldown_s>(), 30, 0, 1e6));
    t.push_back(nested("autoscaling.warmup_s", sg, N, scaling<&A::warmup_s>(), 10, 0, 1e6));
    t.push_back(
        nested("autoscaling.evaluation_s", sg, N, scaling<&A::evaluation_s>(), 5, 0.01, 1e6));
    t.push_back(nested("autoscaling.target_utilization", sg, N, scaling<&A::target_utilization>(),
                       0.6, 0.01, 1));
    t.push_back(nested("autoscaling.target_queue_depth", sg, N, scaling<&A::target_queue_depth>(),
                       0, 0, 1e7));
    for (std::size_t i = firstScaling; i < t.size(); ++i) {
        t[i].when = hasAutoscaling;
        t[i].whenMissing = "has no autoscaling object";
    }
    const FieldAccess keyCount = {&NodeNumber<&NodeSpec::key_count>::get,
                                  &NodeNumber<&NodeSpec::key_count>::set,
                                  &NodeNumber<&NodeSpec::key_count>::copy};
    const FieldAccess zipf = {&NodeNumber<&NodeSpec::zipf_s>::get,
                              &NodeNumber<&NodeSpec::zipf_s>::set,
                              &NodeNumber<&NodeSpec::zipf_s>::copy};
    t.push_back(nested("keys.count", c, I, keyCount, 1000, 1, 10'000'000));
    t.push_back(nested("keys.zipf_s", c, N, zipf, 0, 0, 10));
    const FieldAccess base = {&BackoffNumber<&Backoff::base_ms>::get,
                              &BackoffNumber<&Backoff::base_ms>::set,
                              &BackoffNumber<&Backoff::base_ms>::copy};
    const FieldAccess max = {&BackoffNumber<&Backoff::max_ms>::get,
                             &BackoffNumber<&Backoff::max_ms>::set,
                             &BackoffNumber<&Backoff::max_ms>::copy};
    // 0 (no wait) or at least a clock tick, as the reader's offOr.
    t.push_back(nested("retry_backoff_ms.base", c, N, base, 10, 0, kMaxMs));
    t.back().offBelow = kMinMs;
    t.push_back(nested("retry_backoff_ms.max", c, N, max, 200, 0, kMaxMs));
    t.back().offBelow = kMinMs;
}

} // namespace cs::core
