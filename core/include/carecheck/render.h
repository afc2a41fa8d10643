// Turning an Evaluation into the JSON documents of docs/rule-format.md. Every word the engine
// itself says (status sentences, amounts, threshold hints) is made here, in core/src/render/.
#pragma once

#include <memory>
#include <string>

#include "carecheck/evaluation.h"

namespace carecheck {

class Renderer {
public:
    /// Renders, once, the parts of results that never change for a rule set (program names,
    /// citations, pack headers), so a result costs little beyond its evaluation.
    explicit Renderer(const Ruleset& ruleset);
    ~Renderer();
    Renderer(Renderer&&) noexcept;
    Renderer& operator=(Renderer&&) noexcept;

    /// {"ok":true,"as_of":…,"packs":[…],"questions":[…],"remaining":N}: the full result with
    /// explanations and the next questions (needs a traced evaluation).
    std::string result(const Evaluation& evaluation) const;

    /// {"ok":true,"questions":[…],"remaining":N}: unanswered facts that can still change a result.
    std::string questions(const Evaluation& evaluation) const;

    /// {"ok":true,"as_of":…,"results":[{pack, program, member?, status, yearly, paid_to?, missing?}]}.
    /// `prefix` (e.g. `"line":7,`) is written right after the opening brace.
    std::string screen(const Evaluation& evaluation, const std::string& prefix = "") const;

    /// The rule set for a user interface: packs' metadata, roles, facts, parameters.
    std::string describe() const;

private:
    struct Pieces;
    const Ruleset* ruleset_;
    std::unique_ptr<Pieces> pieces_;
};

/// An amount in words, e.g. "1500 元/户/年" / "1,500 yuan per household per year".
Text amount_words(const AmountResult& result, const Pack& pack);

/// One fact as the page needs it to ask the question.
OrderedJson fact_json(const Fact& fact);

}  // namespace carecheck
