// Lookups in the field table and the checks every user of a row shares.
#include "FieldTable.h"

#include <algorithm>

namespace cs::core {

std::vector<FieldRow> buildFieldTable(); // FieldRows.cpp

std::vector<NodeKind> KindSet::kinds() const {
    std::vector<NodeKind> out;
    for (const auto& [k, name] : EnumNames<NodeKind>::items)
        if (has(k)) out.push_back(k);
    return out;
}

std::string KindSet::describe() const {
    std::string names;
    for (NodeKind k : kinds()) names += (names.empty() ? "" : " or ") + std::string(enumName(k));
    return names;
}

std::span<const FieldRow> fieldTable() {
    static const std::vector<FieldRow> table = buildFieldTable();
    return table;
}

const FieldRow* findField(NodeKind kind, std::string_view name) {
    for (const FieldRow& row : fieldTable())
        if (row.kinds.has(kind) && name == row.name) return &row;
    return nullptr;
}

std::string quotedChoices(std::span<const char* const> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += std::string(i == 0                  ? ""
                           : i + 1 == names.size() ? " or "
                                                   : ", ") +
               "\"" + names[i] + "\"";
    return out;
}

std::string checkLiveSet(const NodeSpec& n, const std::string& field, const FieldValue& value) {
    const FieldRow* row = findField(n.kind, field);
    if (!row || !row->live)
        return ".field: \"" + field + "\" cannot be set on a " + enumName(n.kind);
    if (row->when && !row->when(n)) return ".field: \"" + n.id + "\" " + row->whenMissing;
    const auto* text = std::get_if<std::string>(&value);
    if (row->type == FieldType::Enum) {
        if (!text || std::find_if(row->choices.begin(), row->choices.end(),
                                  [&](const char* c) { return *text == c; }) == row->choices.end())
            return ".value: expected " + quotedChoices(row->choices);
    } else if (text) {
        return ".value: expected a number for " + field;
    } else {
        const double v = std::get<double>(value);
        if (v < row->liveLo || v > row->liveHi) return ".value: out of range for " + field;
    }
    return row->checkLive ? row->checkLive(n, value) : std::string();
}

} // namespace cs::core
