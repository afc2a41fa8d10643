#include "condition_compiler.h"

#include <functional>
#include <set>

#include "carecheck/dates.h"
#include "input_limits.h"
#include "carecheck/json_read.h"

namespace carecheck {

namespace {

constexpr int kMaxDepth = 64;

const char* const kCmpKeys[] = {"eq", "ne", "lt", "le", "gt", "ge"};
const Cmp kCmps[] = {Cmp::Eq, Cmp::Ne, Cmp::Lt, Cmp::Le, Cmp::Gt, Cmp::Ge};

bool is_ordering(Cmp cmp) { return cmp != Cmp::Eq && cmp != Cmp::Ne; }

}  // namespace

std::string region_prefix(const std::string& code) {
    std::string prefix = code;
    while (prefix.size() > 2 && prefix.compare(prefix.size() - 2, 2, "00") == 0) {
        prefix.resize(prefix.size() - 2);
    }
    return prefix;
}

namespace {

size_t option_index(const Fact& fact, const std::string& id) {
    for (size_t i = 0; i < fact.options.size(); ++i) {
        if (fact.options[i].id == id) return i;
    }
    return 0;  // not reached: the caller checked the option exists
}

/// A comparison operand in the scale answers are kept in (see Value in household.h).
double operand_number(const Fact& fact, const Json& operand) {
    switch (fact.type) {
        case FactType::Number: return operand.get<double>();
        case FactType::Bool: return operand.get<bool>() ? 1 : 0;
        case FactType::Date: return day_number(*parse_date(operand.get<std::string>()));
        case FactType::OneOf: return static_cast<double>(option_index(fact, operand.get<std::string>()));
        case FactType::Region: return std::stod(operand.get<std::string>());
        case FactType::ManyOf: return 0;
    }
    return 0;
}

}  // namespace

ConditionCompiler::ConditionCompiler(const Ruleset& ruleset, Pack& pack, IssueList& issues)
    : ruleset_(ruleset), pack_(pack), issues_(issues) {}

std::unique_ptr<Condition> ConditionCompiler::compile(const Json& json, const std::string& path,
                                                      bool member_context, bool require_text) {
    auto result = node(json, path, member_context, 0);
    if (result && require_text) {
        if (!result->text) {
            issues_.add("missing_text", pointer_join(path, "text"),
                        "this condition must say in plain words what it requires (\"text\": {\"zh\", \"en\"})");
        }
        if (result->cite.empty() && !(json.is_object() && json.contains("cite"))) {
            issues_.add("missing_citation", pointer_join(path, "cite"),
                        "this condition must cite the clause it comes from");
        }
    }
    return result;
}

bool ConditionCompiler::read_cmp(const Json& json, const std::string& path, Cmp& cmp, Json& operand) {
    int found = 0;
    for (size_t i = 0; i < 6; ++i) {
        if (json.contains(kCmpKeys[i])) {
            cmp = kCmps[i];
            operand = json.at(kCmpKeys[i]);
            ++found;
        }
    }
    if (found != 1) {
        issues_.add("bad_comparison", path, "needs exactly one of eq, ne, lt, le, gt, ge");
        return false;
    }
    return true;
}

std::unique_ptr<Condition> ConditionCompiler::node(const Json& json, const std::string& path,
                                                   bool member_context, int depth) {
    if (depth > kMaxDepth) {
        issues_.add("too_deep", path, "conditions nest deeper than " + std::to_string(kMaxDepth) + " levels");
        return nullptr;
    }
    if (!json.is_object()) {
        issues_.add("wrong_type", path, "a condition must be an object, not " + type_name(json));
        return nullptr;
    }
    auto out = std::make_unique<Condition>();
    out->path = path;
    if (json.contains("text")) out->text = read_text(json, "text", path, issues_, true);
    if (json.contains("cite")) out->cite = read_cite(json, "cite", path, issues_, true);
    if (out->text && !json.contains("cite")) {
        issues_.add("missing_citation", pointer_join(path, "cite"),
                    "a condition with a text must cite the clause it comes from");
    }

    static const char* const kOperators[] = {"all", "any", "not", "fact", "answered", "some", "every",
                                             "none", "count", "has_role", "ref", "program"};
    std::string op;
    int operators = 0;
    for (const char* key : kOperators) {
        if (json.contains(key)) {
            op = key;
            ++operators;
        }
    }
    if (operators != 1) {
        issues_.add(operators == 0 ? "no_operator" : "several_operators", path,
                    "a condition needs exactly one of: all, any, not, fact, answered, some, every, none, "
                    "count, has_role, ref, program");
        return nullptr;
    }

    if (op == "all" || op == "any") {
        check_keys(json, path, {"all", "any", "text", "cite"}, issues_);
        out->op = op == "all" ? Op::All : Op::Any;
        const Json& list = json.at(op);
        const std::string at = pointer_join(path, op);
        if (!list.is_array() || list.empty()) {
            issues_.add("wrong_type", at, "\"" + op + "\" needs a non-empty array of conditions");
            return nullptr;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            auto child = node(list[i], pointer_join(at, i), member_context, depth + 1);
            if (!child) return nullptr;
            out->children.push_back(std::move(child));
        }
    } else if (op == "not") {
        check_keys(json, path, {"not", "text", "cite"}, issues_);
        out->op = Op::Not;
        auto child = node(json.at("not"), pointer_join(path, "not"), member_context, depth + 1);
        if (!child) return nullptr;
        out->children.push_back(std::move(child));
    } else if (op == "fact") {
        compile_fact_test(json, path, member_context, *out);
        if (!out->fact) return nullptr;
    } else if (op == "answered") {
        check_keys(json, path, {"answered", "text", "cite"}, issues_);
        out->op = Op::Answered;
        const Json& id = json.at("answered");
        out->fact = id.is_string() ? ruleset_.find_fact(id.get<std::string>()) : nullptr;
        if (!out->fact) {
            issues_.add("unknown_fact", pointer_join(path, "answered"),
                        "no fact with id " + quote_value(id) + " in the catalogue or this pack");
            return nullptr;
        }
        if (out->fact->about == FactAbout::Member && !member_context) {
            issues_.add("member_fact_outside_member", pointer_join(path, "answered"),
                        "\"" + out->fact->id + "\" is about a member: read it inside some/every/none/count "
                        "or in a for_each program");
        }
    } else if (op == "some" || op == "every" || op == "none" || op == "count") {
        compile_quantifier(json, op, path, member_context, depth, *out);
        if (out->children.empty()) return nullptr;
    } else if (op == "has_role") {
        check_keys(json, path, {"has_role", "text", "cite"}, issues_);
        out->op = Op::HasRole;
        const Json& role = json.at("has_role");
        if (!role.is_string() || !ruleset_.has_role(role.get<std::string>())) {
            issues_.add("unknown_role", pointer_join(path, "has_role"), "no role " + quote_value(role) + " in the catalogue");
            return nullptr;
        }
        out->role = role.get<std::string>();
        out->role_index = ruleset_.role_index(out->role);
        if (!member_context) {
            issues_.add("role_outside_member", path, "has_role needs a member in context (quantifier or for_each)");
        }
    } else if (op == "ref") {
        check_keys(json, path, {"ref", "text", "cite"}, issues_);
        out->op = Op::Ref;
        const Json& id = json.at("ref");
        for (size_t i = 0; i < pack_.named.size(); ++i) {
            if (id.is_string() && pack_.named[i].id == id.get<std::string>()) out->target = static_cast<int>(i);
        }
        if (out->target < 0) {
            issues_.add("unknown_condition", pointer_join(path, "ref"), "no named condition " + quote_value(id) + " in this pack");
            return nullptr;
        }
        refs_.push_back(PendingRef{out.get(), member_context, owner_});
    } else {  // program
        check_keys(json, path, {"program", "is", "text", "cite"}, issues_);
        out->op = Op::Program;
        const Json& id = json.at("program");
        auto found = id.is_string() ? pack_.program_index.find(id.get<std::string>()) : pack_.program_index.end();
        if (found == pack_.program_index.end()) {
            issues_.add("unknown_program", pointer_join(path, "program"), "no program " + quote_value(id) + " in this pack");
            return nullptr;
        }
        out->target = static_cast<int>(found->second);
        Json is = json.contains("is") ? json.at("is") : Json("eligible");
        if (is.is_string()) is = Json::array({is});
        if (!is.is_array() || is.empty()) {
            issues_.add("wrong_type", pointer_join(path, "is"), "\"is\" must be a status or an array of statuses");
            return nullptr;
        }
        for (size_t i = 0; i < is.size(); ++i) {
            auto status = is[i].is_string() ? parse_status(is[i].get<std::string>()) : std::nullopt;
            if (!status) {
                issues_.add("unknown_status", pointer_join(pointer_join(path, "is"), i),
                            "status must be eligible, not_eligible, needs_answers, depends_on_local_decision or worth_asking");
                return nullptr;
            }
            out->statuses.push_back(*status);
        }
        refs_.push_back(PendingRef{out.get(), member_context, owner_});
    }
    out->id = static_cast<int>(pack_.nodes.size());
    pack_.nodes.push_back(out.get());
    return out;
}

void ConditionCompiler::compile_fact_test(const Json& json, const std::string& path, bool member_context,
                                          Condition& out) {
    const Json& id = json.at("fact");
    const Fact* fact = id.is_string() ? ruleset_.find_fact(id.get<std::string>()) : nullptr;
    if (!fact) {
        issues_.add("unknown_fact", pointer_join(path, "fact"),
                    "no fact with id " + quote_value(id) + " in the catalogue or this pack");
        return;
    }
    if (fact->about == FactAbout::Member && !member_context) {
        issues_.add("member_fact_outside_member", pointer_join(path, "fact"),
                    "\"" + fact->id + "\" is about a member: read it inside some/every/none/count or in a "
                    "for_each program");
    }
    static const char* const kTests[] = {"eq", "ne", "lt", "le", "gt", "ge", "in",
                                         "has_any", "has_all", "has_none", "in_region"};
    std::string test;
    int tests = 0;
    for (const char* key : kTests) {
        if (json.contains(key)) {
            test = key;
            ++tests;
        }
    }
    if (tests != 1) {
        issues_.add("bad_comparison", path,
                    "a fact test needs exactly one of eq, ne, lt, le, gt, ge, in, has_any, has_all, has_none, "
                    "in_region");
        return;
    }
    check_keys(json, path, {"fact", test.c_str(), "text", "cite"}, issues_);
    const std::string at = pointer_join(path, test);
    const Json& operand = json.at(test);
    auto mismatch = [&](const std::string& why) {
        issues_.add("operator_type_mismatch", at, "fact \"" + fact->id + "\": " + why);
    };
    auto read_ids = [&](bool regions) -> bool {
        if (!operand.is_array() || operand.empty()) {
            mismatch("\"" + test + "\" needs a non-empty array");
            return false;
        }
        for (size_t i = 0; i < operand.size(); ++i) {
            const Json& item = operand[i];
            const std::string item_at = pointer_join(at, i);
            if (!item.is_string()) {
                issues_.add("wrong_type", item_at, "expected a string, not " + type_name(item));
                return false;
            }
            const std::string value = item.get<std::string>();
            if (regions && !is_region_code(value)) {
                issues_.add("bad_region", item_at, "\"" + value + "\" is not a six-digit GB/T 2260 code");
                return false;
            }
            if (!regions && !fact->option(value)) {
                issues_.add("unknown_option", item_at, "fact \"" + fact->id + "\" has no option \"" + value + "\"");
                return false;
            }
            if (regions) {
                const std::string prefix = region_prefix(value);
                int divisor = 1;
                for (size_t d = prefix.size(); d < 6; ++d) divisor *= 10;
                out.regions.push_back(RegionPrefix{std::stoi(prefix), divisor});
                out.set.push_back(prefix);
            } else {
                const size_t bit = option_index(*fact, value);
                if (bit < kMaxOptions) out.options |= std::uint64_t{1} << bit;
                out.set.push_back(value);
            }
        }
        return true;
    };

    if (test == "in") {
        if (fact->type != FactType::OneOf) return mismatch("\"in\" works on one-of facts");
        out.op = Op::In;
        if (!read_ids(false)) return;
    } else if (test == "has_any" || test == "has_all" || test == "has_none") {
        if (fact->type != FactType::ManyOf) return mismatch("\"" + test + "\" works on many-of facts");
        out.op = test == "has_any" ? Op::HasAny : test == "has_all" ? Op::HasAll : Op::HasNone;
        if (!read_ids(false)) return;
    } else if (test == "in_region") {
        if (fact->type != FactType::Region) return mismatch("\"in_region\" works on region facts");
        out.op = Op::InRegion;
        if (!read_ids(true)) return;
    } else {
        out.op = Op::Compare;
        for (size_t i = 0; i < 6; ++i) {
            if (test == kCmpKeys[i]) out.cmp = kCmps[i];
        }
        switch (fact->type) {
            case FactType::Number:
                if (!operand.is_number()) return mismatch("compare with a number, not " + type_name(operand));
                break;
            case FactType::Date:
                if (!operand.is_string() || !parse_date(operand.get<std::string>()))
                    return mismatch("compare with a date \"YYYY-MM-DD\"");
                break;
            case FactType::Bool:
                if (is_ordering(out.cmp) || !operand.is_boolean()) return mismatch("use eq/ne with true or false");
                break;
            case FactType::OneOf:
                if (is_ordering(out.cmp) || !operand.is_string() || !fact->option(operand.get<std::string>()))
                    return mismatch("use eq/ne with one of its option ids");
                break;
            case FactType::Region:
                if (is_ordering(out.cmp) || !operand.is_string() || !is_region_code(operand.get<std::string>()))
                    return mismatch("use eq/ne with a six-digit code, or in_region");
                break;
            case FactType::ManyOf:
                return mismatch("use has_any, has_all or has_none on many-of facts");
        }
        out.number = operand_number(*fact, operand);
    }
    out.fact = fact;
}

void ConditionCompiler::compile_quantifier(const Json& json, const std::string& key, const std::string& path,
                                           bool /*member_context*/, int depth, Condition& out) {
    out.op = key == "some" ? Op::Some : key == "every" ? Op::Every : key == "none" ? Op::None : Op::Count;
    if (out.op == Op::Count) {
        check_keys(json, path, {"count", "eq", "ne", "lt", "le", "gt", "ge", "text", "cite"}, issues_);
        Json bound;
        if (!read_cmp(json, path, out.cmp, bound)) return;
        if (!bound.is_number_integer() && !bound.is_number_unsigned()) {
            issues_.add("wrong_type", path, "a count is compared with a whole number");
            return;
        }
        out.number = bound.get<double>();
    } else {
        check_keys(json, path, {key.c_str(), "text", "cite"}, issues_);
    }
    const std::string at = pointer_join(path, key);
    const Json& body = json.at(key);
    if (!body.is_object() || !body.contains("where")) {
        issues_.add("wrong_type", at, "\"" + key + "\" needs {\"role\": optional, \"where\": condition}");
        return;
    }
    check_keys(body, at, {"role", "where"}, issues_);
    if (body.contains("role")) {
        const Json& role = body.at("role");
        if (!role.is_string() || !ruleset_.has_role(role.get<std::string>())) {
            issues_.add("unknown_role", pointer_join(at, "role"), "no role " + quote_value(role) + " in the catalogue");
            return;
        }
        out.role = role.get<std::string>();
        out.role_index = ruleset_.role_index(out.role);
    }
    auto where = node(body.at("where"), pointer_join(at, "where"), true, depth + 1);
    if (where) out.children.push_back(std::move(where));
}

std::unique_ptr<Amount> ConditionCompiler::compile_amount(const Json& json, const std::string& path,
                                                          bool member_context) {
    if (!json.is_object()) {
        issues_.add("wrong_type", path, "an amount must be an object");
        return nullptr;
    }
    auto amount = std::make_unique<Amount>();
    const auto kind = read_string(json, "kind", path, issues_, true);
    if (!kind) return nullptr;
    auto number = [&](const char* key, bool required) -> double {
        const std::string at = pointer_join(path, key);
        if (!json.contains(key)) {
            if (required) issues_.add("missing_field", at, std::string("\"") + key + "\" is required");
            return 0;
        }
        if (!json.at(key).is_number() || json.at(key).get<double>() < 0) {
            issues_.add("wrong_type", at, std::string("\"") + key + "\" must be a number of at least 0");
            return 0;
        }
        return json.at(key).get<double>();
    };
    auto unit = [&](bool period_needed) {
        const auto per = read_string(json, "per", path, issues_, true);
        if (per && *per != "household" && *per != "person") {
            issues_.add("bad_unit", pointer_join(path, "per"), "\"per\" is household or person");
        }
        if (per) amount->per = *per;
        if (period_needed) {
            const auto period = read_string(json, "period", path, issues_, true);
            if (period && *period != "year" && *period != "month" && *period != "day") {
                issues_.add("bad_unit", pointer_join(path, "period"), "\"period\" is year, month or day");
            }
            if (period) amount->period = *period;
        } else {
            amount->period = "day";
        }
    };
    if (json.contains("note")) amount->note = read_text(json, "note", path, issues_, true);
    read_payee(json, path, *amount);

    if (*kind == "fixed" || *kind == "floor") {
        check_keys(json, path, {"kind", "value", "per", "period", "note", "paid_to", "suggested", "adjustable", "people"}, issues_);
        amount->kind = *kind == "fixed" ? AmountKind::Fixed : AmountKind::Floor;
        amount->value = number("value", true);
        unit(true);
    } else if (*kind == "per_day") {
        check_keys(json, path, {"kind", "value", "per", "max_days_per_month", "per_meal", "note", "paid_to", "suggested", "adjustable", "people"}, issues_);
        amount->kind = AmountKind::PerDay;
        amount->value = number("value", true);
        const double days = number("max_days_per_month", false);
        if (days > 31 || days != static_cast<int>(days)) {
            issues_.add("wrong_type", pointer_join(path, "max_days_per_month"), "a whole number of days, 0 to 31");
        }
        amount->max_days_per_month = static_cast<int>(days);
        amount->per_meal = flag(json, "per_meal", path);
        unit(false);
    } else if (*kind == "formula") {
        check_keys(json, path, {"kind", "parameter", "factor", "floor", "per", "period", "note", "paid_to", "suggested", "adjustable", "people"}, issues_);
        amount->kind = AmountKind::Formula;
        const auto parameter = read_string(json, "parameter", path, issues_, true);
        bool known = false;
        for (const Parameter& p : pack_.parameters) known = known || (parameter && p.id == *parameter);
        if (parameter && !known) {
            issues_.add("unknown_parameter", pointer_join(path, "parameter"),
                        "no parameter \"" + *parameter + "\" declared in this pack");
        }
        if (parameter) amount->parameter = *parameter;
        amount->factor = number("factor", true);
        if (json.contains("floor")) {
            if (!json.at("floor").is_boolean()) {
                issues_.add("wrong_type", pointer_join(path, "floor"), "\"floor\" is true or false");
            } else {
                amount->floor = json.at("floor").get<bool>();
            }
        }
        unit(true);
    } else if (*kind == "local") {
        check_keys(json, path, {"kind", "per", "period", "decided_by", "note", "paid_to", "suggested", "adjustable", "people"}, issues_);
        amount->kind = AmountKind::Local;
        amount->decided_by = read_text(json, "decided_by", path, issues_, true);
        unit(true);
    } else if (*kind == "by_case") {
        check_keys(json, path, {"kind", "cases", "otherwise", "note", "paid_to", "suggested", "adjustable", "people"}, issues_);
        amount->kind = AmountKind::ByCase;
        const std::string at = pointer_join(path, "cases");
        if (!json.contains("cases") || !json.at("cases").is_array() || json.at("cases").empty()) {
            issues_.add("wrong_type", at, "\"cases\" needs a non-empty array of {when, amount}");
            return nullptr;
        }
        const Json& cases = json.at("cases");
        for (size_t i = 0; i < cases.size(); ++i) {
            const std::string case_at = pointer_join(at, i);
            check_keys(cases[i], case_at, {"when", "amount"}, issues_);
            if (!cases[i].is_object() || !cases[i].contains("when") || !cases[i].contains("amount")) {
                issues_.add("missing_field", case_at, "each case needs \"when\" and \"amount\"");
                continue;
            }
            Amount::Case c;
            c.when = node(cases[i].at("when"), pointer_join(case_at, "when"), member_context, 1);
            c.amount = compile_amount(cases[i].at("amount"), pointer_join(case_at, "amount"), member_context);
            if (c.amount && c.amount->kind == AmountKind::ByCase) {
                issues_.add("nested_by_case", pointer_join(case_at, "amount"), "by_case amounts do not nest");
            }
            if (c.when && c.amount) amount->cases.push_back(std::move(c));
        }
        if (json.contains("otherwise")) {
            amount->otherwise = compile_amount(json.at("otherwise"), pointer_join(path, "otherwise"), member_context);
        }
    } else {
        issues_.add("unknown_kind", pointer_join(path, "kind"),
                    "amount kind is fixed, floor, per_day, formula, local or by_case, not \"" + *kind + "\"");
        return nullptr;
    }
    return amount;
}

/// Who is paid and how firm the figure is: the same keys on every kind of amount.
void ConditionCompiler::read_payee(const Json& json, const std::string& path, Amount& amount) {
    if (json.contains("paid_to")) {
        static const std::set<std::string> kPayees = {"family", "institution", "service_provider", "meal_point"};
        const auto paid_to = read_string(json, "paid_to", path, issues_, true);
        if (paid_to && !kPayees.count(*paid_to)) {
            issues_.add("bad_value", pointer_join(path, "paid_to"),
                        "\"paid_to\" is family, institution, service_provider or meal_point");
        } else if (paid_to) {
            amount.paid_to = *paid_to;
        }
    }
    amount.suggested = flag(json, "suggested", path);
    amount.adjustable = flag(json, "adjustable", path);
    if (json.contains("people")) {
        const Json& roles = json.at("people");
        const std::string at = pointer_join(path, "people");
        if (!roles.is_array() || roles.empty()) issues_.add("wrong_type", at, "\"people\" is a non-empty array of role ids");
        for (size_t i = 0; roles.is_array() && i < roles.size(); ++i) {
            if (!roles[i].is_string() || !ruleset_.has_role(roles[i].get<std::string>())) {
                issues_.add("unknown_role", pointer_join(at, i), "no such role in the catalogue");
                continue;
            }
            amount.people_roles.push_back(roles[i].get<std::string>());
            amount.people_mask |= std::uint64_t{1} << ruleset_.role_index(amount.people_roles.back());
        }
    }
}

bool ConditionCompiler::flag(const Json& json, const char* key, const std::string& path) {
    if (!json.contains(key)) return false;
    if (!json.at(key).is_boolean()) {
        issues_.add("wrong_type", pointer_join(path, key), std::string("\"") + key + "\" is true or false");
        return false;
    }
    return json.at(key).get<bool>();
}

bool ConditionCompiler::reads_member_fact(const Condition& condition, std::vector<int>& visiting) const {
    switch (condition.op) {
        case Op::Some: case Op::Every: case Op::None: case Op::Count:
            return false;  // the quantifier binds its own member
        case Op::HasRole:
            return true;
        case Op::Ref: {
            for (int seen : visiting) {
                if (seen == condition.target) return false;  // a cycle is reported elsewhere
            }
            visiting.push_back(condition.target);
            const auto& named = pack_.named[static_cast<size_t>(condition.target)];
            const bool reads = named.condition && reads_member_fact(*named.condition, visiting);
            visiting.pop_back();
            return reads;
        }
        default:
            break;
    }
    if (condition.fact && condition.fact->about == FactAbout::Member) return true;
    for (const auto& child : condition.children) {
        if (reads_member_fact(*child, visiting)) return true;
    }
    return false;
}

void ConditionCompiler::check_references() {
    // Graph over named conditions (0..N-1) and programs (N..N+P-1).
    const int named_count = static_cast<int>(pack_.named.size());
    const int total = named_count + static_cast<int>(pack_.programs.size());
    auto vertex = [&](int owner) { return owner >= 0 ? owner : named_count + (-owner - 1); };
    std::vector<std::vector<const PendingRef*>> edges(static_cast<size_t>(total));
    for (const PendingRef& ref : refs_) edges[static_cast<size_t>(vertex(ref.owner))].push_back(&ref);

    std::vector<int> state(static_cast<size_t>(total), 0);  // 0 new, 1 on stack, 2 done
    std::function<void(int)> visit = [&](int v) {
        state[static_cast<size_t>(v)] = 1;
        for (const PendingRef* ref : edges[static_cast<size_t>(v)]) {
            const int target = ref->node->op == Op::Ref ? ref->node->target : named_count + ref->node->target;
            if (state[static_cast<size_t>(target)] == 1) {
                issues_.add("reference_cycle", ref->node->path,
                            "this reference closes a cycle: a condition or program ends up depending on itself");
            } else if (state[static_cast<size_t>(target)] == 0) {
                visit(target);
            }
        }
        state[static_cast<size_t>(v)] = 2;
    };
    for (int v = 0; v < total; ++v) {
        if (state[static_cast<size_t>(v)] == 0) visit(v);
    }

    for (const PendingRef& ref : refs_) {
        if (ref.member_context) continue;
        if (ref.node->op == Op::Ref) {
            std::vector<int> visiting{ref.node->target};
            const auto& named = pack_.named[static_cast<size_t>(ref.node->target)];
            if (named.condition && reads_member_fact(*named.condition, visiting)) {
                issues_.add("member_fact_outside_member", ref.node->path,
                            "\"" + named.id + "\" reads member facts: use it inside a quantifier or a for_each program");
            }
        } else if (pack_.programs[static_cast<size_t>(ref.node->target)].per_member) {
            issues_.add("member_fact_outside_member", ref.node->path,
                        "program \"" + pack_.programs[static_cast<size_t>(ref.node->target)].id +
                            "\" is evaluated per member: refer to it from a for_each program or a quantifier");
        }
    }
}

}  // namespace carecheck
