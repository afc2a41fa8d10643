#include "carecheck/service.h"

#include "carecheck/evaluation.h"
#include "carecheck/household.h"
#include "catching.h"
#include "input_limits.h"
#include "carecheck/loader.h"
#include "carecheck/render.h"

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
    return catching(body, [](const char* what) { return internal_error(what); });
}

/// Parses and reads a household; on failure returns the error envelope in `error`.
std::optional<Household> read_input(const Ruleset* ruleset, const std::string& text, const std::string& today,
                                    std::string& error) {
    if (!ruleset) {
        error = dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return std::nullopt;
    }
    IssueList issues;
    std::optional<Household> household = read_household_text(text, *ruleset, today, issues);
    if (!household) {
        error = dump(error_envelope(issues.items()));
        return std::nullopt;
    }
    return household;
}

}  // namespace

Service::Service() : catalogue_(std::make_unique<CatalogueMemo>()) {}
Service::~Service() = default;
Service::Service(Service&&) noexcept = default;
Service& Service::operator=(Service&&) noexcept = default;

std::string Service::load(const std::vector<RuleFile>& files) {
    return guarded([&] {
        LoadResult result = load_ruleset(files, catalogue_.get());
        if (!result.ruleset) return dump(error_envelope(result.issues));
        OrderedJson packs = OrderedJson::array();
        for (const Pack& pack : result.ruleset->packs) packs.push_back(pack.id);
        const size_t facts = result.ruleset->facts.size();
        ruleset_ = std::move(result.ruleset);
        renderer_ = std::make_unique<Renderer>(*ruleset_);
        return dump(OrderedJson{{"ok", true}, {"packs", std::move(packs)}, {"facts", facts}});
    });
}

/// Reads the household, evaluates it and renders it with `render(evaluation)`; input errors and
/// exceptions come back as envelopes.
template <class Render>
static std::string with_household(const Ruleset* ruleset, const std::string& household_json, const std::string& today,
                                  Render render) {
    return guarded([&] {
        std::string error;
        const auto household = read_input(ruleset, household_json, today, error);
        if (!household) return error;
        return render(evaluate(*ruleset, *household, Trace::Record));
    });
}

std::string Service::check(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today,
                          [&](const Evaluation& e) { return renderer_->result(e); });
}

std::string Service::questions(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today,
                          [&](const Evaluation& e) { return renderer_->questions(e); });
}

std::string Service::screen(const std::string& household_json, const std::string& today) const {
    return with_household(ruleset_.get(), household_json, today,
                          [&](const Evaluation& e) { return renderer_->screen(e); });
}

std::string Service::validate_household(const std::string& household_json) const {
    // A household without "as_of" is still valid input: the caller supplies today.
    return guarded([&] {
        std::string error;
        const auto household = read_input(ruleset_.get(), household_json, "2000-01-01", error);
        return household ? std::string("{\"ok\":true}") : error;
    });
}

std::string Service::describe() const {
    return guarded([&] {
        if (!ruleset_) return dump(error_envelope(Issue{"no_rules", "", "", "no rule set is loaded: call load() first"}));
        return renderer_->describe();
    });
}

}  // namespace carecheck
