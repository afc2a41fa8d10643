// Small typed readers over nlohmann::json that report problems as issues with JSON pointers
// instead of throwing. Shared by the rule loader and the household reader.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "carecheck/issues.h"
#include "carecheck/text.h"

namespace carecheck {

/// Reports keys of `object` that are not in `allowed` (typos in rule files must not pass silently);
/// the message points to `doc`, where the format is described.
void check_keys(const Json& object, const std::string& path, std::initializer_list<const char*> allowed,
                IssueList& issues, const char* doc = "docs/rule-format.md");

/// Reads a required (or optional) string; reports wrong types.
std::optional<std::string> read_string(const Json& object, const char* key, const std::string& path,
                                       IssueList& issues, bool required);

/// Reads {"zh","en"}: both must be non-empty strings when present.
Text read_text(const Json& object, const char* key, const std::string& path, IssueList& issues,
               bool required);

/// Reads {"clause","quote"}; a missing or empty one is a "missing_citation" issue when required.
Cite read_cite(const Json& object, const char* key, const std::string& path, IssueList& issues,
               bool required);

/// A short, printable description of a JSON value's type, for messages.
std::string type_name(const Json& value);

/// True for a six-digit GB/T 2260 code.
bool is_region_code(const std::string& code);

}  // namespace carecheck
