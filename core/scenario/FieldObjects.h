// The fields whose JSON is more than one value (objects, lists, distributions): how the field
// table's Custom rows read and write them.
#pragma once

#include "JsonFields.h"
#include "Scenario.h"

#include <QString>

namespace cs::core {

// Files a scenario names (a workload's rate series) are relative to its folder.
void setScenarioBaseDir(const QString& dir);

Distribution readDistribution(ObjectReader& parent, const char* key, Distribution def);
std::string distributionJson(const Distribution& d);

namespace fields {
void readKeys(ObjectReader& r, NodeSpec& n);
void writeKeys(Ordered& o, const NodeSpec& n);
void readBackoff(ObjectReader& r, NodeSpec& n);
void writeBackoff(Ordered& o, const NodeSpec& n);
void readWorkload(ObjectReader& r, NodeSpec& n);
void writeWorkload(Ordered& o, const NodeSpec& n);
void readService(ObjectReader& r, NodeSpec& n);
void writeService(Ordered& o, const NodeSpec& n);
void readParallelFraction(ObjectReader& r, NodeSpec& n);
void writeParallelFraction(Ordered& o, const NodeSpec& n);
void readBatching(ObjectReader& r, NodeSpec& n);
void writeBatching(Ordered& o, const NodeSpec& n);
void readAutoscaling(ObjectReader& r, NodeSpec& n);
void writeAutoscaling(Ordered& o, const NodeSpec& n);
void readGc(ObjectReader& r, NodeSpec& n);
void writeGc(Ordered& o, const NodeSpec& n);
void readReplicas(ObjectReader& r, NodeSpec& n);
void writeReplicas(Ordered& o, const NodeSpec& n);
void readReplicaCount(ObjectReader& r, NodeSpec& n);
void writeReplicaCount(Ordered& o, const NodeSpec& n);
void readElectionTimeout(ObjectReader& r, NodeSpec& n);
void writeElectionTimeout(Ordered& o, const NodeSpec& n);
void readShards(ObjectReader& r, NodeSpec& n);
void writeShards(Ordered& o, const NodeSpec& n);
} // namespace fields

} // namespace cs::core
