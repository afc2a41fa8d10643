// A household's answers, read and checked against the catalogue into dense, typed slots.
//
// Every fact has a slot (Fact::slot) in the household's or each member's array, so the
// evaluator reads an answer by index, never by name, and never touches JSON.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "carecheck/dates.h"
#include "carecheck/issues.h"
#include "carecheck/ruleset.h"

namespace carecheck {

enum class Answer : std::uint8_t {
    Absent,   // not answered: the question can still be asked
    NotSure,  // answered "not sure" (null): stays unknown, is not asked again
    Known
};

/// One answer in the scale its fact type uses:
/// bool 0/1 · number as given · date as a day number (dates.h) · one_of as the option's index ·
/// region as its six-digit code. many_of keeps a bitmask of option indices and their order.
struct Value {
    Answer state = Answer::Absent;
    // How a number was written, so it is written back the same: a JSON integer is kept whole
    // beside its double (integers past 2^53 do not survive a double).
    enum class Written : std::uint8_t { Float, Signed, Unsigned } written = Written::Float;
    std::uint64_t whole = 0;    // the integer's bits (Signed: two's complement)
    double number = 0;
    std::uint64_t options = 0;  // many_of: one bit per chosen option
    std::string order;          // many_of: the chosen option indices as given, one byte each
    bool known() const { return state == Answer::Known; }
};

struct Member {
    std::string id;
    std::uint64_t roles = 0;    // one bit per Ruleset::roles index
    std::vector<Value> facts;   // Ruleset::member_slots values
    bool has_role(int role_index) const { return role_index < 0 || (roles >> role_index) & 1; }
};

struct Household {
    Date as_of;
    std::vector<Value> facts;   // Ruleset::household_slots values
    std::vector<Member> members;
    std::map<std::string, double> parameters;
};

/// Limits that keep one bad line from exhausting memory or time.
constexpr size_t kMaxMembers = 50;
constexpr size_t kMaxMemberIdBytes = 64;

/// Reads a household from parsed JSON; every problem becomes an issue with a JSON pointer.
/// `today` fills in a missing "as_of" (empty: "as_of" is required). Derived facts (an age
/// from a birth date) are computed here, once per member.
std::optional<Household> read_household(const Json& json, const Ruleset& ruleset, const std::string& today,
                                        IssueList& issues);

/// The same from JSON text, parsed within the limits of docs/limits.md (size, depth, string
/// length, duplicate keys) before anything else is done with it.
std::optional<Household> read_household_text(const std::string& text, const Ruleset& ruleset,
                                             const std::string& today, IssueList& issues);

/// An answer as the JSON it was given in (for explanations); null when not known.
OrderedJson value_json(const Fact& fact, const Value& value);

}  // namespace carecheck
