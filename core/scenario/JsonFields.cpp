#include "JsonFields.h"

#include <QLocale>

namespace cs::core {

std::string describe(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString();
    case QJsonValue::String: {
        auto s = v.toString();
        if (s.size() > 40) s = s.left(40) + QStringLiteral("...");
        std::string quoted(1, '"'); // appended, not `"\"" + ...`: GCC 12 warns on that
        quoted += s.toStdString();
        quoted += '"';
        return quoted;
    }
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        return "nothing";
    }
    return "?";
}

} // namespace cs::core
