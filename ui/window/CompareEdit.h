// One change that makes the compared run B from the open scenario A (Simulation > Compare with a
// Change): a node's field, a store's CP/AP mode, a group's scaling policy, or a timeline action
// (kill or restart a node, cut or heal a link, partition nodes from the rest, at a time). Each is
// applied to a copy of the scenario and checked the way the file's loader checks it.
#pragma once

#include "FieldTable.h"
#include "Scenario.h"

#include <QString>

#include <string>
#include <vector>

namespace cs::ui {

struct CompareEdit {
    enum class Kind { Field, StoreMode, ScalingPolicy, Timeline };
    enum class Fault { Kill, Restart, Cut, Heal, Partition };
    Kind kind = Kind::Field;
    std::string node;       // Field, StoreMode, ScalingPolicy; Kill and Restart
    std::string field;      // Field
    core::FieldValue value; // Field; the mode ("CP", "AP"); the policy ("target_tracking")
    Fault fault = Fault::Kill;
    std::string a, b;              // Cut, Heal: the link
    std::vector<std::string> side; // Partition: the nodes cut off from the rest
    double at_s = 0;               // Timeline
};

// Applies `e` to `s`: "" when done, else why it cannot be (and `s` is unchanged): a value out of
// the field's range, a node without that field, a time past the run's end, a partition that cuts
// no link. The whole scenario is validated after the change.
QString applyCompareEdit(core::Scenario& s, const CompareEdit& e);
// What B changes, as a class reads it: "db.mode = AP", "api.instances = 6", "kill db3 at 20 s".
QString describeCompareEdit(const CompareEdit& e);
// "B: db.mode = AP; api.instances = 6", or "B: no change".
QString describeCompareEdits(const std::vector<CompareEdit>& edits);
// A field's value as typed into the dialog, checked against its row: "" and `out` set, or why not.
QString parseFieldValue(const core::FieldRow& row, const core::NodeSpec& n, const QString& text,
                        core::FieldValue& out);
// "1 to 1000", "0 (off) or 1 to 1e+06": what a field accepts, for the dialog's hint.
QString fieldRange(const core::FieldRow& row, const core::NodeSpec& n);

} // namespace cs::ui
