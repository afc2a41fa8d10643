#include "text.h"

#include <cmath>
#include <cstdio>

namespace carecheck {

OrderedJson to_json(const Text& text) {
    return OrderedJson{{"zh", text.zh}, {"en", text.en}};
}

OrderedJson to_json(const Cite& cite) {
    return OrderedJson{{"clause", cite.clause}, {"quote", cite.quote}};
}

Text make_text(std::string zh, std::string en) { return Text{std::move(zh), std::move(en)}; }

std::string format_number(double value) {
    const double rounded = std::round(value * 100.0) / 100.0;
    char buffer[64];
    if (std::fabs(rounded - std::round(rounded)) < 1e-9) {
        std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
        std::string s = buffer;
        while (!s.empty() && s.back() == '0') s.pop_back();
        return s;
    }
    return buffer;
}

}  // namespace carecheck
