#include "carecheck/service.h"

#include "household.h"
#include "loader.h"
#include "result_json.h"

namespace carecheck {

namespace {

std::string dump(const OrderedJson& json) {
    // Replace invalid UTF-8 rather than throw: output must always be produced.
    return json.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string internal_error(const std::string& what) {
    return dump(error_envelope(Issue{"internal", "", "", "internal error: " + what}));
}

/// Parses and reads a household; on failure returns the error envelope in `error`.
std::optional<Household> read_input(const Ruleset* ruleset, const std::string& text, const std::string& today,
                                    std::string& error) {
    if (!ruleset) {
        error = dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return std::nullopt;
    }
    IssueList issues;
    const Json json = parse_json(text, issues);
    std::optional<Household> household;
    if (issues.empty()) household = read_household(json, *ruleset, today, issues);
    if (!issues.empty()) {
        error = dump(error_envelope(issues.items()));
        return std::nullopt;
    }
    return household;
}

}  // namespace

Service::Service() = default;
Service::~Service() = default;
Service::Service(Service&&) noexcept = default;
Service& Service::operator=(Service&&) noexcept = default;

std::string Service::load(const std::vector<RuleFile>& files) {
    try {
        LoadResult result = load_ruleset(files);
        if (!result.ruleset) return dump(error_envelope(result.issues));
        OrderedJson packs = OrderedJson::array();
        for (const Pack& pack : result.ruleset->packs) packs.push_back(pack.id);
        const size_t facts = result.ruleset->facts.size();
        ruleset_ = std::move(result.ruleset);
        return dump(OrderedJson{{"ok", true}, {"packs", std::move(packs)}, {"facts", facts}});
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

std::string Service::check(const std::string& household_json, const std::string& today) const {
    try {
        std::string error;
        const auto household = read_input(ruleset_.get(), household_json, today, error);
        return household ? dump(result_json(*ruleset_, *household)) : error;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

std::string Service::questions(const std::string& household_json, const std::string& today) const {
    try {
        std::string error;
        const auto household = read_input(ruleset_.get(), household_json, today, error);
        return household ? dump(questions_json(*ruleset_, *household)) : error;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

std::string Service::screen(const std::string& household_json, const std::string& today) const {
    try {
        std::string error;
        const auto household = read_input(ruleset_.get(), household_json, today, error);
        return household ? dump(screen_json(*ruleset_, *household)) : error;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

std::string Service::validate_household(const std::string& household_json) const {
    try {
        std::string error;
        // A household without "as_of" is still valid input: the caller supplies today.
        const auto household = read_input(ruleset_.get(), household_json, "2000-01-01", error);
        return household ? dump(OrderedJson{{"ok", true}}) : error;
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

std::string Service::describe() const {
    try {
        if (!ruleset_) return dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return dump(describe_json(*ruleset_));
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

}  // namespace carecheck
