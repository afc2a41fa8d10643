// Turning spreadsheet cells into household answers, by the type a fact has in the loaded
// catalogue. Policy-free: every fact, option and role comes from Service::describe() output.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "carecheck/ruleset.h"

namespace carecheck {

/// What a mapping may name, read from the JSON Service::describe() returns.
struct FieldCatalogue {
    /// An option of a one_of/many_of fact, or a role: its id and its names.
    struct Choice {
        std::string id, zh, en;
    };
    struct Fact {
        std::string id;
        bool member = false;  // "about": "member"
        std::string type;     // bool | number | date | one_of | many_of | region
        std::vector<Choice> options;
    };
    std::map<std::string, Fact> facts;
    std::vector<Choice> roles;
    std::vector<std::string> parameters;  // the local figures the packs declare (numbers)

    static FieldCatalogue from_ruleset(const Ruleset& ruleset);
    const Fact* fact(const std::string& id) const;
    bool has_parameter(const std::string& id) const;
};

/// A column's own codes ("A级" → "intact"): cell text → answer. A string answer is read again as
/// if it were the cell (so it may be an option id or name); other JSON values are used as they are.
using ValueTable = std::map<std::string, Json>;

/// The answer for `fact` written in `cell` (already trimmed, not empty). On failure returns
/// nullopt and sets `why` to a sentence saying what was expected.
std::optional<Json> convert_cell(const std::string& cell, const FieldCatalogue::Fact& fact,
                                 const ValueTable* table, std::string& why);

/// The role ids written in `cell` (split on list separators; ids or names of roles).
std::optional<std::vector<std::string>> convert_roles(
        const std::string& cell, const std::vector<FieldCatalogue::Choice>& roles,
        const ValueTable* table, std::string& why);

/// Cell text without surrounding spaces (ASCII and the full-width space U+3000).
std::string trim_cell(const std::string& cell);

}  // namespace carecheck
