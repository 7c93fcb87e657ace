// The scenario's node fields as data (STYLE.md practice 12): one row per JSON key and the node
// kinds it applies to, read by the reader, writer, validator, the engine's live `set`, LiveSync
// and the inspector, so that a field is described in one place.
#pragma once

#include "EnumNames.h"
#include "Scenario.h"

#include <initializer_list>
#include <limits>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace cs::core {

class ObjectReader; // JsonFields.h
class Ordered;      // JsonFields.h

// A field's value as the file, a `set` action and the inspector see it: numbers (and booleans as
// 0/1) or text (strings, references, enum names).
using FieldValue = std::variant<double, std::string>;

class KindSet {
public:
    constexpr KindSet() = default;
    constexpr KindSet(std::initializer_list<NodeKind> kinds) {
        for (NodeKind k : kinds) bits_ |= 1u << static_cast<unsigned>(k);
    }
    constexpr bool has(NodeKind k) const { return (bits_ >> static_cast<unsigned>(k)) & 1u; }
    constexpr bool empty() const { return bits_ == 0; }
    std::vector<NodeKind> kinds() const; // in NodeKind order
    std::string describe() const;        // "a load_balancer or service_group"'s kind names

private:
    std::uint32_t bits_ = 0;
};

enum class FieldType {
    Number,    // a real number in [lo, hi] (or 0 when `offBelow` is set)
    Integer,   // a whole number in [lo, hi]
    Bool,      // true or false
    String,    // free text
    Enum,      // one of `choices`
    Reference, // the id of a node of one of `refKinds` ("" is none unless required)
    Custom,    // bespoke JSON (an object, a list, a distribution): `read` and `write` below
    Preserved, // a field of a model not built yet: kept verbatim in NodeSpec::preserved
};

// How a row reaches its value on a NodeSpec, so that regrouping NodeSpec edits only the table.
struct FieldAccess {
    FieldValue (*get)(const NodeSpec&) = nullptr;
    void (*set)(NodeSpec&, const FieldValue&) = nullptr;
    void (*copy)(NodeSpec& to, const NodeSpec& from) = nullptr; // exact, for LiveSync's "rest"
};

struct FieldRow {
    const char* name = "";
    KindSet kinds;
    FieldType type = FieldType::Number;
    FieldAccess access;
    double def = 0;           // Number, Integer, Bool
    const char* defText = ""; // String, Enum, Reference
    double lo = 0, hi = 0;    // Number, Integer
    double offBelow = 0;      // > 0: the value is 0 (off) or at least this (a clock tick)
    bool required = false;    // the file must give it
    bool omitDefault = false; // the writer leaves it out when it has the default value
    bool inFile = true;       // false: a live-settable part of a Custom row's object
    std::span<const char* const> choices; // Enum
    KindSet refKinds;                     // Reference
    bool live = false;                    // a running engine takes it (a `set` action)
    // What a live `set` accepts: wider than the file's range, as the engine clamps or skips
    // (a resize past the largest size is logged and skipped, not refused).
    double liveLo = 0, liveHi = std::numeric_limits<double>::infinity();
    bool (*when)(const NodeSpec&) = nullptr;    // meaningful only then (written, shown, set live)
    const char* whenMissing = "";               // the validator's reason when `when` is false
    double (*hiFor)(const NodeSpec&) = nullptr; // a bound that depends on other fields
    std::string (*check)(const NodeSpec&) = nullptr; // after reading: "" or why it is wrong
    std::string (*checkLive)(const NodeSpec&, const FieldValue&) = nullptr;
    void (*read)(ObjectReader&, NodeSpec&) = nullptr;   // Custom
    void (*write)(Ordered&, const NodeSpec&) = nullptr; // Custom
    // The inspector: a row appears when it has a label.
    const char* label = nullptr;
    const char* tip = "";
    const char* unit = "";    // shown after the value ("ms")
    double scale = 1;         // shown as value x scale (a fraction as a percentage)
    int decimals = 0;         // shown after the point
    const char* offText = ""; // shown instead of 0 ("auto", "never")

    bool appliesTo(const NodeSpec& n) const { return kinds.has(n.kind) && (!when || when(n)); }
    double maxFor(const NodeSpec& n) const { return hiFor ? hiFor(n) : hi; }
    bool isText() const {
        return type == FieldType::String || type == FieldType::Enum || type == FieldType::Reference;
    }
    FieldValue defaultValue() const {
        return isText() ? FieldValue(std::string(defText)) : FieldValue(def);
    }
};

// Every row, in the order the writer saves a node's keys.
std::span<const FieldRow> fieldTable();
// The row of `name` for nodes of `kind`, or nullptr.
const FieldRow* findField(NodeKind kind, std::string_view name);
// The validator's answer for a live `set` of `field` to `value` on `n` ("" when accepted): the
// message's tail after "timeline[i]".
std::string checkLiveSet(const NodeSpec& n, const std::string& field, const FieldValue& value);
// Names as a choice's error message lists them: "\"a\", \"b\" or \"c\"".
std::string quotedChoices(std::span<const char* const> names);

} // namespace cs::core
