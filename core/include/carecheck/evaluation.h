// Evaluating a household against a rule set: statuses, amounts as numbers, and (when asked)
// a trace of every condition node's value, from which the renderer explains the result.
//
//   Evaluation e = evaluate(ruleset, household, Trace::Record);
//
// The evaluation writes no words: sentences for people are made from it in render.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "carecheck/household.h"
#include "carecheck/ruleset.h"

namespace carecheck {

enum class Tri : std::uint8_t { False, True, Unknown };

/// Whether to keep the value of every condition node (needed for "why", "what is missing" and
/// "what would change it"); statuses and amounts alone do not need it.
enum class Trace { Skip, Record };

enum class Bound : std::uint8_t { Unknown, Exact, AtLeast, UpTo };

/// The payee of an amount with none declared (never the case once loaded).
inline const std::string kNobody;
const char* bound_name(Bound bound);

/// An amount worked out for one subject, in numbers. `bound` tells how to read `yearly`.
struct AmountResult {
    bool present = false;
    const Amount* amount = nullptr;   // the case that applied (by_case resolved), null if unresolved
    std::optional<double> value;      // in the document's unit (formula: once the parameter is known)
    std::optional<double> yearly;     // per year, for every person counted
    std::optional<double> yearly_each;  // per year before counting people
    Bound bound = Bound::Unknown;
    bool people_counted = false;      // a per-person amount counted for the members it names
    int people = 0;                   // how many they are
    // Who is paid and how firm the figure is: the case that applied, else the declared amount.
    const std::string* paid_to = &kNobody;  // points into the rule set: no copy per outcome
    bool suggested = false;
    bool adjustable = false;
    std::vector<AmountResult> alternatives;  // by_case not yet resolved: what each case gives
};

/// One program for one subject (the household, or one member of a for_each program).
struct Outcome {
    const Program* program = nullptr;
    int member = -1;                 // index into Household::members; -1 for household programs
    Status status = Status::NeedsAnswers;
    bool unless_evaluated = false;   // local.unless was reached (the conditions held)
    size_t amount_cases = 0;         // by_case "when" conditions evaluated, in order
    AmountResult amount;
};

/// The value of each condition node, per member in context: what explanations are read from.
/// Slot 0 is "no member"; member i is slot i + 1. 0 = not evaluated, else Tri + 1.
struct NodeTrace {
    size_t stride = 1;               // members + 1
    std::vector<std::uint8_t> values;
    std::optional<Tri> at(int node, int member) const {
        if (values.empty()) return std::nullopt;  // not recorded (Trace::Skip)
        const std::uint8_t v = values[static_cast<size_t>(node) * stride + static_cast<size_t>(member + 1)];
        return v ? std::optional<Tri>(static_cast<Tri>(v - 1)) : std::nullopt;
    }
};

struct PackEvaluation {
    const Pack* pack = nullptr;
    // outcomes[0, listed): every program in order, for_each programs once per matching member;
    // after them, outcomes only another program's condition referred to.
    std::vector<Outcome> outcomes;
    size_t listed = 0;
    std::vector<int> outcome_of;     // (program index × (members + 1) + member + 1) → outcomes index, -1 none
    NodeTrace trace;                 // empty unless Trace::Record

    const Outcome* find(size_t program_index, int member) const;
};

struct Evaluation {
    const Ruleset* ruleset = nullptr;
    const Household* household = nullptr;
    std::vector<PackEvaluation> packs;
    bool traced = false;
};

Evaluation evaluate(const Ruleset& ruleset, const Household& household, Trace trace);

/// A program's amount before anything is answered (by_case lists what each case gives).
AmountResult amount_without_answers(const Program& program);

/// Which condition nodes were seen true and seen false (case coverage), per pack node id.
struct Coverage {
    std::vector<unsigned char> seen;  // bit 0: true, bit 1: false
    void add(const PackEvaluation& pack);
};

/// A question that can still change an outcome: a fact, for a member when it is about one.
struct FactRef {
    const Fact* fact = nullptr;
    int member = -1;
    bool operator==(const FactRef& other) const { return fact == other.fact && member == other.member; }
};

/// The unknown facts that can still change this outcome (status or amount); needs a trace.
std::vector<FactRef> missing_facts(const Evaluation& evaluation, const PackEvaluation& pack, const Outcome& outcome);

/// The answer a fact test reads for a member (or the household): the fact's own, else the one
/// it defaults to; and the fact actually read (the last one tried when none is known).
std::pair<const Value*, const Fact*> read_answer(const Household& household, const Fact& fact, int member);

/// The members a for_each program or a quantifier ranges over (role -1: every member).
template <class Visit>
void for_members_with_role(const Household& household, int role_index, Visit visit) {
    for (size_t i = 0; i < household.members.size(); ++i) {
        if (household.members[i].has_role(role_index)) {
            if (!visit(static_cast<int>(i))) return;
        }
    }
}

/// Calls visit(child, member) for each child of `c` in the order evaluation reaches them:
/// all/any/not with the same member, a quantifier's "where" once per member in range, a
/// reference's named condition. Whether a child was reached is in the trace.
template <class Visit>
void for_children(const Pack& pack, const Household& household, const Condition& c, int member, Visit visit) {
    switch (c.op) {
        case Op::All:
        case Op::Any:
        case Op::Not:
            for (const auto& child : c.children) visit(*child, member);
            return;
        case Op::Some:
        case Op::Every:
        case Op::None:
        case Op::Count:
            for_members_with_role(household, c.role_index, [&](int m) {
                visit(*c.children.front(), m);
                return true;
            });
            return;
        case Op::Ref: visit(*pack.named[static_cast<size_t>(c.target)].condition, member); return;
        default: return;
    }
}

/// True for the nodes that read an answer (fact tests and "answered").
bool reads_fact(const Condition& c);

}  // namespace carecheck
