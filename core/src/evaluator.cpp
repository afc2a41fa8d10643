#include "evaluator.h"

#include "condition_compiler.h"

namespace carecheck {

namespace {

Tri from_bool(bool value) { return value ? Tri::True : Tri::False; }

template <class T>
bool ordered(Cmp cmp, const T& a, const T& b) {
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

bool compare(Cmp cmp, const Json& left, const Json& right) {
    if (left.is_number() && right.is_number()) return ordered(cmp, left.get<double>(), right.get<double>());
    if (left.is_string() && right.is_string()) {  // dates compare as YYYY-MM-DD text
        return ordered(cmp, left.get_ref<const std::string&>(), right.get_ref<const std::string&>());
    }
    const bool equal = left == right;
    return cmp == Cmp::Ne ? !equal : equal;
}

bool contains(const std::vector<std::string>& set, const std::string& value) {
    for (const std::string& item : set) {
        if (item == value) return true;
    }
    return false;
}

Tri test_fact(const Condition& c, const Json& value) {
    switch (c.op) {
        case Op::Compare:
            return from_bool(compare(c.cmp, value, c.operand));
        case Op::In:
            return from_bool(contains(c.set, value.get<std::string>()));
        case Op::InRegion: {
            const std::string& code = value.get_ref<const std::string&>();
            for (const std::string& prefix : c.set) {
                if (code.compare(0, prefix.size(), prefix) == 0) return Tri::True;
            }
            return Tri::False;
        }
        case Op::HasAny:
        case Op::HasAll:
        case Op::HasNone: {
            size_t hits = 0;
            for (const Json& item : value) hits += contains(c.set, item.get<std::string>()) ? 1 : 0;
            if (c.op == Op::HasAny) return from_bool(hits > 0);
            if (c.op == Op::HasNone) return from_bool(hits == 0);
            size_t wanted = 0;
            for (const std::string& option : c.set) {
                for (const Json& item : value) wanted += item.get<std::string>() == option ? 1 : 0;
            }
            return from_bool(wanted == c.set.size());
        }
        default:
            return Tri::Unknown;
    }
}

Tri status_matches(const Condition& c, Status status) {
    for (Status wanted : c.statuses) {
        if (wanted == status) return Tri::True;
    }
    return status == Status::NeedsAnswers ? Tri::Unknown : Tri::False;
}

}  // namespace

void Coverage::mark(const Condition& condition, Tri value) {
    if (condition.id < 0 || value == Tri::Unknown) return;
    const size_t id = static_cast<size_t>(condition.id);
    if (seen.size() <= id) seen.resize(id + 1, 0);
    seen[id] |= value == Tri::True ? 1 : 2;
}

std::vector<const Member*> members_with_role(const Household& household, const std::string& role) {
    std::vector<const Member*> out;
    for (const Member& member : household.members) {
        if (role.empty() || member.has_role(role)) out.push_back(&member);
    }
    return out;
}

PackEvaluator::PackEvaluator(const Pack& pack, const Household& household, Coverage* coverage)
    : pack_(pack), household_(household), coverage_(coverage) {}

std::vector<const Outcome*> PackEvaluator::evaluate_all() {
    std::vector<const Outcome*> out;
    for (const Program& program : pack_.programs) {
        if (!program.per_member) {
            out.push_back(&outcome(program.index, nullptr));
            continue;
        }
        for (const Member* member : members_with_role(household_, program.for_each_role)) {
            out.push_back(&outcome(program.index, member));
        }
    }
    return out;
}

const Outcome& PackEvaluator::outcome(size_t program_index, const Member* member) {
    const auto key = std::make_pair(program_index, member);
    auto found = outcomes_.find(key);
    if (found != outcomes_.end()) return *found->second;
    auto owned = std::make_unique<Outcome>();
    Outcome& out = *owned;
    outcomes_.emplace(key, std::move(owned));
    const Program& program = pack_.programs[program_index];
    out.program = &program;
    out.member = member;

    out.root = eval(out, *program.conditions, member);
    const Tri conditions = out.nodes[static_cast<size_t>(out.root)].value;
    if (conditions == Tri::False) {
        out.status = Status::NotEligible;
    } else if (conditions == Tri::Unknown) {
        out.status = Status::NeedsAnswers;
    } else if (program.kind == "related_policy") {
        out.status = Status::WorthAsking;
    } else if (!program.local) {
        out.status = Status::Eligible;
    } else if (!program.local->unless) {
        out.status = Status::DependsOnLocal;
    } else {
        out.unless_root = eval(out, *program.local->unless, member);
        const Tri unless = out.nodes[static_cast<size_t>(out.unless_root)].value;
        out.status = unless == Tri::True    ? Status::Eligible
                     : unless == Tri::False ? Status::DependsOnLocal
                                            : Status::NeedsAnswers;
    }
    if (program.amount) {
        out.amount = compute_amount(*program.amount, pack_, household_, [&](const Condition& when) {
            const int root = eval(out, when, member);
            out.amount_roots.push_back(root);
            const Tri value = out.nodes[static_cast<size_t>(root)].value;
            return value == Tri::Unknown ? std::nullopt : std::optional<bool>(value == Tri::True);
        });
    }
    return out;
}

std::optional<Json> PackEvaluator::lookup(const Fact& fact, const Member* member) const {
    const std::map<std::string, Json>* answers = &household_.facts;
    if (fact.about == FactAbout::Member) {
        if (!member) return std::nullopt;
        answers = &member->facts;
    }
    auto found = answers->find(fact.id);
    if (found != answers->end() && !found->second.is_null()) return found->second;
    if (!fact.derive_years_since.empty()) {
        auto from = answers->find(fact.derive_years_since);
        if (from != answers->end() && from->second.is_string()) {
            if (auto birth = parse_date(from->second.get<std::string>())) {
                return Json(years_between(*birth, household_.as_of));
            }
        }
    }
    return std::nullopt;
}

std::pair<std::optional<Json>, const Fact*> PackEvaluator::lookup_with_default(const Fact& fact,
                                                                              const Member* member) const {
    const Fact* tried = &fact;
    for (const Fact* f = &fact; f; f = f->default_fact) {
        tried = f;
        if (auto value = lookup(*f, member)) return {std::move(value), f};
    }
    return {std::nullopt, tried};
}

int PackEvaluator::eval(Outcome& out, const Condition& c, const Member* member) {
    const int index = static_cast<int>(out.nodes.size());
    out.nodes.push_back(EvalNode{});
    out.nodes.back().condition = &c;
    out.nodes.back().member = member;
    Tri value = Tri::Unknown;
    // `out.nodes` grows while children are evaluated: re-fetch the node by index each time.
    auto node = [&]() -> EvalNode& { return out.nodes[static_cast<size_t>(index)]; };
    switch (c.op) {
        case Op::All:
        case Op::Any: {
            const Tri decisive = c.op == Op::All ? Tri::False : Tri::True;
            bool unknown = false;
            value = c.op == Op::All ? Tri::True : Tri::False;
            for (const auto& child : c.children) {
                const int child_index = eval(out, *child, member);
                node().children.push_back(child_index);
                const Tri child_value = out.nodes[static_cast<size_t>(child_index)].value;
                if (child_value == decisive) {
                    value = decisive;
                    unknown = false;
                    break;
                }
                unknown = unknown || child_value == Tri::Unknown;
            }
            if (unknown) value = Tri::Unknown;
            break;
        }
        case Op::Not: {
            const int child_index = eval(out, *c.children.front(), member);
            node().children.push_back(child_index);
            const Tri child_value = out.nodes[static_cast<size_t>(child_index)].value;
            value = child_value == Tri::Unknown ? Tri::Unknown : from_bool(child_value == Tri::False);
            break;
        }
        case Op::Compare:
        case Op::In:
        case Op::InRegion:
        case Op::HasAny:
        case Op::HasAll:
        case Op::HasNone:
        case Op::Answered: {
            auto [fact_value, source] = lookup_with_default(*c.fact, member);
            if (c.op == Op::Answered) {
                value = from_bool(fact_value.has_value());
            } else if (fact_value) {
                value = test_fact(c, *fact_value);
            }
            node().fact = source;
            node().fact_value = std::move(fact_value);
            break;
        }
        case Op::Some:
        case Op::Every:
        case Op::None:
        case Op::Count:
            value = eval_quantifier(out, index, c);
            break;
        case Op::HasRole:
            value = member ? from_bool(member->has_role(c.role)) : Tri::Unknown;
            break;
        case Op::Ref: {
            const int child_index = eval(out, *pack_.named[static_cast<size_t>(c.target)].condition, member);
            node().children.push_back(child_index);
            value = out.nodes[static_cast<size_t>(child_index)].value;
            break;
        }
        case Op::Program: {
            const Program& target = pack_.programs[static_cast<size_t>(c.target)];
            const Outcome& referred = outcome(target.index, target.per_member ? member : nullptr);
            node().program = &referred;
            value = status_matches(c, referred.status);
            break;
        }
    }
    node().value = value;
    if (coverage_) coverage_->mark(c, value);
    return index;
}

Tri PackEvaluator::eval_quantifier(Outcome& out, int index, const Condition& c) {
    size_t trues = 0, unknowns = 0;
    for (const Member* member : members_with_role(household_, c.role)) {
        const int child_index = eval(out, *c.children.front(), member);
        out.nodes[static_cast<size_t>(index)].children.push_back(child_index);
        const Tri v = out.nodes[static_cast<size_t>(child_index)].value;
        trues += v == Tri::True ? 1 : 0;
        unknowns += v == Tri::Unknown ? 1 : 0;
        // Short-circuit once the answer is settled.
        if ((c.op == Op::Some || c.op == Op::None) && v == Tri::True) break;
        if (c.op == Op::Every && v == Tri::False) break;
    }
    switch (c.op) {
        case Op::Some:
            return trues > 0 ? Tri::True : unknowns > 0 ? Tri::Unknown : Tri::False;
        case Op::None:
            return trues > 0 ? Tri::False : unknowns > 0 ? Tri::Unknown : Tri::True;
        case Op::Every: {
            const size_t falses_seen = out.nodes[static_cast<size_t>(index)].children.size() - trues - unknowns;
            return falses_seen > 0 ? Tri::False : unknowns > 0 ? Tri::Unknown : Tri::True;
        }
        default: {
            // Count: true if the comparison holds for every possible count, false if for none.
            bool any_true = false, any_false = false;
            for (size_t n = trues; n <= trues + unknowns; ++n) {
                (compare(c.cmp, Json(n), c.operand) ? any_true : any_false) = true;
            }
            return any_true && any_false ? Tri::Unknown : from_bool(any_true);
        }
    }
}

}  // namespace carecheck
