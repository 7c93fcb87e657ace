#include "SummaryKeys.h"

#include "Run.h"

#include <algorithm>
#include <cmath>

namespace cs::core {
// flattenSummary is defined with summaryToJson (Run.cpp): one walk of one object.

std::optional<double> summaryValue(const Summary& s, const std::string& key) {
    for (const auto& [k, v] : flattenSummary(s))
        if (k == key) return v;
    return std::nullopt;
}

bool isSummaryKey(const std::string& key) {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> k;
        for (const auto& kv : flattenSummary(Summary{})) k.push_back(kv.first);
        return k;
    }();
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::vector<std::string> summaryPlaceholders(const std::string& text) {
    std::vector<std::string> keys;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) break;
        keys.push_back(text.substr(open + 1, close - open - 1));
    }
    return keys;
}

std::string fillSummaryPlaceholders(const std::string& text, const Summary& s) {
    const auto values = flattenSummary(s);
    std::string out;
    std::size_t from = 0;
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', from)) {
        const std::size_t close = text.find('}', open + 1);
        if (close == std::string::npos) break;
        const std::string key = text.substr(open + 1, close - open - 1);
        out += text.substr(from, open - from);
        const auto it = std::find_if(values.begin(), values.end(),
                                     [&](const auto& kv) { return kv.first == key; });
        out +=
            it != values.end() ? readableNumber(it->second) : text.substr(open, close - open + 1);
        from = close + 1;
    }
    return out + text.substr(from);
}

} // namespace cs::core
