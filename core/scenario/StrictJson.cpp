#include "StrictJson.h"

#include <cctype>
#include <set>

namespace cs::core {
namespace {

struct Fail {
    std::string message;
};

class Checker {
public:
    explicit Checker(std::string_view text) : m_text(text) {
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;
    }

    void document() {
        value("", 0);
        space();
        if (m_pos != m_text.size()) fail("expected the end of the file after the JSON value");
    }

private:
    static constexpr int kMaxDepth = 512;

    [[noreturn]] void fail(const std::string& what) const {
        int line = 1, col = 1;
        for (std::size_t i = 0; i < m_pos && i < m_text.size(); ++i) {
            if (m_text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw Fail{"line " + std::to_string(line) + ", column " + std::to_string(col) +
                   ": not valid JSON (RFC 8259): " + what};
    }
    char peek() const { return m_pos < m_text.size() ? m_text[m_pos] : '\0'; }
    bool digit() const { return peek() >= '0' && peek() <= '9'; }
    void space() {
        while (m_pos < m_text.size() &&
               (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    void literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) fail("expected a value");
        m_pos += word.size();
    }

    void value(const std::string& path, int depth) {
        if (depth > kMaxDepth) fail("nested too deeply");
        space();
        switch (peek()) {
        case '{':
            return object(path, depth);
        case '[':
            return array(path, depth);
        case '"':
            (void)string();
            return;
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    void object(const std::string& path, int depth) {
        ++m_pos; // {
        std::set<std::string> keys;
        space();
        if (peek() == '}') {
            ++m_pos;
            return;
        }
        for (;;) {
            space();
            if (peek() != '"') fail("expected a key in quotes");
            const std::string key = string();
            const std::string at = path.empty() ? key : path + "." + key;
            if (!keys.insert(key).second)
                throw Fail{at + ": the key \"" + key + "\" appears twice in one object"};
            space();
            if (peek() != ':') fail("expected ':' after a key");
            ++m_pos;
            value(at, depth + 1);
            space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                return;
            }
            fail("expected ',' or '}'");
        }
    }

    void array(const std::string& path, int depth) {
        ++m_pos; // [
        space();
        if (peek() == ']') {
            ++m_pos;
            return;
        }
        for (int i = 0;; ++i) {
            value(path + "[" + std::to_string(i) + "]", depth + 1);
            space();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                return;
            }
            fail("expected ',' or ']'");
        }
    }

    std::string string() {
        ++m_pos; // "
        std::string out;
        for (;;) {
            if (m_pos >= m_text.size()) fail("a string is not closed");
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                fail("a control character (code " + std::to_string(static_cast<int>(c)) +
                     ") inside a string must be escaped");
            if (c != '\\') {
                out += c;
                ++m_pos;
                continue;
            }
            const char e = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
            if (e == 'u') {
                for (std::size_t k = 2; k < 6; ++k) {
                    const char h = m_pos + k < m_text.size() ? m_text[m_pos + k] : '\0';
                    if (!std::isxdigit(static_cast<unsigned char>(h)))
                        fail("expected four hexadecimal digits after \\u");
                }
                out += m_text.substr(m_pos, 6);
                m_pos += 6;
                continue;
            }
            if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == '\0')
                fail(std::string("unknown escape \\") + e + " in a string");
            out += m_text.substr(m_pos, 2);
            m_pos += 2;
        }
    }

    void number() {
        const std::size_t start = m_pos;
        if (peek() == '-') ++m_pos;
        if (peek() == '0') {
            ++m_pos;
        } else if (digit()) {
            while (digit()) ++m_pos;
        } else {
            m_pos = start;
            fail("expected a value");
        }
        if (peek() == '.') {
            ++m_pos;
            if (!digit()) fail("a number needs a digit after its '.'");
            while (digit()) ++m_pos;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-') ++m_pos;
            if (!digit()) fail("a number needs a digit in its exponent");
            while (digit()) ++m_pos;
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::string strictJsonError(std::string_view text) {
    try {
        Checker(text).document();
    } catch (const Fail& f) {
        return f.message;
    }
    return {};
}

} // namespace cs::core
