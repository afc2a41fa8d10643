// Three-valued evaluation of one pack for one household.
//
// Each program is evaluated once per subject (the household, or each member for for_each
// programs) into an Outcome that keeps the whole evaluation tree: explanations, the missing
// facts and "what would change it" are all read off that tree afterwards (explain.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "amount.h"
#include "household.h"
#include "model.h"

namespace carecheck {

enum class Tri { False, True, Unknown };

struct Outcome;

/// One evaluated condition node. Leaves that read a fact keep what they read.
struct EvalNode {
    const Condition* condition = nullptr;
    const Member* member = nullptr;  // the member in context, if any
    Tri value = Tri::Unknown;
    std::vector<int> children;       // indices into Outcome::nodes
    const Fact* fact = nullptr;      // fact tests and "answered"
    std::optional<Json> fact_value;  // nullopt: unknown
    const Outcome* program = nullptr;     // Op::Program: the outcome referred to
};

/// One program for one subject.
struct Outcome {
    const Program* program = nullptr;
    const Member* member = nullptr;  // null for household programs
    Status status = Status::NeedsAnswers;
    int root = -1;                   // the conditions
    int unless_root = -1;            // local.unless, when evaluated
    std::vector<int> amount_roots;   // by_case "when" nodes evaluated
    AmountResult amount;
    std::vector<EvalNode> nodes;
};

/// Which condition nodes were seen true and seen false (for case coverage).
struct Coverage {
    std::vector<unsigned char> seen;  // bit 0: true, bit 1: false; indexed by Condition::id
    void mark(const Condition& condition, Tri value);
};

class PackEvaluator {
public:
    PackEvaluator(const Pack& pack, const Household& household, Coverage* coverage = nullptr);

    /// Every outcome of the pack, in program order (for_each programs once per matching member).
    std::vector<const Outcome*> evaluate_all();

    /// The outcome of one program for one subject (memoized).
    const Outcome& outcome(size_t program_index, const Member* member);

private:
    int eval(Outcome& out, const Condition& condition, const Member* member);
    Tri eval_quantifier(Outcome& out, int index, const Condition& condition);
    std::optional<Json> lookup(const Fact& fact, const Member* member) const;
    /// The answer to `fact`, or to the fact it defaults to when unanswered; also the fact whose
    /// answer was used (the last one tried when none is known: that is the one worth asking).
    std::pair<std::optional<Json>, const Fact*> lookup_with_default(const Fact& fact, const Member* member) const;

    const Pack& pack_;
    const Household& household_;
    Coverage* coverage_;
    std::map<std::pair<size_t, const Member*>, std::unique_ptr<Outcome>> outcomes_;
};

/// The members a for_each program or a quantifier ranges over.
std::vector<const Member*> members_with_role(const Household& household, const std::string& role);

}  // namespace carecheck
