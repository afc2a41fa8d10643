// Reading an evaluation tree back as explanations: the "why" trace, the facts still
// missing, and what would have to change for a "no" to become a "yes".
#pragma once

#include <vector>

#include "evaluator.h"

namespace carecheck {

struct FactRef {
    const Fact* fact = nullptr;
    const Member* member = nullptr;
    bool operator==(const FactRef& other) const { return fact == other.fact && member == other.member; }
};

/// The explained nodes (those with a text) under `root`, top first, with the facts each read.
/// `failed_only`: for a "no", only the conditions that failed (what passed is not the reason).
OrderedJson trace_json(const Outcome& outcome, int root, bool failed_only);

/// The unknown facts that can still change this outcome (status or amount); nothing else.
std::vector<FactRef> missing_facts(const Outcome& outcome);

/// For a not-eligible outcome: the failing conditions in words, with hints for thresholds.
OrderedJson would_change_json(const Outcome& outcome, const Date& as_of);

OrderedJson fact_ref_json(const FactRef& ref);

}  // namespace carecheck
