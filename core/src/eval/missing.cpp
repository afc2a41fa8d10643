// The facts still missing for an outcome, read off the evaluation's trace.
#include <algorithm>

#include "carecheck/evaluation.h"

namespace carecheck {

namespace {

class MissingWalk {
public:
    MissingWalk(const Evaluation& evaluation, const PackEvaluation& pack, std::vector<FactRef>& out)
        : household_(*evaluation.household), pack_(pack), out_(out), evaluation_(evaluation) {}

    void walk(const Condition& c, int member) {
        const std::optional<Tri> value = pack_.trace.at(c.id, member);
        if (!value || *value != Tri::Unknown) return;
        if (reads_fact(c)) {
            const Fact* source = read_answer(household_, *c.fact, member).second;
            add(FactRef{source, source->about == FactAbout::Member ? member : -1});
        }
        if (c.op == Op::Program) {
            const Program& target = pack_.pack->programs[static_cast<size_t>(c.target)];
            if (const Outcome* referred = pack_.find(target.index, target.per_member ? member : -1)) {
                for (const FactRef& ref : missing_facts(evaluation_, pack_, *referred)) add(ref);
            }
        }
        for_children(*pack_.pack, household_, c, member, [&](const Condition& child, int m) { walk(child, m); });
    }

private:
    void add(const FactRef& ref) {
        if (std::find(out_.begin(), out_.end(), ref) == out_.end()) out_.push_back(ref);
    }

    const Household& household_;
    const PackEvaluation& pack_;
    std::vector<FactRef>& out_;
    const Evaluation& evaluation_;
};

}  // namespace

bool reads_fact(const Condition& c) {
    switch (c.op) {
        case Op::Compare:
        case Op::In:
        case Op::InRegion:
        case Op::HasAny:
        case Op::HasAll:
        case Op::HasNone:
        case Op::Answered: return true;
        default: return false;
    }
}

std::vector<FactRef> missing_facts(const Evaluation& evaluation, const PackEvaluation& pack, const Outcome& outcome) {
    std::vector<FactRef> out;
    if (!evaluation.traced) return out;
    MissingWalk walk(evaluation, pack, out);
    const Program& program = *outcome.program;
    walk.walk(*program.conditions, outcome.member);
    if (outcome.unless_evaluated) walk.walk(*program.local->unless, outcome.member);
    // An eligible program whose amount still depends on an answer: those facts count too.
    if (outcome.status != Status::NotEligible) {
        for (size_t i = 0; i < outcome.amount_cases; ++i) walk.walk(*program.amount->cases[i].when, outcome.member);
    }
    return out;
}

}  // namespace carecheck
