// A household's answers, read and checked against the catalogue.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dates.h"
#include "issues.h"
#include "model.h"

namespace carecheck {

struct Member {
    std::string id;
    std::vector<std::string> roles;
    std::map<std::string, Json> facts;  // null = "not sure"
    bool has_role(const std::string& role) const;
};

struct Household {
    Date as_of;
    std::map<std::string, Json> facts;
    std::vector<Member> members;
    std::map<std::string, double> parameters;
};

/// Limits that keep one bad line from exhausting memory or time.
constexpr size_t kMaxMembers = 50;
constexpr size_t kMaxMemberIdBytes = 64;

/// Reads a household from parsed JSON; every problem becomes an issue with a JSON pointer.
/// `today` fills in a missing "as_of" (empty: "as_of" is required).
std::optional<Household> read_household(const Json& json, const Ruleset& ruleset, const std::string& today,
                                        IssueList& issues);

}  // namespace carecheck
