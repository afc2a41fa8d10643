// carecheck::Service — the one JSON-in/JSON-out face of the engine.
//
// The CLI and the wasm module both call exactly these methods, so their output is
// byte-identical. Every method returns an envelope: {"ok":true,...} or
// {"ok":false,"error":{code,message,file,path},"issues":[...]}. No exception leaves it.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace carecheck {

/// One rule file as read from disk or fetched by the page: its name (used in error
/// paths, e.g. "rules/000-zhangjiakou.pack.json") and its JSON text.
struct RuleFile {
    std::string name;
    std::string text;
};

struct Ruleset;
struct CatalogueMemo;
class Renderer;

/// Holds one loaded rule set. Load once, then evaluate many households.
class Service {
public:
    /// The largest household document accepted (bytes); docs/limits.md lists every limit.
    static constexpr size_t kMaxInputBytes = size_t{1} << 20;

    Service();
    ~Service();
    Service(Service&&) noexcept;
    Service& operator=(Service&&) noexcept;

    /// Loads and validates a rule set (facts catalogue + packs). On success returns
    /// {"ok":true,"packs":[ids],"facts":N}; on failure every issue found, and the
    /// previously loaded rule set (if any) stays in use. A catalogue given again with the same
    /// text is not parsed again.
    std::string load(const std::vector<RuleFile>& files);

    /// Evaluates a household (see docs/rule-format.md "Household") against every pack: the
    /// result with its explanations and the next questions to ask, so a page needs one call
    /// per answer.
    /// `today` (YYYY-MM-DD) is used when the household has no "as_of": the CLI passes the
    /// machine's date, the page the phone's. Empty and no "as_of" is an input error.
    std::string check(const std::string& household_json, const std::string& today = "") const;

    /// The unanswered facts that can still change an undetermined program, best first.
    std::string questions(const std::string& household_json, const std::string& today = "") const;

    /// A compact screening line for batch use: per program and member, the status, the
    /// yearly figure and the facts still missing (no explanations).
    std::string screen(const std::string& household_json, const std::string& today = "") const;

    /// Checks a household's answers only (types, ranges, unknown ids).
    std::string validate_household(const std::string& household_json) const;

    /// The loaded rule set for a user interface: packs' metadata, roles, facts.
    std::string describe() const;

    /// The loaded rule set for the typed API (evaluation.h, render.h); null before load().
    const Ruleset* ruleset() const { return ruleset_.get(); }
    const Renderer* renderer() const { return renderer_.get(); }

private:
    std::unique_ptr<Ruleset> ruleset_;
    std::unique_ptr<Renderer> renderer_;
    std::unique_ptr<CatalogueMemo> catalogue_;
};

}  // namespace carecheck
