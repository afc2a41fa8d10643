#include "explain.h"

#include <algorithm>

namespace carecheck {

namespace {

const char* tri_name(Tri value) {
    return value == Tri::True ? "true" : value == Tri::False ? "false" : "unknown";
}

const EvalNode& at(const Outcome& outcome, int index) { return outcome.nodes[static_cast<size_t>(index)]; }

/// Adds a fact read once: a subtree that tests the same answer twice lists it once.
void add_read(OrderedJson& facts, OrderedJson read) {
    for (const auto& existing : facts) {
        if (existing == read) return;
    }
    facts.push_back(std::move(read));
}

OrderedJson read_json(const EvalNode& node) {
    OrderedJson read{{"fact", node.fact->id}};
    if (node.fact->about == FactAbout::Member && node.member) read["member"] = node.member->id;
    read["value"] = node.fact_value ? to_ordered(*node.fact_value) : OrderedJson();
    return read;
}

/// Appends the traces under `index` to `traces` and the facts read outside any explained
/// descendant to `facts`.
void collect_trace(const Outcome& outcome, int index, bool failed_only, OrderedJson& traces, OrderedJson& facts) {
    const EvalNode& node = at(outcome, index);
    if (failed_only && node.value != Tri::False) return;  // what passed is not why the answer is no
    if (node.condition->text) {
        OrderedJson trace;
        trace["text"] = to_json(*node.condition->text);
        trace["cite"] = to_json(node.condition->cite);
        trace["value"] = tri_name(node.value);
        if (node.member) trace["member"] = node.member->id;
        OrderedJson own_facts = OrderedJson::array();
        OrderedJson children = OrderedJson::array();
        if (node.fact) add_read(own_facts, read_json(node));
        for (int child : node.children) collect_trace(outcome, child, failed_only, children, own_facts);
        trace["facts"] = std::move(own_facts);
        trace["children"] = std::move(children);
        traces.push_back(std::move(trace));
        return;
    }
    if (node.fact) add_read(facts, read_json(node));
    for (int child : node.children) collect_trace(outcome, child, failed_only, traces, facts);
}

void add_missing(const Outcome& outcome, int index, std::vector<FactRef>& out) {
    const EvalNode& node = at(outcome, index);
    if (node.value != Tri::Unknown) return;
    if (node.fact) {
        const FactRef ref{node.fact, node.fact->about == FactAbout::Member ? node.member : nullptr};
        if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
    }
    if (node.program) {
        for (const FactRef& ref : missing_facts(*node.program)) {
            if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
        }
    }
    for (int child : node.children) add_missing(outcome, child, out);
}

/// The deepest explained nodes that make `index` false (descending only where the failure
/// keeps its meaning: through all/any/every/some and named conditions, not through not/none).
void failing(const Outcome& outcome, int index, std::vector<int>& out) {
    const EvalNode& node = at(outcome, index);
    if (node.value != Tri::False) return;
    std::vector<int> deeper;
    switch (node.condition->op) {
        case Op::All: case Op::Any: case Op::Every: case Op::Some: case Op::Ref:
            for (int child : node.children) failing(outcome, child, deeper);
            break;
        default:
            break;
    }
    if (!deeper.empty()) {
        out.insert(out.end(), deeper.begin(), deeper.end());
    } else if (node.condition->text) {
        out.push_back(index);
    }
}

/// The first false numeric/date/option comparison on the failing path under `index`.
const EvalNode* failing_leaf(const Outcome& outcome, int index) {
    const EvalNode& node = at(outcome, index);
    if (node.value != Tri::False) return nullptr;
    if (node.fact && node.fact_value &&
        (node.condition->op == Op::Compare || node.condition->op == Op::In)) {
        return &node;
    }
    switch (node.condition->op) {
        case Op::All: case Op::Any: case Op::Every: case Op::Some: case Op::Ref:
            for (int child : node.children) {
                if (const EvalNode* leaf = failing_leaf(outcome, child)) return leaf;
            }
            break;
        default:
            break;
    }
    return nullptr;
}

std::optional<Text> hint_for(const EvalNode& leaf, const Date& as_of) {
    const Condition& c = *leaf.condition;
    const Fact& fact = *leaf.fact;
    if (c.op == Op::In) {
        Text hint = make_text("需要是：", "needs to be: ");
        for (size_t i = 0; i < c.set.size(); ++i) {
            const Option* option = fact.option(c.set[i]);
            if (!option) continue;
            hint.zh += (i ? "、" : "") + option->name.zh;
            hint.en += (i ? ", " : "") + option->name.en;
        }
        return hint;
    }
    if (fact.type != FactType::Number || !leaf.fact_value->is_number() || !c.operand.is_number()) return std::nullopt;
    static const char* const kSymbols[] = {"=", "≠", "<", "≤", ">", "≥"};
    const std::string symbol = kSymbols[static_cast<int>(c.cmp)];
    const std::string want = format_number(c.operand.get<double>());
    const std::string now = format_number(leaf.fact_value->get<double>());
    Text hint = make_text("需要 " + symbol + " " + want + fact.unit.zh + "，现在是 " + now + fact.unit.zh,
                          "needs " + symbol + " " + want + " " + fact.unit.en + ", now " + now + " " + fact.unit.en);
    // A threshold on an age known from a birth date: say the day it will be reached.
    if (!fact.derive_years_since.empty() && leaf.member && (c.cmp == Cmp::Ge || c.cmp == Cmp::Gt)) {
        auto birth = leaf.member->facts.find(fact.derive_years_since);
        if (birth != leaf.member->facts.end() && birth->second.is_string()) {
            if (auto born = parse_date(birth->second.get<std::string>())) {
                const int years = static_cast<int>(c.operand.get<double>()) + (c.cmp == Cmp::Gt ? 1 : 0);
                const Date day = anniversary(*born, years);
                if (years_between(*born, as_of) < years) {
                    const std::string when = format_date(day);
                    const std::string y = std::to_string(years);
                    hint.zh += "；" + when + " 满 " + y + fact.unit.zh;
                    hint.en += "; turns " + y + " on " + when;
                }
            }
        }
    }
    return hint;
}

}  // namespace

OrderedJson fact_ref_json(const FactRef& ref) {
    OrderedJson j{{"fact", ref.fact->id}};
    if (ref.member) j["member"] = ref.member->id;
    return j;
}

OrderedJson trace_json(const Outcome& outcome, int root, bool failed_only) {
    OrderedJson traces = OrderedJson::array();
    OrderedJson stray = OrderedJson::array();
    if (root >= 0) collect_trace(outcome, root, failed_only, traces, stray);
    return traces;
}

std::vector<FactRef> missing_facts(const Outcome& outcome) {
    std::vector<FactRef> out;
    if (outcome.root >= 0) add_missing(outcome, outcome.root, out);
    if (outcome.unless_root >= 0) add_missing(outcome, outcome.unless_root, out);
    // An eligible program whose amount still depends on an answer: those facts count too.
    if (outcome.status != Status::NotEligible) {
        for (int root : outcome.amount_roots) add_missing(outcome, root, out);
    }
    return out;
}

OrderedJson would_change_json(const Outcome& outcome, const Date& as_of) {
    OrderedJson list = OrderedJson::array();
    if (outcome.status != Status::NotEligible || outcome.root < 0) return list;
    std::vector<int> nodes;
    failing(outcome, outcome.root, nodes);
    for (int index : nodes) {
        const EvalNode& node = at(outcome, index);
        OrderedJson item;
        item["text"] = to_json(*node.condition->text);
        item["cite"] = to_json(node.condition->cite);
        if (node.member) item["member"] = node.member->id;
        if (const EvalNode* leaf = failing_leaf(outcome, index)) {
            if (auto hint = hint_for(*leaf, as_of)) item["hint"] = to_json(*hint);
        }
        list.push_back(std::move(item));
    }
    return list;
}

}  // namespace carecheck
