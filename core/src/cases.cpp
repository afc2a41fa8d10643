#include "carecheck/cases.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "carecheck/evaluation.h"
#include "carecheck/household.h"
#include "carecheck/json_read.h"
#include "carecheck/loader.h"

namespace carecheck {

CaseFile read_case_file(const std::string& text, IssueList& issues) {
    CaseFile file;
    const Json json = parse_json(text, issues);
    if (!issues.empty()) return file;
    check_keys(json, "", {"format", "pack", "cases"}, issues);
    const auto format = read_string(json, "format", "", issues, true);
    if (format && *format != "carecheck-cases/1") issues.add("unknown_format", "/format", "expected carecheck-cases/1");
    file.pack = read_string(json, "pack", "", issues, true).value_or("");
    if (!json.contains("cases") || !json.at("cases").is_array()) {
        issues.add("missing_field", "/cases", "\"cases\" must be an array");
        return file;
    }
    std::set<std::string> ids;
    const Json& cases = json.at("cases");
    for (size_t i = 0; i < cases.size(); ++i) {
        const std::string at = pointer_join("/cases", i);
        check_keys(cases[i], at, {"id", "clause", "description", "household", "expect", "expect_error"}, issues);
        Case c;
        c.id = read_string(cases[i], "id", at, issues, true).value_or("");
        c.clause = read_string(cases[i], "clause", at, issues, true).value_or("");
        c.description = read_string(cases[i], "description", at, issues, true).value_or("");
        if (!c.id.empty() && !ids.insert(c.id).second) issues.add("duplicate_id", at + "/id", "case id used twice");
        if (!cases[i].is_object() || !cases[i].contains("household")) {
            issues.add("missing_field", at + "/household", "a case needs a household");
            continue;
        }
        c.household = cases[i].at("household");
        c.expect = cases[i].contains("expect") ? cases[i].at("expect") : Json::array();
        c.expect_error = read_string(cases[i], "expect_error", at, issues, false).value_or("");
        if (!c.expect.is_array() || (c.expect.empty() && c.expect_error.empty())) {
            issues.add("missing_field", at + "/expect",
                       "case \"" + c.id +
                               "\" checks nothing: it needs a non-empty \"expect\" array (or "
                               "\"expect_error\")");
        }
        file.cases.push_back(std::move(c));
    }
    return file;
}

const Pack* find_pack(const Ruleset& ruleset, const std::string& id) {
    for (const Pack& pack : ruleset.packs) {
        if (pack.id == id) return &pack;
    }
    return nullptr;
}

std::vector<std::string> run_case(const Ruleset& ruleset, const Pack& pack, const Case& c, Coverage* coverage) {
    std::vector<std::string> failures;
    IssueList issues;
    const auto household = read_household(c.household, ruleset, "", issues);
    if (!c.expect_error.empty()) {
        const bool found = std::any_of(issues.items().begin(), issues.items().end(),
                                       [&](const Issue& issue) { return issue.code == c.expect_error; });
        if (!found) failures.push_back("expected the household to be rejected with \"" + c.expect_error + "\"");
        return failures;
    }
    if (!household) {
        for (const Issue& issue : issues.items()) failures.push_back("household " + issue.path + ": " + issue.message);
        return failures;
    }
    const Evaluation evaluation = evaluate(ruleset, *household, Trace::Record);
    const PackEvaluation& evaluated = evaluation.packs[static_cast<size_t>(&pack - ruleset.packs.data())];
    if (coverage) coverage->add(evaluated);
    std::vector<const Outcome*> outcomes;
    for (size_t i = 0; i < evaluated.listed; ++i) outcomes.push_back(&evaluated.outcomes[i]);
    for (size_t i = 0; i < c.expect.size(); ++i) {
        const Json& e = c.expect[i];
        const std::string where = "expect[" + std::to_string(i) + "] ";
        if (!e.is_object() || !e.contains("program") || !e.contains("status")) {
            failures.push_back(where + "needs \"program\" and \"status\"");
            continue;
        }
        const std::string program = e.at("program").get<std::string>();
        const std::string member = e.contains("member") ? e.at("member").get<std::string>() : "";
        std::vector<const Outcome*> matches;
        for (const Outcome* o : outcomes) {
            if (o->program->id != program) continue;
            if (!member.empty() && (o->member < 0 || household->members[static_cast<size_t>(o->member)].id != member)) {
                continue;
            }
            matches.push_back(o);
        }
        const std::string label = where + program + (member.empty() ? "" : " (" + member + ")");
        if (matches.size() != 1) {
            failures.push_back(label + ": " + (matches.empty() ? "no such program or member in the result"
                                                               : "several members: name one with \"member\""));
            continue;
        }
        const Outcome& o = *matches.front();
        const std::string status = status_name(o.status);
        if (status != e.at("status")) {
            failures.push_back(label + ": status is " + status + ", expected " + e.at("status").get<std::string>());
        }
        if (e.contains("yearly")) {
            const Json& want = e.at("yearly");
            const bool same = want.is_null() ? !o.amount.yearly
                                             : (o.amount.yearly && want.is_number() &&
                                                std::fabs(*o.amount.yearly - want.get<double>()) < 1e-6);
            if (!same) {
                failures.push_back(label + ": yearly is " +
                                   (o.amount.yearly ? format_number(*o.amount.yearly) : std::string("null")) +
                                   ", expected " + want.dump());
            }
        }
        if (e.contains("missing")) {
            std::set<std::string> want, got;
            for (const Json& id : e.at("missing")) want.insert(id.get<std::string>());
            for (const FactRef& ref : missing_facts(evaluation, evaluated, o)) got.insert(ref.fact->id);
            if (want != got) {
                std::string list;
                for (const std::string& id : got) list += (list.empty() ? "" : ", ") + id;
                failures.push_back(label + ": missing is [" + list + "], expected " + e.at("missing").dump());
            }
        }
    }
    return failures;
}

std::vector<std::string> coverage_gaps(const Pack& pack, const Coverage& coverage) {
    std::vector<std::string> gaps;
    for (const Condition* node : pack.nodes) {
        const size_t id = static_cast<size_t>(node->id);
        const unsigned char seen = id < coverage.seen.size() ? coverage.seen[id] : 0;
        if (seen == 3) continue;
        std::string what = seen == 0 ? "never evaluated" : (seen & 1) ? "never false" : "never true";
        gaps.push_back(pack.file + "#" + node->path + ": " + what);
    }
    return gaps;
}

}  // namespace carecheck
