// Reading a traced evaluation back as explanations: the "why" trace and what would have to
// change for a "no" to become a "yes".
#pragma once

#include "carecheck/evaluation.h"

namespace carecheck {

/// The explained nodes (those with a text) under `root`, top first, with the facts each read.
/// `failed_only`: for a "no", only the conditions that failed (what passed is not the reason).
/// Each trace is written as a JSON object, after a comma when `first` is false (it is then set).
void write_trace(const Evaluation& evaluation, const PackEvaluation& pack, const Condition& root, int member,
                 bool failed_only, std::string& out, bool& first);

/// For a not-eligible outcome: the failing conditions in words, with hints for thresholds, as
/// a JSON array.
void write_would_change(const Evaluation& evaluation, const PackEvaluation& pack, const Outcome& outcome,
                        std::string& out);

OrderedJson fact_ref_json(const Household& household, const FactRef& ref);

}  // namespace carecheck
