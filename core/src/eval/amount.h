// Amounts as numbers: what a program pays, in the document's own unit, and per year.
#pragma once

#include <optional>

#include "carecheck/evaluation.h"

namespace carecheck {

/// Evaluates a by_case condition for the subject: true, false or unknown (nullopt).
class CaseTest {
public:
    virtual std::optional<bool> operator()(const Condition& when) = 0;

protected:
    ~CaseTest() = default;
};

/// While it is unknown which case applies, the result has no `amount`, and `alternatives`
/// holds what each case (and `otherwise`) would give.
AmountResult compute_amount(const Amount& amount, const Household& household, CaseTest& when);

}  // namespace carecheck
