// Reading a traced evaluation back as explanations: the "why" trace and what would have to
// change for a "no" to become a "yes".
#pragma once

#include "carecheck/evaluation.h"

namespace carecheck {

/// The explained nodes (those with a text) under `root`, top first, with the facts each read.
/// `failed_only`: for a "no", only the conditions that failed (what passed is not the reason).
void add_trace_json(const Evaluation& evaluation, const PackEvaluation& pack, const Condition& root, int member,
                    bool failed_only, OrderedJson& traces);

/// For a not-eligible outcome: the failing conditions in words, with hints for thresholds.
OrderedJson would_change_json(const Evaluation& evaluation, const PackEvaluation& pack, const Outcome& outcome);

OrderedJson fact_ref_json(const Household& household, const FactRef& ref);

}  // namespace carecheck
