// The fast way in for a valid household (see household_fast.cpp); read_household_text() uses it
// first and falls back to the checking reader for anything it gives up on.
#pragma once

#include <optional>
#include <string>

#include "carecheck/household.h"

namespace carecheck {

/// The household in `text`, if it is valid; nullopt if it is not, or if the fast reader is not
/// sure (the checking reader then says what is wrong).
std::optional<Household> read_valid_household(const std::string& text, const Ruleset& ruleset,
                                              const std::string& today);

/// Computes derived facts (an age from a birth date) for every member; false with issues when a
/// derived value falls outside its fact's range.
bool derive_facts(const Ruleset& ruleset, Household& household, IssueList& issues);

}  // namespace carecheck
