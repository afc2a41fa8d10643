// How deep a parsed JSON document nests, found without recursion.
//
// nlohmann::json parses and frees any depth without recursion, but copying or dumping a value
// recurses once per level, so 100 000 nested arrays in a mapping's value table overflowed the
// stack. A document is checked with this right after parsing, before anything else touches it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "carecheck/text.h"

namespace carecheck {

/// Nesting allowed in a mapping file: far more than any mapping needs (a value table's answer
/// sits 6 levels down), far less than what overflows a stack.
constexpr size_t kMaxJsonDepth = 64;

/// The JSON pointer of the first value nested more than `max_depth` arrays or objects deep
/// (the top-level value is depth 1 if it is an array or object), or nullopt.
std::optional<std::string> first_too_deep(const Json& doc, size_t max_depth = kMaxJsonDepth);

}  // namespace carecheck
