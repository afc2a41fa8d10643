#include "render/json_writer.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace carecheck {

JsonWriter& JsonWriter::string(const std::string& text) {
    // Strings reaching here are valid UTF-8 (the JSON parser and the CSV decoder make them so),
    // so only what JSON itself requires is escaped, exactly as nlohmann's dump() does.
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out_.append(text, run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\b': out_ += "\\b"; break;
            case '\f': out_ += "\\f"; break;
            case '\n': out_ += "\\n"; break;
            case '\r': out_ += "\\r"; break;
            case '\t': out_ += "\\t"; break;
            default:
                out_ += "\\u00";
                out_ += kHex[c >> 4];
                out_ += kHex[c & 15];
        }
    }
    out_.append(text, run, std::string::npos);
    out_ += '"';
    return *this;
}

JsonWriter& JsonWriter::number(double value) {
    // nlohmann's own number formatting (Grisu2, ".0" on whole numbers), so a line written here
    // matches one dumped from a JSON tree byte for byte.
    if (!std::isfinite(value)) return null();
    char buffer[64];
    const char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
    out_.append(buffer, static_cast<size_t>(end - buffer));
    return *this;
}

}  // namespace carecheck
