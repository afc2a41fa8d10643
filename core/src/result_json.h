// The result and questions JSON documents (see docs/rule-format.md), built from outcomes.
#pragma once

#include "evaluator.h"

namespace carecheck {

/// Renders, once per rule set, the parts of results that never change (see Program).
void prepare_rendering(Ruleset& ruleset);

/// {"ok":true,"as_of":…,"packs":[…]} for one household over every pack, as JSON text
/// (built from the pieces prepare_rendering() made, so a result costs little beyond evaluation).
std::string result_text(const Ruleset& ruleset, const Household& household);

/// {"ok":true,"as_of":…,"results":[{pack, program, member?, status, yearly, missing?}]}: the
/// compact line batch screening prints.
OrderedJson screen_json(const Ruleset& ruleset, const Household& household);

/// {"ok":true,"questions":[…],"remaining":N}: unanswered facts that can still change a result.
OrderedJson questions_json(const Ruleset& ruleset, const Household& household);

/// The rule set for a user interface: packs' metadata, roles, facts, parameters.
OrderedJson describe_json(const Ruleset& ruleset);

/// One fact as the page needs it to ask the question.
OrderedJson fact_json(const Fact& fact);

}  // namespace carecheck
