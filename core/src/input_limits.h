// Hard limits on JSON input, enforced while it is read (SAX), before any value is built:
// size, nesting, string length, array and object sizes, duplicate keys, numbers out of range.
// A refusal is one issue with a code, the JSON pointer where it happened, and a bounded message.
// docs/limits.md lists the numbers.
#pragma once

#include <cstddef>
#include <string>

#include "carecheck/service.h"
#include "carecheck/issues.h"
#include "carecheck/text.h"

namespace carecheck {

struct InputLimits {
    size_t max_bytes;
    size_t max_depth;
    size_t max_string_bytes;
    size_t max_array_items;
    size_t max_object_members;
};

/// A household, or one batch line: a family's answers.
inline constexpr InputLimits kHouseholdLimits{Service::kMaxInputBytes, 64, 4096, 1000, 1000};
/// A rule file (catalogue or pack): longer quotes, more programs.
inline constexpr InputLimits kRuleFileLimits{8u << 20, 64, 64u << 10, 10000, 10000};

/// Parses `text` within `limits`. On any problem adds one issue under `path` and returns a
/// discarded value; nothing is built past the point of refusal.
Json parse_limited(const std::string& text, const InputLimits& limits, IssueList& issues, const std::string& path = "");

}  // namespace carecheck
