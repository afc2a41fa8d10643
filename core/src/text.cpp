#include "carecheck/text.h"

#include <cmath>
#include <cstdio>

namespace carecheck {

OrderedJson to_json(const Text& text) {
    return OrderedJson{{"zh", text.zh}, {"en", text.en}};
}

OrderedJson to_json(const Cite& cite) {
    return OrderedJson{{"clause", cite.clause}, {"quote", cite.quote}};
}

OrderedJson to_ordered(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: {
            OrderedJson out = OrderedJson::object();
            for (auto it = value.begin(); it != value.end(); ++it) out[it.key()] = to_ordered(it.value());
            return out;
        }
        case Json::value_t::array: {
            OrderedJson out = OrderedJson::array();
            for (const Json& item : value) out.push_back(to_ordered(item));
            return out;
        }
        case Json::value_t::string: return value.get_ref<const std::string&>();
        case Json::value_t::boolean: return value.get<bool>();
        case Json::value_t::number_integer: return value.get<std::int64_t>();
        case Json::value_t::number_unsigned: return value.get<std::uint64_t>();
        case Json::value_t::number_float: return value.get<double>();
        default: return nullptr;
    }
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
