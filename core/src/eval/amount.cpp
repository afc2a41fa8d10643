#include "eval/amount.h"

namespace carecheck {

namespace {

double periods_per_year(const std::string& period) { return period == "year" ? 1 : period == "month" ? 12 : 365; }

AmountResult compute_plain(const Amount& amount, const Household& household) {
    AmountResult result;
    result.present = true;
    result.amount = &amount;
    switch (amount.kind) {
        case AmountKind::Fixed:
            result.value = amount.value;
            result.yearly = amount.value * periods_per_year(amount.period);
            result.bound = Bound::Exact;
            break;
        case AmountKind::Floor:
            result.value = amount.value;
            result.yearly = amount.value * periods_per_year(amount.period);
            result.bound = Bound::AtLeast;
            break;
        case AmountKind::PerDay:
            result.value = amount.value;
            result.bound = Bound::UpTo;
            result.yearly = amount.max_days_per_month > 0 ? amount.value * amount.max_days_per_month * 12
                                                          : amount.value * 365;
            break;
        case AmountKind::Formula: {
            auto known = household.parameters.find(amount.parameter);
            if (known != household.parameters.end()) {
                result.value = amount.factor * known->second;
                result.yearly = *result.value * periods_per_year(amount.period);
                result.bound = amount.floor ? Bound::AtLeast : Bound::Exact;
            }
            break;
        }
        case AmountKind::Local: break;
        case AmountKind::None:
        case AmountKind::ByCase: result.present = false; break;
    }
    result.yearly_each = result.yearly;
    return result;
}

AmountResult compute_resolved(const Amount& amount, const Household& household, CaseTest& when) {
    if (amount.kind != AmountKind::ByCase) return compute_plain(amount, household);
    for (const Amount::Case& c : amount.cases) {
        const std::optional<bool> applies = when(*c.when);
        if (!applies) {
            // Which case applies is not known yet: keep what each can be.
            AmountResult result;
            result.present = true;
            for (const Amount::Case& option : amount.cases) result.alternatives.push_back(compute_plain(*option.amount, household));
            if (amount.otherwise) result.alternatives.push_back(compute_plain(*amount.otherwise, household));
            return result;
        }
        if (*applies) return compute_plain(*c.amount, household);
    }
    if (amount.otherwise) return compute_plain(*amount.otherwise, household);
    return AmountResult{};
}

}  // namespace

AmountResult compute_amount(const Amount& amount, const Household& household, CaseTest& when) {
    AmountResult result = compute_resolved(amount, household, when);
    // A per-person figure of a household program, counted for the members it names.
    if (amount.people_mask && result.amount && result.amount->per == "person") {
        int people = 0;
        for (const Member& member : household.members) people += (member.roles & amount.people_mask) ? 1 : 0;
        result.people_counted = true;
        result.people = people;
        if (result.yearly) result.yearly = *result.yearly * people;
    }
    const Amount* used = result.amount;
    result.paid_to = used && !used->paid_to.empty() ? &used->paid_to : &amount.paid_to;
    result.suggested = amount.suggested || (used && used->suggested);
    result.adjustable = amount.adjustable || (used && used->adjustable);
    return result;
}

AmountResult amount_without_answers(const Program& program) {
    if (!program.amount) return AmountResult{};
    struct Unknown final : CaseTest {
        std::optional<bool> operator()(const Condition&) override { return std::nullopt; }
    } unknown;
    const Household nobody;
    return compute_amount(*program.amount, nobody, unknown);
}

}  // namespace carecheck
