#include "render/words.h"

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

void add_yearly(Text& text, const AmountResult& result) {
    if (!result.yearly_each) return;
    const std::string y = format_number(*result.yearly_each);
    if (result.bound == Bound::AtLeast) {
        text.zh += "（一年不低于 " + y + " 元）";
        text.en += " (at least " + y + " yuan a year)";
    } else if (result.bound == Bound::UpTo) {
        text.zh += "（一年最多 " + y + " 元）";
        text.en += " (up to " + y + " yuan a year)";
    } else if (result.amount && result.amount->period != "year") {
        text.zh += "（一年 " + y + " 元）";
        text.en += " (" + y + " yuan a year)";
    }
}

/// One resolved amount (a plain kind, never by_case).
Text plain_text(const AmountResult& result, const Pack& pack) {
    const Amount& amount = *result.amount;
    const UnitWords unit = unit_words(amount.per, amount.period);
    const std::string v = format_number(amount.value);
    Text text;
    switch (amount.kind) {
        case AmountKind::Fixed:
            text = amount.suggested ? make_text("建议 " + v + " " + unit.zh, "suggested " + v + " " + unit.en)
                                    : make_text(v + " " + unit.zh, v + " " + unit.en);
            break;
        case AmountKind::Floor: text = make_text("不低于 " + v + " " + unit.zh, "at least " + v + " " + unit.en); break;
        case AmountKind::PerDay:
            text = amount.per_meal ? make_text("每餐 " + v + " 元，每天补一餐", v + " yuan a meal, one meal a day")
                                   : make_text(v + " " + unit.zh, v + " " + unit.en);
            if (amount.max_days_per_month > 0) {
                const std::string days = std::to_string(amount.max_days_per_month);
                text.zh += "，每月最多 " + days + " 天";
                text.en += ", at most " + days + " days a month";
            }
            break;
        case AmountKind::Formula: {
            Text name = make_text(amount.parameter, amount.parameter);
            for (const Parameter& p : pack.parameters) {
                if (p.id == amount.parameter) name = p.name;
            }
            const std::string factor = format_number(amount.factor);
            const std::string zh_lead = amount.floor ? "不低于" : "";
            const std::string en_lead = amount.floor ? "at least " : "";
            text = make_text(zh_lead + name.zh + "的 " + factor + " 倍", en_lead + factor + " × " + name.en);
            if (result.value) {
                const std::string figure = format_number(*result.value);
                text.zh += "，即" + zh_lead + " " + figure + " " + unit.zh;
                text.en += ", i.e. " + en_lead + figure + " " + unit.en;
            } else {
                text.zh += "（" + unit.zh + "，具体数字看当地标准）";
                text.en += " (" + unit.en + "; the figure depends on the local standard)";
            }
            break;
        }
        case AmountKind::Local:
            text = make_text("金额由当地定（" + amount.decided_by.zh + "），按" + unit.zh + "发",
                             "amount set locally (" + amount.decided_by.en + "), " + unit.en);
            break;
        case AmountKind::None:
        case AmountKind::ByCase: break;
    }
    add_yearly(text, result);
    return text;
}

}  // namespace

Text status_text(Status status, bool related_policy) {
    switch (status) {
        case Status::Eligible: return make_text("符合条件，可以申请", "You qualify and can apply");
        case Status::NotEligible:
            // Not "you do not qualify": the policy has its own conditions, which this text does not
            // set.
            if (related_policy) {
                return make_text("这份文件没有把您家说在里面；这项政策有它自己的条件，可以另外去问",
                                 "This text does not include your family; the policy has its own "
                                 "conditions, which you may ask about");
            }
            return make_text("不符合条件", "You do not qualify");
        case Status::NeedsAnswers: return make_text("还要再回答几个问题才能确定", "A few more answers are needed");
        case Status::DependsOnLocal:
            return make_text("要看当地怎么定，请去问一下", "Depends on a local decision: ask the office named below");
        case Status::WorthAsking:
            return make_text("可以去问问：文件说这项政策继续落实，但没有说您家一定能享受",
                             "Worth asking about: the text says this policy continues, but does not promise it to you");
    }
    return {};
}

Text amount_words(const AmountResult& result, const Pack& pack) {
    Text text;
    if (result.amount) {
        text = plain_text(result, pack);
    } else if (result.present) {
        // Which case applies is not known yet: say so, listing what it can be.
        text = make_text("要看具体情况：", "depends on your answers: ");
        for (size_t i = 0; i < result.alternatives.size(); ++i) {
            const Text one = plain_text(result.alternatives[i], pack);
            text.zh += (i ? "；" : "") + one.zh;
            text.en += (i ? "; " : "") + one.en;
        }
    }
    if (result.people_counted) {
        const std::string n = std::to_string(result.people);
        text.zh += "；按家里 " + n + " 个人算";
        text.en += "; counted for " + n + (result.people == 1 ? " person" : " people");
        if (result.yearly) {
            const std::string y = format_number(*result.yearly);
            text.zh += "，一年共 " + y + " 元";
            text.en += ", " + y + " yuan a year in all";
        }
    }
    if (result.adjustable && result.present) {
        text.zh += "（当地可以按实际调整）";
        text.en += " (the locality may adjust it)";
    }
    return text;
}

}  // namespace carecheck
