#include "carecheck/json_read.h"

#include <cstring>

namespace carecheck {

void check_keys(const Json& object, const std::string& path, std::initializer_list<const char*> allowed,
                IssueList& issues, const char* doc) {
    if (!object.is_object()) return;
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char* key : allowed) known = known || it.key() == key;
        if (!known) {
            issues.add("unknown_key", pointer_join(path, it.key()),
                       "unknown key \"" + it.key() + "\" (see " + doc + ")");
        }
    }
}

std::optional<std::string> read_string(const Json& object, const char* key, const std::string& path,
                                       IssueList& issues, bool required) {
    const std::string at = pointer_join(path, key);
    if (!object.is_object() || !object.contains(key) || object.at(key).is_null()) {
        if (required) issues.add("missing_field", at, std::string("\"") + key + "\" is required");
        return std::nullopt;
    }
    const Json& value = object.at(key);
    if (!value.is_string()) {
        issues.add("wrong_type", at, std::string("\"") + key + "\" must be a string, not " + type_name(value));
        return std::nullopt;
    }
    return value.get<std::string>();
}

Text read_text(const Json& object, const char* key, const std::string& path, IssueList& issues,
               bool required) {
    const std::string at = pointer_join(path, key);
    if (!object.is_object() || !object.contains(key)) {
        if (required) issues.add("missing_field", at, std::string("\"") + key + "\" is required ({\"zh\",\"en\"})");
        return {};
    }
    const Json& value = object.at(key);
    if (!value.is_object()) {
        issues.add("wrong_type", at, "a text must be {\"zh\": \"…\", \"en\": \"…\"}, not " + type_name(value));
        return {};
    }
    check_keys(value, at, {"zh", "en"}, issues);
    Text text;
    for (const char* lang : {"zh", "en"}) {
        const std::string lang_at = pointer_join(at, lang);
        if (!value.contains(lang) || !value.at(lang).is_string() || value.at(lang).get<std::string>().empty()) {
            issues.add("missing_translation", lang_at, std::string("text needs a non-empty \"") + lang + "\"");
            continue;
        }
        (std::strcmp(lang, "zh") == 0 ? text.zh : text.en) = value.at(lang).get<std::string>();
    }
    return text;
}

Cite read_cite(const Json& object, const char* key, const std::string& path, IssueList& issues,
               bool required) {
    const std::string at = pointer_join(path, key);
    if (!object.is_object() || !object.contains(key)) {
        if (required) issues.add("missing_citation", at, "a citation {\"clause\", \"quote\"} is required here");
        return {};
    }
    const Json& value = object.at(key);
    if (!value.is_object()) {
        issues.add("missing_citation", at, "a citation must be {\"clause\", \"quote\"}, not " + type_name(value));
        return {};
    }
    check_keys(value, at, {"clause", "quote"}, issues);
    Cite cite;
    for (const char* field : {"clause", "quote"}) {
        if (!value.contains(field) || !value.at(field).is_string() || value.at(field).get<std::string>().empty()) {
            issues.add("missing_citation", pointer_join(at, field),
                       std::string("a citation needs a non-empty \"") + field + "\"");
            continue;
        }
        (std::strcmp(field, "clause") == 0 ? cite.clause : cite.quote) = value.at(field).get<std::string>();
    }
    return cite;
}

std::string type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a yes/no value";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

bool is_region_code(const std::string& code) {
    if (code.size() != 6) return false;
    for (char c : code) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace carecheck
