// Problems found in a rule file or a household, reported as data (never thrown past the core).
#pragma once

#include <string>
#include <vector>

#include "carecheck/text.h"

namespace carecheck {

/// One problem: a stable code, the file it is in, a JSON pointer to the node, and a message.
struct Issue {
    std::string code;
    std::string file;
    std::string path;
    std::string message;
};

/// Collects issues while walking one file; `file` is stamped on each.
class IssueList {
public:
    explicit IssueList(std::string file = "") : file_(std::move(file)) {}
    void add(std::string code, std::string path, std::string message);
    void set_file(std::string file) { file_ = std::move(file); }
    bool empty() const { return items_.empty(); }
    size_t size() const { return items_.size(); }
    const std::vector<Issue>& items() const { return items_; }
    void append(const IssueList& other);

private:
    std::string file_;
    std::vector<Issue> items_;
};

/// Appends a reference token to a JSON pointer, escaping "~" and "/" (RFC 6901).
std::string pointer_join(const std::string& base, const std::string& token);
std::string pointer_join(const std::string& base, size_t index);

/// A value for a message: its JSON text (or the text itself), whole when it has at most
/// `max_chars` characters, else its first `max_chars` and "…"; never split inside a UTF-8
/// character. Messages quote
/// what was sent through this, never whole (docs/limits.md).
std::string quote_value(const Json& value, size_t max_chars = 80);
std::string quote_value(const std::string& text, size_t max_chars = 80);

/// The error envelope: {"ok":false,"error":{first issue},"issues":[all]}.
OrderedJson error_envelope(const std::vector<Issue>& issues);
OrderedJson error_envelope(const Issue& issue);

}  // namespace carecheck
