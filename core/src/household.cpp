#include "carecheck/household.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "household_fast.h"
#include "input_limits.h"
#include "carecheck/json_read.h"

namespace carecheck {

namespace {

size_t option_index(const Fact& fact, const std::string& id) {
    for (size_t i = 0; i < fact.options.size(); ++i) {
        if (fact.options[i].id == id) return i;
    }
    return 0;
}

/// A checked answer in its slot's scale (see Value).
Value to_value(const Fact& fact, const Json& answer) {
    Value v;
    if (answer.is_null()) {
        v.state = Answer::NotSure;
        return v;
    }
    v.state = Answer::Known;
    switch (fact.type) {
        case FactType::Bool: v.number = answer.get<bool>() ? 1 : 0; break;
        case FactType::Number:
            v.number = answer.get<double>();
            if (answer.is_number_unsigned()) {
                v.written = Value::Written::Unsigned;
                v.whole = answer.get<std::uint64_t>();
            } else if (answer.is_number_integer()) {
                v.written = Value::Written::Signed;
                v.whole = static_cast<std::uint64_t>(answer.get<std::int64_t>());
            }
            break;
        case FactType::Date: v.number = day_number(*parse_date(answer.get<std::string>())); break;
        case FactType::OneOf: v.number = static_cast<double>(option_index(fact, answer.get<std::string>())); break;
        case FactType::Region: v.number = std::stod(answer.get<std::string>()); break;
        case FactType::ManyOf:
            for (const Json& item : answer) {
                const size_t bit = option_index(fact, item.get<std::string>());
                v.options |= std::uint64_t{1} << bit;
                v.order.push_back(static_cast<char>(bit));
            }
            break;
    }
    return v;
}

/// Checks one answer against its fact; null ("not sure") is always accepted.
void check_answer(const Fact& fact, const Json& value, const std::string& parent, const std::string& key,
                  IssueList& issues) {
    if (value.is_null()) return;
    // The pointer is built only for a problem: a good answer costs no string.
    const auto path = [&] { return pointer_join(parent, key); };
    auto wrong = [&](const std::string& expected) {
        issues.add("wrong_answer_type", path(),
                   "\"" + fact.id + "\" expects " + expected + ", got " + type_name(value) + " " + quote_value(value));
    };
    switch (fact.type) {
        case FactType::Bool:
            if (!value.is_boolean()) wrong("true or false");
            return;
        case FactType::Number: {
            if (!value.is_number()) return wrong("a number");
            const double number = value.get<double>();
            if (!std::isfinite(number)) return wrong("a finite number");
            if (fact.integer && number != std::floor(number)) return wrong("a whole number");
            if ((fact.min && number < *fact.min) || (fact.max && number > *fact.max)) {
                issues.add("out_of_range", path(),
                           "\"" + fact.id + "\" must be between " + format_number(fact.min.value_or(-1e18)) + " and " +
                               format_number(fact.max.value_or(1e18)) + ", got " + quote_value(value));
            }
            return;
        }
        case FactType::OneOf:
            if (!value.is_string()) return wrong("one of its option ids");
            if (!fact.option(value.get<std::string>())) {
                issues.add("unknown_option", path(), "\"" + fact.id + "\" has no option " + quote_value(value));
            }
            return;
        case FactType::ManyOf: {
            if (!value.is_array()) return wrong("an array of option ids");
            std::set<std::string> seen;
            for (size_t i = 0; i < value.size(); ++i) {
                const std::string at = pointer_join(path(), i);
                if (!value[i].is_string() || !fact.option(value[i].get<std::string>())) {
                    issues.add("unknown_option", at, "\"" + fact.id + "\" has no option " + quote_value(value[i]));
                } else if (!seen.insert(value[i].get<std::string>()).second) {
                    issues.add("duplicate_option", at, quote_value(value[i]) + " is listed twice");
                }
            }
            return;
        }
        case FactType::Date:
            if (!value.is_string() || !has_date_form(value.get<std::string>()))
                return wrong("a date \"YYYY-MM-DD\"");
            // Written right but no such date (1950-02-30, a month 13, a year 0195): said so, as
            // for "as_of", not "expects a date".
            if (!parse_date(value.get<std::string>())) {
                issues.add("bad_date", path(),
                           "\"" + fact.id + "\" must be a real date (years 1800–2200), got " + quote_value(value));
            }
            return;
        case FactType::Region:
            if (!value.is_string() || !is_region_code(value.get<std::string>())) {
                wrong("a six-digit GB/T 2260 region code such as \"130722\"");
            }
            return;
    }
}

void read_answers(const Json& answers, const std::string& path, FactAbout about, const Ruleset& ruleset,
                  std::vector<Value>& out, IssueList& issues) {
    if (!answers.is_object()) {
        issues.add("wrong_type", path, "\"facts\" must be an object of fact id → answer");
        return;
    }
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const Fact* fact = ruleset.find_fact(it.key());
        if (!fact) {
            issues.add("unknown_fact", pointer_join(path, it.key()), "no question \"" + it.key() + "\" in the loaded rules");
            continue;
        }
        if (fact->about != about) {
            issues.add("wrong_subject", pointer_join(path, it.key()),
                       "\"" + it.key() + "\" is about " +
                           (fact->about == FactAbout::Member ? "a member: put it in members[].facts"
                                                             : "the household: put it in the top-level facts"));
            continue;
        }
        const size_t before = issues.size();
        check_answer(*fact, it.value(), path, it.key(), issues);
        if (issues.size() == before) out[fact->slot] = to_value(*fact, it.value());
    }
}

/// Derived facts (age from a birth date), computed once. An answered value wins; an unanswered
/// one must land inside its own range: a birth date after "as_of" is a mistake, not an age of -4.
void derive(const Ruleset& ruleset, FactAbout about, std::vector<Value>& answers, const Date& as_of,
            const std::string& path, IssueList& issues) {
    for (const auto& fact : ruleset.facts) {
        if (fact->derive_years_since.empty() || fact->about != about) continue;
        Value& value = answers[fact->slot];
        const Fact* source_fact = ruleset.find_fact(fact->derive_years_since);
        const Value& source = answers[source_fact->slot];
        if (value.known() || !source.known()) continue;
        const int years = years_between(date_from_day_number(static_cast<int>(source.number)), as_of);
        const bool unanswered = value.state == Answer::Absent;
        value.state = Answer::Known;
        value.written = Value::Written::Signed;
        value.whole = static_cast<std::uint64_t>(static_cast<std::int64_t>(years));
        value.number = years;
        if (unanswered && ((fact->min && years < *fact->min) || (fact->max && years > *fact->max))) {
            const std::string date =
                    format_date(date_from_day_number(static_cast<int>(source.number)));
            // A date after the day checked is the usual slip (a year mistyped): said as such.
            const std::string why =
                    years < 0 ? " is after " + format_date(as_of) +
                                        ", the day checked: a birth date cannot be later"
                              : " gives " + fact->id + " " + std::to_string(years) + " on " +
                                        format_date(as_of) + ", outside " +
                                        format_number(fact->min.value_or(0)) + "–" +
                                        format_number(fact->max.value_or(0));
            issues.add("out_of_range", pointer_join(path, fact->derive_years_since),
                       "\"" + fact->derive_years_since + "\" " + date + why);
        }
    }
}

}  // namespace

std::optional<Household> read_household(const Json& json, const Ruleset& ruleset, const std::string& today,
                                        IssueList& issues) {
    if (!json.is_object()) {
        issues.add("wrong_type", "", "a household must be a JSON object, not " + type_name(json));
        return std::nullopt;
    }
    check_keys(json, "", {"as_of", "lang", "facts", "members", "parameters"}, issues);
    Household household;
    household.facts.resize(ruleset.household_slots);
    const std::string as_of = json.contains("as_of") && json.at("as_of").is_string()
                                  ? json.at("as_of").get<std::string>()
                                  : (json.contains("as_of") ? std::string("?") : today);
    if (as_of.empty()) {
        issues.add("missing_field", "/as_of", "\"as_of\" (YYYY-MM-DD) is required");
    } else if (auto date = parse_date(as_of)) {
        household.as_of = *date;
    } else {
        issues.add("bad_date", "/as_of", "\"as_of\" must be a real date \"YYYY-MM-DD\"");
    }
    if (json.contains("facts")) read_answers(json.at("facts"), "/facts", FactAbout::Household, ruleset, household.facts, issues);
    if (json.contains("members")) {
        const Json& members = json.at("members");
        if (!members.is_array()) {
            issues.add("wrong_type", "/members", "\"members\" must be an array");
        } else if (members.size() > kMaxMembers) {
            issues.add("too_many_members", "/members", "at most " + std::to_string(kMaxMembers) + " members");
        } else {
            std::set<std::string> ids;
            for (size_t i = 0; i < members.size(); ++i) {
                const std::string at = pointer_join("/members", i);
                const Json& m = members[i];
                if (!m.is_object()) {
                    issues.add("wrong_type", at, "a member must be an object {id, roles, facts}");
                    continue;
                }
                check_keys(m, at, {"id", "roles", "facts", "name"}, issues);
                Member member;
                member.facts.resize(ruleset.member_slots);
                member.id = m.contains("id") && m.at("id").is_string() ? m.at("id").get<std::string>() : "";
                if (member.id.empty()) {
                    issues.add("missing_field", at + "/id", "each member needs a non-empty \"id\"");
                } else if (member.id.size() > kMaxMemberIdBytes) {
                    // The id is repeated in every result line of the member: keep the output small.
                    issues.add("too_long", at + "/id", "a member id has at most " + std::to_string(kMaxMemberIdBytes) +
                                                           " bytes: " + quote_value(member.id));
                } else if (!ids.insert(member.id).second) {
                    issues.add("duplicate_id", at + "/id", "two members have id " + quote_value(Json(member.id)));
                }
                if (m.contains("roles")) {
                    const Json& roles = m.at("roles");
                    for (size_t r = 0; roles.is_array() && r < roles.size(); ++r) {
                        if (!roles[r].is_string() || !ruleset.has_role(roles[r].get<std::string>())) {
                            issues.add("unknown_role", pointer_join(at + "/roles", r), "no role " + quote_value(roles[r]));
                        } else {
                            member.roles |= std::uint64_t{1} << ruleset.role_index(roles[r].get<std::string>());
                        }
                    }
                    if (!roles.is_array()) issues.add("wrong_type", at + "/roles", "\"roles\" must be an array of role ids");
                }
                if (m.contains("facts")) {
                    read_answers(m.at("facts"), at + "/facts", FactAbout::Member, ruleset, member.facts, issues);
                }
                household.members.push_back(std::move(member));
            }
        }
    }
    if (json.contains("parameters")) {
        const Json& params = json.at("parameters");
        for (auto it = params.begin(); params.is_object() && it != params.end(); ++it) {
            const std::string at = pointer_join("/parameters", it.key());
            bool declared = false;
            for (const Pack& pack : ruleset.packs) {
                for (const Parameter& parameter : pack.parameters) declared = declared || parameter.id == it.key();
            }
            if (!declared) {
                issues.add("unknown_parameter", at, "no pack uses a local figure called \"" + it.key() + "\"");
                continue;
            }
            if (!it.value().is_number() || !std::isfinite(it.value().get<double>()) || it.value().get<double>() < 0) {
                issues.add("wrong_answer_type", at, "a parameter is a number of at least 0");
                continue;
            }
            household.parameters[it.key()] = it.value().get<double>();
        }
        if (!params.is_object()) issues.add("wrong_type", "/parameters", "\"parameters\" must be an object");
    }
    if (!issues.empty()) return std::nullopt;
    if (!derive_facts(ruleset, household, issues)) return std::nullopt;
    return household;
}

bool derive_facts(const Ruleset& ruleset, Household& household, IssueList& issues) {
    const size_t before = issues.size();
    derive(ruleset, FactAbout::Household, household.facts, household.as_of, "/facts", issues);
    for (size_t i = 0; i < household.members.size(); ++i) {
        derive(ruleset, FactAbout::Member, household.members[i].facts, household.as_of,
               pointer_join("/members", i) + "/facts", issues);
    }
    return issues.size() == before;
}

std::optional<Household> read_household_text(const std::string& text, const Ruleset& ruleset,
                                             const std::string& today, IssueList& issues) {
    if (auto household = read_valid_household(text, ruleset, today)) return household;
    const Json json = parse_limited(text, kHouseholdLimits, issues);
    if (!issues.empty()) return std::nullopt;
    return read_household(json, ruleset, today, issues);
}

OrderedJson value_json(const Fact& fact, const Value& value) {
    if (!value.known()) return OrderedJson();
    switch (fact.type) {
        case FactType::Bool: return OrderedJson(value.number != 0);
        case FactType::Number:
            switch (value.written) {
                case Value::Written::Signed: return OrderedJson(static_cast<std::int64_t>(value.whole));
                case Value::Written::Unsigned: return OrderedJson(value.whole);
                case Value::Written::Float: break;
            }
            return OrderedJson(value.number);
        case FactType::Date: return OrderedJson(format_date(date_from_day_number(static_cast<int>(value.number))));
        case FactType::OneOf: return OrderedJson(fact.options[static_cast<size_t>(value.number)].id);
        case FactType::Region: {
            char code[16];
            std::snprintf(code, sizeof code, "%06d", static_cast<int>(value.number));
            return OrderedJson(code);
        }
        case FactType::ManyOf: {
            OrderedJson list = OrderedJson::array();
            for (char bit : value.order) list.push_back(fact.options[static_cast<unsigned char>(bit)].id);
            return list;
        }
    }
    return OrderedJson();
}

}  // namespace carecheck
