#include "cell_values.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <iterator>

#include "carecheck/dates.h"
#include "carecheck/issues.h"
#include "carecheck/json_read.h"

namespace carecheck {

namespace {

std::string lower_ascii(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// The choice whose id, Chinese name or English name is `text` (ids and English ignore case).
const FieldCatalogue::Choice* find_choice(const std::vector<FieldCatalogue::Choice>& choices,
                                          const std::string& text) {
    const std::string lower = lower_ascii(text);
    for (const auto& choice : choices) {
        if (choice.id == text || lower_ascii(choice.id) == lower)
            return &choice;
    }
    for (const auto& choice : choices) {
        if (choice.zh == text || (!choice.en.empty() && lower_ascii(choice.en) == lower))
            return &choice;
    }
    return nullptr;
}

std::string list_ids(const std::vector<FieldCatalogue::Choice>& choices) {
    std::string out;
    for (const auto& choice : choices)
        out += (out.empty() ? "" : ", ") + choice.id;
    return out;
}

/// Splits a list cell on ; ； 、 or | (ASCII or full-width), dropping empty items. Separators
/// inside brackets stay: option names such as "建档立卡贫困户（脱贫户、监测户）" hold them.
std::vector<std::string> split_list(const std::string& cell) {
    static const char* const kSeparators[] = {";", "\xEF\xBC\x9B" /* ； */, "\xE3\x80\x81" /* 、 */,
                                              "|", "\xEF\xBD\x9C" /* ｜ */};
    static const char* const kOpen[] = {"(", "\xEF\xBC\x88" /* （ */};
    static const char* const kClose[] = {")", "\xEF\xBC\x89" /* ） */};
    const auto match = [&](size_t at, const char* const* list, size_t count) -> size_t {
        for (size_t k = 0; k < count; ++k) {
            const size_t width = std::char_traits<char>::length(list[k]);
            if (cell.compare(at, width, list[k]) == 0)
                return width;
        }
        return 0;
    };
    std::vector<std::string> items;
    size_t start = 0, depth = 0;
    for (size_t i = 0; i <= cell.size();) {
        size_t width = i == cell.size() ? 1 : 0;
        if (width == 0) {
            if (const size_t open = match(i, kOpen, std::size(kOpen))) {
                ++depth, i += open;
                continue;
            }
            if (const size_t close = match(i, kClose, std::size(kClose))) {
                depth -= depth > 0, i += close;
                continue;
            }
            if (depth == 0)
                width = match(i, kSeparators, std::size(kSeparators));
        }
        if (width == 0) {
            ++i;
            continue;
        }
        const std::string item = trim_cell(cell.substr(start, i - start));
        if (!item.empty())
            items.push_back(item);
        i += width;
        start = i;
    }
    return items;
}

const Json* lookup(const ValueTable* table, const std::string& cell) {
    if (!table)
        return nullptr;
    const auto it = table->find(cell);
    return it == table->end() ? nullptr : &it->second;
}

std::optional<Json> convert_bool(const std::string& cell, std::string& why) {
    static const char* const kYes[] = {"是", "有", "yes", "true", "1"};
    static const char* const kNo[] = {"否", "无", "no", "false", "0"};
    const std::string lower = lower_ascii(cell);
    for (const char* word : kYes) {
        if (lower == word)
            return Json(true);
    }
    for (const char* word : kNo) {
        if (lower == word)
            return Json(false);
    }
    why = "is not yes or no (是/否, 有/无, yes/no, true/false, 1/0)";
    return std::nullopt;
}

std::optional<Json> convert_number(const std::string& cell, std::string& why) {
    char* end = nullptr;
    const double value = std::strtod(cell.c_str(), &end);
    if (end == cell.c_str() || *end != '\0' || !std::isfinite(value)) {
        why = "is not a number";
        return std::nullopt;
    }
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return Json(static_cast<long long>(value));
    return Json(value);
}

/// YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD (month and day may have one digit) or YYYYMMDD.
std::optional<Json> convert_date(const std::string& cell, std::string& why) {
    why = "is not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)";
    std::string parts[3];
    if (cell.size() == 8 && cell.find_first_not_of("0123456789") == std::string::npos) {
        parts[0] = cell.substr(0, 4), parts[1] = cell.substr(4, 2), parts[2] = cell.substr(6, 2);
    } else {
        size_t part = 0;
        char separator = 0;
        for (char c : cell) {
            if (c >= '0' && c <= '9') {
                parts[part].push_back(c);
            } else if ((c == '-' || c == '/' || c == '.') && part < 2 &&
                       (separator == 0 || c == separator)) {
                separator = c;
                ++part;
            } else {
                return std::nullopt;
            }
        }
        if (part != 2 || parts[0].size() != 4)
            return std::nullopt;
        for (size_t i = 1; i < 3; ++i) {
            if (parts[i].empty() || parts[i].size() > 2)
                return std::nullopt;
            if (parts[i].size() == 1)
                parts[i] = "0" + parts[i];
        }
    }
    const std::string iso = parts[0] + "-" + parts[1] + "-" + parts[2];
    if (!parse_date(iso)) {
        why = "is not a real calendar date";
        return std::nullopt;
    }
    return Json(iso);
}

std::optional<Json> convert_plain(const std::string& cell, const FieldCatalogue::Fact& fact,
                                  std::string& why) {
    if (fact.type == "bool")
        return convert_bool(cell, why);
    if (fact.type == "number")
        return convert_number(cell, why);
    if (fact.type == "date")
        return convert_date(cell, why);
    if (fact.type == "region") {
        if (is_region_code(cell))
            return Json(cell);
        why = "is not a six-digit region code (GB/T 2260, e.g. 130722)";
        return std::nullopt;
    }
    if (fact.type == "one_of") {
        if (const auto* choice = find_choice(fact.options, cell))
            return Json(choice->id);
        why = "is not one of " + list_ids(fact.options) + " (or their names)";
        return std::nullopt;
    }
    why = "has a type this tool cannot read from a cell (" + fact.type + ")";
    return std::nullopt;
}

/// One item of a many_of list: through the table, then as an option id or name.
bool add_option(const std::string& item, const FieldCatalogue::Fact& fact, const ValueTable* table,
                Json& out, std::string& why) {
    const Json* mapped = lookup(table, item);
    if (mapped && !mapped->is_string()) {
        if (!mapped->is_array()) {
            why = "maps to " + quote_value(*mapped) + ", which is not a list of options";
            return false;
        }
        for (const Json& each : *mapped) {
            if (!each.is_string() || !add_option(each.get<std::string>(), fact, nullptr, out, why))
                return false;
        }
        return true;
    }
    const std::string text = mapped ? mapped->get<std::string>() : item;
    const auto* choice = find_choice(fact.options, text);
    if (!choice) {
        // quote_value: the item may be the whole cell (no separator), and cells go up to 1 MiB.
        why = "has " + quote_value(Json(item)) + ", which is not one of " + list_ids(fact.options) +
              " (or their names)";
        return false;
    }
    if (std::find(out.begin(), out.end(), Json(choice->id)) == out.end())
        out.push_back(choice->id);
    return true;
}

}  // namespace

FieldCatalogue FieldCatalogue::from_ruleset(const Ruleset& ruleset) {
    FieldCatalogue catalogue;
    for (const Role& role : ruleset.roles)
        catalogue.roles.push_back(Choice{role.id, role.name.zh, role.name.en});
    static const char* const kTypes[] = {"bool", "number", "one_of", "many_of", "date", "region"};
    for (const auto& fact : ruleset.facts) {
        Fact info{fact->id, fact->about == FactAbout::Member, kTypes[static_cast<int>(fact->type)], {}};
        for (const Option& option : fact->options)
            info.options.push_back(Choice{option.id, option.name.zh, option.name.en});
        catalogue.facts[info.id] = std::move(info);
    }
    for (const Pack& pack : ruleset.packs) {
        for (const Parameter& parameter : pack.parameters) {
            if (!catalogue.has_parameter(parameter.id))
                catalogue.parameters.push_back(parameter.id);
        }
    }
    return catalogue;
}

const FieldCatalogue::Fact* FieldCatalogue::fact(const std::string& id) const {
    const auto it = facts.find(id);
    return it == facts.end() ? nullptr : &it->second;
}

bool FieldCatalogue::has_parameter(const std::string& id) const {
    return std::find(parameters.begin(), parameters.end(), id) != parameters.end();
}

std::string trim_cell(const std::string& cell) {
    static const std::string kIdeographicSpace = "\xE3\x80\x80";
    size_t begin = 0, end = cell.size();
    for (bool more = true; more;) {
        more = false;
        if (begin < end && (cell[begin] == ' ' || cell[begin] == '\t'))
            ++begin, more = true;
        if (end > begin && (cell[end - 1] == ' ' || cell[end - 1] == '\t'))
            --end, more = true;
        if (end - begin >= 3 && cell.compare(begin, 3, kIdeographicSpace) == 0)
            begin += 3, more = true;
        if (end - begin >= 3 && cell.compare(end - 3, 3, kIdeographicSpace) == 0)
            end -= 3, more = true;
    }
    return cell.substr(begin, end - begin);
}

std::optional<Json> convert_cell(const std::string& cell, const FieldCatalogue::Fact& fact,
                                 const ValueTable* table, std::string& why) {
    const Json* mapped = lookup(table, cell);
    if (mapped && !mapped->is_string())
        return *mapped;  // null ("not sure"), true, 3, […] as given
    if (fact.type != "many_of")
        return convert_plain(mapped ? mapped->get<std::string>() : cell, fact, why);
    Json options = Json::array();
    if (mapped)
        return add_option(cell, fact, table, options, why) ? std::optional<Json>(options)
                                                           : std::nullopt;
    for (const std::string& item : split_list(cell)) {
        if (!add_option(item, fact, table, options, why))
            return std::nullopt;
    }
    return options;
}

std::optional<std::vector<std::string>> convert_roles(
        const std::string& cell, const std::vector<FieldCatalogue::Choice>& roles,
        const ValueTable* table, std::string& why) {
    // Roles read like a many_of fact whose options are the catalogue's roles.
    const FieldCatalogue::Fact as_fact{"roles", true, "many_of", roles};
    const auto ids = convert_cell(cell, as_fact, table, why);
    if (!ids)
        return std::nullopt;
    if (!ids->is_array()) {
        why = "maps to " + quote_value(*ids) + ", which is not a list of roles";
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const Json& id : *ids) {
        if (!id.is_string()) {
            why = "maps to " + quote_value(*ids) + ", which is not a list of roles";
            return std::nullopt;
        }
        out.push_back(id.get<std::string>());
    }
    return out;
}

}  // namespace carecheck
