#include "carecheck/issues.h"

namespace carecheck {

void IssueList::add(std::string code, std::string path, std::string message) {
    // Cap the list: a 10 MB file of junk must not produce a million issues.
    constexpr size_t kMaxIssues = 200;
    if (items_.size() < kMaxIssues) {
        items_.push_back(Issue{std::move(code), file_, std::move(path), std::move(message)});
    }
}

void IssueList::append(const IssueList& other) {
    for (const Issue& issue : other.items_) items_.push_back(issue);
}

std::string pointer_join(const std::string& base, const std::string& token) {
    std::string escaped;
    for (char c : token) {
        if (c == '~') escaped += "~0";
        else if (c == '/') escaped += "~1";
        else escaped += c;
    }
    return base + "/" + escaped;
}

std::string pointer_join(const std::string& base, size_t index) {
    return base + "/" + std::to_string(index);
}

static OrderedJson issue_json(const Issue& issue) {
    OrderedJson j{{"code", issue.code}, {"message", issue.message}};
    if (!issue.file.empty()) j["file"] = issue.file;
    j["path"] = issue.path;
    return j;
}

OrderedJson error_envelope(const std::vector<Issue>& issues) {
    OrderedJson out{{"ok", false}};
    out["error"] = issues.empty() ? issue_json(Issue{"internal", "", "", "unknown error"})
                                  : issue_json(issues.front());
    OrderedJson list = OrderedJson::array();
    for (const Issue& issue : issues) list.push_back(issue_json(issue));
    out["issues"] = std::move(list);
    return out;
}

OrderedJson error_envelope(const Issue& issue) { return error_envelope(std::vector<Issue>{issue}); }

std::string quote_value(const std::string& text, size_t max_chars) {
    size_t chars = 0, i = 0;
    while (i < text.size() && chars < max_chars) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++chars;
    }
    if (i >= text.size()) return text;
    return text.substr(0, i) + "…";
}

std::string quote_value(const Json& value, size_t max_chars) {
    return quote_value(value.dump(-1, ' ', false, Json::error_handler_t::replace), max_chars);
}

}  // namespace carecheck
