// Reading and writing one JSON object of a scenario file: path-tracking reads with the file's
// error messages, and objects whose keys keep the order they were written in.
#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace cs::core {

struct LoadError {
    std::string path, message;
};

constexpr double kHuge = 1e9;
constexpr double kMaxMs = 1e9;
constexpr double kMinMs = 0.001;  // one tick of the microsecond clock
constexpr double kMinRate = 1e-6; // requests per second: one every 11.6 days
constexpr double kMinPerS = 1e-6; // other rates and durations in seconds

std::string describe(const QJsonValue& v);

// Reads one JSON object's fields; records which keys were consumed so the rest can be warned about.
class ObjectReader {
public:
    ObjectReader(const QJsonObject& o, std::string path, std::vector<std::string>& warnings)
        : o_(o), path_(std::move(path)), warnings_(warnings) {}

    std::vector<std::string>& warnings() { return warnings_; }
    std::string at(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    bool has(const char* key) const { return o_.contains(QLatin1String(key)); }
    QJsonValue raw(const char* key) {
        used_.insert(key);
        return o_.value(QLatin1String(key));
    }
    [[noreturn]] void fail(const std::string& key, const std::string& expected,
                           const QJsonValue& got) const {
        throw LoadError{at(key), "expected " + expected + ", got " + describe(got)};
    }

    double number(const char* key, double def, double lo, double hi, bool required = false) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) {
            if (required) throw LoadError{at(key), "is required (a number)"};
            return def;
        }
        const std::string range = "a number in [" + fmt(lo) + ", " + fmt(hi) + "]";
        if (!v.isDouble()) fail(key, range, v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < lo || d > hi) fail(key, range, v);
        return d;
    }
    // 0 (off, or instantaneous), or a number in [lo, hi]: a time or rate so small the microsecond
    // clock cannot hold it (a rate of 1e-300 draws gaps past the end of time) is an error.
    double offOr(const char* key, double def, double lo, double hi, bool required = false) {
        const double d = number(key, def, 0.0, hi, required);
        if (d != 0.0 && d < lo)
            throw LoadError{at(key), "expected 0 or a number in [" + fmt(lo) + ", " + fmt(hi) +
                                         "] (the clock counts microseconds), got " + fmt(d)};
        return d;
    }
    std::int64_t integer(const char* key, std::int64_t def, std::int64_t lo, std::int64_t hi) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        const std::string range =
            "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
        if (!v.isDouble()) fail(key, range, v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(lo) ||
            d > static_cast<double>(hi))
            fail(key, range, v);
        return static_cast<std::int64_t>(d);
    }
    bool boolean(const char* key, bool def) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        if (!v.isBool()) fail(key, "true or false", v);
        return v.toBool();
    }
    std::string string(const char* key, const std::string& def, bool required = false) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) {
            if (required) throw LoadError{at(key), "is required (a string)"};
            return def;
        }
        if (!v.isString()) fail(key, "a string", v);
        return v.toString().toStdString();
    }
    std::string choice(const char* key, const std::string& def,
                       std::span<const char* const> allowed) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        std::string list;
        for (const char* a : allowed)
            list += (list.empty() ? "" : ", ") + std::string("\"") + a + "\"";
        if (!v.isString()) fail(key, "one of " + list, v);
        const std::string s = v.toString().toStdString();
        for (const char* a : allowed)
            if (s == a) return s;
        fail(key, "one of " + list, v);
    }
    std::string choice(const char* key, const std::string& def,
                       std::initializer_list<const char*> allowed) {
        return choice(key, def, std::span<const char* const>(allowed.begin(), allowed.size()));
    }
    QJsonObject object(const char* key) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return {};
        if (!v.isObject()) fail(key, "an object", v);
        return v.toObject();
    }
    // Keeps fields of models not built yet, verbatim, without a warning.
    void preserve(std::initializer_list<const char*> keys,
                  std::map<std::string, std::string>& out) {
        for (const char* k : keys) {
            if (!has(k)) continue;
            const QJsonValue v = raw(k);
            QJsonArray wrap{v};
            QByteArray text = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
            out[k] = text.mid(1, text.size() - 2).toStdString();
        }
    }
    void warnUnknown() const {
        for (auto it = o_.begin(); it != o_.end(); ++it) {
            const std::string k = it.key().toStdString();
            if (!used_.count(k)) warnings_.push_back(at(k) + ": unknown field, ignored");
        }
    }
    static std::string fmt(double d) { return QByteArray::number(d, 'g', 10).toStdString(); }

private:
    QJsonObject o_;
    std::string path_;
    std::vector<std::string>& warnings_;
    std::set<std::string> used_;
};

// An object whose keys keep the order they were added in (QJsonObject sorts them).
class Ordered {
public:
    Ordered& add(const char* key, const QJsonValue& v) {
        items_.emplace_back(key, json(v));
        return *this;
    }
    Ordered& addRaw(const std::string& key, const std::string& jsonText) {
        items_.emplace_back(key, jsonText);
        return *this;
    }
    std::string str() const {
        std::string out = "{";
        for (std::size_t i = 0; i < items_.size(); ++i) {
            out += (i ? ", " : "") + json(QString::fromStdString(items_[i].first)) + ": " +
                   items_[i].second;
        }
        return out + "}";
    }
    static std::string json(const QJsonValue& v) {
        const QByteArray t = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return t.mid(1, t.size() - 2).toStdString();
    }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

} // namespace cs::core
