// The rules of RFC 8259 that QJsonDocument does not enforce, checked on text it has accepted:
// numbers like `1.` or `.5`, unknown escapes (`\d`), raw control characters in strings, and
// duplicate keys (QJsonDocument keeps the last one silently). A scenario with any of them is a
// load error naming where it is.
#pragma once

#include <string>
#include <string_view>

namespace cs::core {

// Empty if `text` (one JSON value, optionally after a UTF-8 byte order mark) is strict JSON;
// otherwise "line L, column C: ..." or, for a duplicate key, "PATH: ...".
std::string strictJsonError(std::string_view text);

} // namespace cs::core
