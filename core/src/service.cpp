#include "carecheck/service.h"

#include "household.h"
#include "input_limits.h"
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

/// Runs one service call; an exception (a bug, or memory running out) becomes an error envelope.
template <class Body>
std::string guarded(Body body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return internal_error(e.what());
    }
}

/// Parses and reads a household; on failure returns the error envelope in `error`.
std::optional<Household> read_input(const Ruleset* ruleset, const std::string& text, const std::string& today,
                                    std::string& error) {
    if (!ruleset) {
        error = dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return std::nullopt;
    }
    IssueList issues;
    const Json json = parse_limited(text, kHouseholdLimits, issues);
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
    return guarded([&] {
        LoadResult result = load_ruleset(files);
        if (!result.ruleset) return dump(error_envelope(result.issues));
        OrderedJson packs = OrderedJson::array();
        for (const Pack& pack : result.ruleset->packs) packs.push_back(pack.id);
        const size_t facts = result.ruleset->facts.size();
        ruleset_ = std::move(result.ruleset);
        return dump(OrderedJson{{"ok", true}, {"packs", std::move(packs)}, {"facts", facts}});
    });
}

/// Renderers return either JSON or text already rendered (check's pre-rendered pieces).
std::string as_text(const OrderedJson& json) { return dump(json); }
std::string as_text(std::string text) { return text; }

/// Reads the household, then renders it with `render(ruleset, household)`; input errors and
/// exceptions come back as envelopes.
template <class Render>
static std::string with_household(const Ruleset* ruleset, const std::string& household_json, const std::string& today,
                                  Render render) {
    return guarded([&] {
        std::string error;
        const auto household = read_input(ruleset, household_json, today, error);
        return household ? as_text(render(*ruleset, *household)) : error;
    });
}

std::string Service::check(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today, result_text);
}

std::string Service::questions(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today, questions_json);
}

std::string Service::screen(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today, screen_json);
}

std::string Service::validate_household(const std::string& household_json) const {
    // A household without "as_of" is still valid input: the caller supplies today.
    return with_household(ruleset_.get(), household_json, "2000-01-01",
                          [](const Ruleset&, const Household&) { return OrderedJson{{"ok", true}}; });
}

std::string Service::describe() const {
    return guarded([&] {
        if (!ruleset_) return dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return dump(describe_json(*ruleset_));
    });
}

}  // namespace carecheck
