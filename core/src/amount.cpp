#include "amount.h"

namespace carecheck {

namespace {

struct UnitWords {
    std::string zh, en;
};

UnitWords unit_words(const std::string& per, const std::string& period) {
    const bool household = per == "household";
    const std::string zh_per = household ? "户" : "人";
    const std::string en_per = household ? "household" : "person";
    const std::string zh_period = period == "year" ? "年" : period == "month" ? "月" : "天";
    return {"元/" + zh_per + "/" + zh_period, "yuan per " + en_per + " per " + period};
}

double periods_per_year(const std::string& period) {
    return period == "year" ? 1 : period == "month" ? 12 : 365;
}

void add_yearly(AmountResult& result) {
    if (!result.yearly) return;
    const std::string y = format_number(*result.yearly);
    if (result.bound == "at_least") {
        result.text.zh += "（一年不低于 " + y + " 元）";
        result.text.en += " (at least " + y + " yuan a year)";
    } else if (result.bound == "up_to") {
        result.text.zh += "（一年最多 " + y + " 元）";
        result.text.en += " (up to " + y + " yuan a year)";
    } else if (result.amount && result.amount->period != "year") {
        result.text.zh += "（一年 " + y + " 元）";
        result.text.en += " (" + y + " yuan a year)";
    }
}

AmountResult compute_plain(const Amount& amount, const Pack& pack, const Household& household) {
    AmountResult result;
    result.present = true;
    result.amount = &amount;
    const UnitWords unit = unit_words(amount.per, amount.period);
    const std::string v = format_number(amount.value);
    switch (amount.kind) {
        case AmountKind::Fixed:
            result.value = amount.value;
            result.yearly = amount.value * periods_per_year(amount.period);
            result.bound = "exact";
            result.text = amount.suggested ? make_text("建议 " + v + " " + unit.zh, "suggested " + v + " " + unit.en)
                                           : make_text(v + " " + unit.zh, v + " " + unit.en);
            break;
        case AmountKind::Floor:
            result.value = amount.value;
            result.yearly = amount.value * periods_per_year(amount.period);
            result.bound = "at_least";
            result.text = make_text("不低于 " + v + " " + unit.zh, "at least " + v + " " + unit.en);
            break;
        case AmountKind::PerDay: {
            result.value = amount.value;
            result.bound = "up_to";
            result.text = amount.per_meal ? make_text("每餐 " + v + " 元，每天补一餐", v + " yuan a meal, one meal a day")
                                          : make_text(v + " " + unit.zh, v + " " + unit.en);
            if (amount.max_days_per_month > 0) {
                const std::string days = std::to_string(amount.max_days_per_month);
                result.yearly = amount.value * amount.max_days_per_month * 12;
                result.text.zh += "，每月最多 " + days + " 天";
                result.text.en += ", at most " + days + " days a month";
            } else {
                result.yearly = amount.value * 365;
            }
            break;
        }
        case AmountKind::Formula: {
            Text name = make_text(amount.parameter, amount.parameter);
            for (const Parameter& p : pack.parameters) {
                if (p.id == amount.parameter) name = p.name;
            }
            const std::string factor = format_number(amount.factor);
            const std::string zh_lead = amount.floor ? "不低于" : "";
            const std::string en_lead = amount.floor ? "at least " : "";
            result.text = make_text(zh_lead + name.zh + "的 " + factor + " 倍",
                                    en_lead + factor + " × " + name.en);
            auto known = household.parameters.find(amount.parameter);
            if (known != household.parameters.end()) {
                result.value = amount.factor * known->second;
                result.yearly = *result.value * periods_per_year(amount.period);
                result.bound = amount.floor ? "at_least" : "exact";
                const std::string figure = format_number(*result.value);
                result.text.zh += "，即" + zh_lead + " " + figure + " " + unit.zh;
                result.text.en += ", i.e. " + en_lead + figure + " " + unit.en;
            } else {
                result.text.zh += "（" + unit.zh + "，具体数字看当地标准）";
                result.text.en += " (" + unit.en + "; the figure depends on the local standard)";
            }
            break;
        }
        case AmountKind::Local:
            result.text = make_text("金额由当地定（" + amount.decided_by.zh + "），按" + unit.zh + "发",
                                    "amount set locally (" + amount.decided_by.en + "), " + unit.en);
            break;
        case AmountKind::None:
        case AmountKind::ByCase:
            result.present = false;
            break;
    }
    add_yearly(result);
    return result;
}

/// A per-person figure of a household program, counted for the members it names ("2 people").
void count_people(AmountResult& result, const Amount& declared, const Household& household) {
    if (declared.people_roles.empty() || !result.amount || result.amount->per != "person") return;
    int people = 0;
    for (const Member& member : household.members) {
        bool counted = false;
        for (const std::string& role : declared.people_roles) counted = counted || member.has_role(role);
        people += counted ? 1 : 0;
    }
    result.people = people;
    const std::string n = std::to_string(people);
    result.text.zh += "；按家里 " + n + " 个人算";
    result.text.en += "; counted for " + n + (people == 1 ? " person" : " people");
    if (result.yearly) {
        result.yearly = *result.yearly * people;
        const std::string y = format_number(*result.yearly);
        result.text.zh += "，一年共 " + y + " 元";
        result.text.en += ", " + y + " yuan a year in all";
    }
}

/// Who is paid and how firm the figure is; a by_case case may say it for itself. "可据实调整"
/// (the locality may change the figure) is said in the text too.
void resolve_payee(AmountResult& result, const Amount& declared) {
    const Amount* used = result.amount;
    result.paid_to = used && !used->paid_to.empty() ? used->paid_to : declared.paid_to;
    result.suggested = declared.suggested || (used && used->suggested);
    result.adjustable = declared.adjustable || (used && used->adjustable);
    if (!result.adjustable || !result.present) return;
    result.text.zh += "（当地可以按实际调整）";
    result.text.en += " (the locality may adjust it)";
}

AmountResult compute_resolved(const Amount& amount, const Pack& pack, const Household& household,
                              const std::function<std::optional<bool>(const Condition&)>& when) {
    if (amount.kind != AmountKind::ByCase) return compute_plain(amount, pack, household);
    for (const Amount::Case& c : amount.cases) {
        const std::optional<bool> applies = when(*c.when);
        if (!applies) {
            // Which case applies is not known yet: say so, listing what it can be.
            AmountResult result;
            result.present = true;
            result.text = make_text("要看具体情况：", "depends on your answers: ");
            const char* sep = "";
            for (const Amount::Case& option : amount.cases) {
                const AmountResult one = compute_plain(*option.amount, pack, household);
                result.text.zh += std::string(*sep ? "；" : "") + one.text.zh;
                result.text.en += std::string(*sep ? "; " : "") + one.text.en;
                sep = ";";
            }
            if (amount.otherwise) {
                const AmountResult other = compute_plain(*amount.otherwise, pack, household);
                result.text.zh += "；" + other.text.zh;
                result.text.en += "; " + other.text.en;
            }
            return result;
        }
        if (*applies) return compute_plain(*c.amount, pack, household);
    }
    if (amount.otherwise) return compute_plain(*amount.otherwise, pack, household);
    return AmountResult{};
}

}  // namespace

AmountResult compute_amount(const Amount& amount, const Pack& pack, const Household& household,
                            const std::function<std::optional<bool>(const Condition&)>& when) {
    AmountResult result = compute_resolved(amount, pack, household, when);
    count_people(result, amount, household);
    resolve_payee(result, amount);
    return result;
}

}  // namespace carecheck
