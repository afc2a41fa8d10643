// Amounts: what a program pays, in the document's own unit, and per year where one follows.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "household.h"
#include "model.h"

namespace carecheck {

/// An amount worked out for one household. `bound` tells how to read `yearly`:
/// "exact", "at_least" (a floor), "up_to" (a cap), or "unknown" (set locally / not yet known).
struct AmountResult {
    bool present = false;
    const Amount* amount = nullptr;   // the case that applied (by_case resolved), null if unresolved
    std::optional<double> value;      // in the document's unit (formula: once the parameter is known)
    std::optional<double> yearly;
    std::string bound = "unknown";
    int people = 0;                   // per-person amount counted for this many people (0: not counted)
    // Who is paid and how firm the figure is: the case that applied, else the declared amount.
    std::string paid_to;
    bool suggested = false;
    bool adjustable = false;
    Text text;                        // e.g. "1500 元/户/年" / "1,500 yuan per household per year"
};

/// `when` evaluates a by_case condition for the subject: true, false or unknown (nullopt).
AmountResult compute_amount(const Amount& amount, const Pack& pack, const Household& household,
                            const std::function<std::optional<bool>(const Condition&)>& when);

}  // namespace carecheck
