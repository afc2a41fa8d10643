// Amounts as numbers: what a program pays, in the document's own unit, and per year.
#pragma once

#include <functional>
#include <optional>

#include "carecheck/evaluation.h"

namespace carecheck {

/// `when` evaluates a by_case condition for the subject: true, false or unknown (nullopt).
/// While it is unknown which case applies, the result has no `amount`, and `alternatives`
/// holds what each case (and `otherwise`) would give.
AmountResult compute_amount(const Amount& amount, const Household& household,
                            const std::function<std::optional<bool>(const Condition&)>& when);

}  // namespace carecheck
