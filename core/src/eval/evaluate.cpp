// Three-valued evaluation of every pack for one household, straight from typed slots.
//
// Each program is evaluated once per subject. Named conditions are memoised per member, so a
// condition referred to from ten programs is walked once. With Trace::Record every node's
// value is kept per member (NodeTrace); explanations are read from it by the renderer.
#include "carecheck/evaluation.h"

#include "eval/amount.h"

namespace carecheck {

namespace {

Tri from_bool(bool value) { return value ? Tri::True : Tri::False; }

bool compare(Cmp cmp, double a, double b) {
    switch (cmp) {
        case Cmp::Eq: return a == b;
        case Cmp::Ne: return a != b;
        case Cmp::Lt: return a < b;
        case Cmp::Le: return a <= b;
        case Cmp::Gt: return a > b;
        case Cmp::Ge: return a >= b;
    }
    return false;
}

Tri test_fact(const Condition& c, const Value& value) {
    switch (c.op) {
        case Op::Compare: return from_bool(compare(c.cmp, value.number, c.number));
        case Op::In: return from_bool((c.options >> static_cast<unsigned>(value.number)) & 1);
        case Op::InRegion: {
            const int code = static_cast<int>(value.number);
            for (const RegionPrefix& r : c.regions) {
                if (code / r.divisor == r.prefix) return Tri::True;
            }
            return Tri::False;
        }
        case Op::HasAny: return from_bool((value.options & c.options) != 0);
        case Op::HasNone: return from_bool((value.options & c.options) == 0);
        case Op::HasAll: return from_bool((value.options & c.options) == c.options);
        default: return Tri::Unknown;
    }
}

Tri status_matches(const Condition& c, Status status) {
    for (Status wanted : c.statuses) {
        if (wanted == status) return Tri::True;
    }
    return status == Status::NeedsAnswers ? Tri::Unknown : Tri::False;
}

/// One pack for one household.
class PackRun {
public:
    PackRun(const Pack& pack, const Household& household, PackEvaluation& out, bool record)
        : pack_(pack), household_(household), out_(out), record_(record),
          stride_(household.members.size() + 1) {
        out_.pack = &pack;
        named_.assign(pack.named.size() * stride_, 0);
        out_.outcome_of.assign(pack.programs.size() * stride_, -1);
        if (record_) {
            out_.trace.stride = stride_;
            out_.trace.values.assign(pack.nodes.size() * stride_, 0);
        }
    }

    void run() {
        // The listed outcomes first, in program order, so references can fill them in any order.
        out_.outcomes.reserve(pack_.programs.size() * stride_);
        done_.reserve(pack_.programs.size() * stride_);
        for (const Program& program : pack_.programs) {
            if (!program.per_member) {
                slot(program.index, -1);
                continue;
            }
            for_members_with_role(household_, program.for_each_role_index, [&](int member) {
                slot(program.index, member);
                return true;
            });
        }
        out_.listed = out_.outcomes.size();
        for (size_t i = 0; i < out_.listed; ++i) {
            const Outcome& o = out_.outcomes[i];
            outcome(o.program->index, o.member);
        }
    }

private:
    size_t key(size_t program, int member) const { return program * stride_ + static_cast<size_t>(member + 1); }

    int slot(size_t program, int member) {
        int& index = out_.outcome_of[key(program, member)];
        if (index < 0) {
            index = static_cast<int>(out_.outcomes.size());
            Outcome o;
            o.program = &pack_.programs[program];
            o.member = member;
            out_.outcomes.push_back(o);
            done_.push_back(false);
        }
        return index;
    }

    Status outcome(size_t program_index, int member) {
        const int index = slot(program_index, member);
        if (done_[static_cast<size_t>(index)]) return out_.outcomes[static_cast<size_t>(index)].status;
        done_[static_cast<size_t>(index)] = true;  // a cycle was refused at load; this guards anyway
        const Program& program = pack_.programs[program_index];
        Status status;
        const Tri conditions = eval(*program.conditions, member);
        bool unless_evaluated = false;
        if (conditions == Tri::False) {
            status = Status::NotEligible;
        } else if (conditions == Tri::Unknown) {
            status = Status::NeedsAnswers;
        } else if (program.related_policy) {
            status = Status::WorthAsking;
        } else if (!program.local) {
            status = Status::Eligible;
        } else if (!program.local->unless) {
            status = Status::DependsOnLocal;
        } else {
            unless_evaluated = true;
            const Tri unless = eval(*program.local->unless, member);
            status = unless == Tri::True    ? Status::Eligible
                     : unless == Tri::False ? Status::DependsOnLocal
                                            : Status::NeedsAnswers;
        }
        AmountResult amount;
        size_t cases = 0;
        if (program.amount) {
            struct Cases final : CaseTest {
                PackRun& run;
                int member;
                size_t& count;
                Cases(PackRun& r, int m, size_t& c) : run(r), member(m), count(c) {}
                std::optional<bool> operator()(const Condition& when) override {
                    ++count;
                    const Tri value = run.eval(when, member);
                    return value == Tri::Unknown ? std::nullopt : std::optional<bool>(value == Tri::True);
                }
            } when(*this, member, cases);
            amount = compute_amount(*program.amount, household_, when);
        }
        // `out_.outcomes` may have grown while evaluating: index again.
        Outcome& o = out_.outcomes[static_cast<size_t>(index)];
        o.status = status;
        o.unless_evaluated = unless_evaluated;
        o.amount_cases = cases;
        o.amount = std::move(amount);
        return status;
    }

    Tri eval(const Condition& c, int member) { return eval(c.id, member); }

    /// Evaluates node `id` over the pack's flattened nodes: children are a range of ids.
    Tri eval(int id, int member) {
        const Pack::FlatNode& flat = pack_.flat[static_cast<size_t>(id)];
        const Condition& c = *flat.node;
        const int* children = pack_.child_ids.data() + flat.first_child;
        Tri value = Tri::Unknown;
        switch (c.op) {
            case Op::All:
            case Op::Any: {
                const Tri decisive = c.op == Op::All ? Tri::False : Tri::True;
                bool unknown = false;
                value = c.op == Op::All ? Tri::True : Tri::False;
                for (std::uint32_t k = 0; k < flat.child_count; ++k) {
                    const Tri v = eval(children[k], member);
                    if (v == decisive) {
                        value = decisive;
                        unknown = false;
                        break;
                    }
                    unknown = unknown || v == Tri::Unknown;
                }
                if (unknown) value = Tri::Unknown;
                break;
            }
            case Op::Not: {
                const Tri v = eval(children[0], member);
                value = v == Tri::Unknown ? Tri::Unknown : from_bool(v == Tri::False);
                break;
            }
            case Op::Answered: value = from_bool(read_answer(household_, *c.fact, member).first != nullptr); break;
            case Op::Compare:
            case Op::In:
            case Op::InRegion:
            case Op::HasAny:
            case Op::HasAll:
            case Op::HasNone: {
                const Value* answer = read_answer(household_, *c.fact, member).first;
                if (answer) value = test_fact(c, *answer);
                break;
            }
            case Op::Some:
            case Op::Every:
            case Op::None:
            case Op::Count: value = eval_quantifier(c, children[0]); break;
            case Op::HasRole:
                value = member >= 0 ? from_bool(household_.members[static_cast<size_t>(member)].has_role(c.role_index))
                                    : Tri::Unknown;
                break;
            case Op::Ref: value = eval_named(static_cast<size_t>(c.target), member); break;
            case Op::Program: {
                const Program& target = pack_.programs[static_cast<size_t>(c.target)];
                value = status_matches(c, outcome(target.index, target.per_member ? member : -1));
                break;
            }
        }
        if (record_) {
            out_.trace.values[static_cast<size_t>(id) * stride_ + static_cast<size_t>(member + 1)] =
                static_cast<std::uint8_t>(static_cast<int>(value) + 1);
        }
        return value;
    }

    Tri eval_named(size_t named, int member) {
        std::uint8_t& memo = named_[named * stride_ + static_cast<size_t>(member + 1)];
        if (!memo) memo = static_cast<std::uint8_t>(static_cast<int>(eval(pack_.named[named].condition->id, member)) + 1);
        return static_cast<Tri>(memo - 1);
    }

    Tri eval_quantifier(const Condition& c, int where) {
        size_t trues = 0, unknowns = 0, seen = 0;
        for_members_with_role(household_, c.role_index, [&](int member) {
            const Tri v = eval(where, member);
            ++seen;
            trues += v == Tri::True ? 1 : 0;
            unknowns += v == Tri::Unknown ? 1 : 0;
            // Stop once the answer is settled.
            if ((c.op == Op::Some || c.op == Op::None) && v == Tri::True) return false;
            if (c.op == Op::Every && v == Tri::False) return false;
            return true;
        });
        switch (c.op) {
            case Op::Some: return trues > 0 ? Tri::True : unknowns > 0 ? Tri::Unknown : Tri::False;
            case Op::None: return trues > 0 ? Tri::False : unknowns > 0 ? Tri::Unknown : Tri::True;
            case Op::Every: {
                const size_t falses = seen - trues - unknowns;
                return falses > 0 ? Tri::False : unknowns > 0 ? Tri::Unknown : Tri::True;
            }
            default: {
                // Count: true if the comparison holds for every possible count, false if for none.
                bool any_true = false, any_false = false;
                for (size_t n = trues; n <= trues + unknowns; ++n) {
                    (compare(c.cmp, static_cast<double>(n), c.number) ? any_true : any_false) = true;
                }
                return any_true && any_false ? Tri::Unknown : from_bool(any_true);
            }
        }
    }

    const Pack& pack_;
    const Household& household_;
    PackEvaluation& out_;
    const bool record_;
    const size_t stride_;
    std::vector<std::uint8_t> named_;  // memo per (named condition, member): 0 = not yet, else Tri + 1
    std::vector<bool> done_;
};

}  // namespace

const char* bound_name(Bound bound) {
    switch (bound) {
        case Bound::Exact: return "exact";
        case Bound::AtLeast: return "at_least";
        case Bound::UpTo: return "up_to";
        case Bound::Unknown: break;
    }
    return "unknown";
}

std::pair<const Value*, const Fact*> read_answer(const Household& household, const Fact& fact, int member) {
    const Fact* tried = &fact;
    for (const Fact* f = &fact; f; f = f->default_fact) {
        tried = f;
        const std::vector<Value>* answers = &household.facts;
        if (f->about == FactAbout::Member) {
            if (member < 0) continue;
            answers = &household.members[static_cast<size_t>(member)].facts;
        }
        const Value& value = (*answers)[f->slot];
        if (value.known()) return {&value, f};
    }
    return {nullptr, tried};
}

const Outcome* PackEvaluation::find(size_t program_index, int member) const {
    const size_t stride = outcome_of.size() / (pack->programs.empty() ? 1 : pack->programs.size());
    const int index = outcome_of[program_index * stride + static_cast<size_t>(member + 1)];
    return index < 0 ? nullptr : &outcomes[static_cast<size_t>(index)];
}

Evaluation evaluate(const Ruleset& ruleset, const Household& household, Trace trace) {
    Evaluation evaluation;
    evaluation.ruleset = &ruleset;
    evaluation.household = &household;
    evaluation.traced = trace == Trace::Record;
    evaluation.packs.resize(ruleset.packs.size());
    for (size_t i = 0; i < ruleset.packs.size(); ++i) {
        PackRun(ruleset.packs[i], household, evaluation.packs[i], evaluation.traced).run();
    }
    return evaluation;
}

void Coverage::add(const PackEvaluation& pack) {
    const NodeTrace& trace = pack.trace;
    const size_t nodes = trace.stride ? trace.values.size() / trace.stride : 0;
    if (seen.size() < nodes) seen.resize(nodes, 0);
    for (size_t node = 0; node < nodes; ++node) {
        for (size_t m = 0; m < trace.stride; ++m) {
            const std::uint8_t v = trace.values[node * trace.stride + m];
            if (v == 1) seen[node] |= 2;  // false
            if (v == 2) seen[node] |= 1;  // true
        }
    }
}

}  // namespace carecheck
