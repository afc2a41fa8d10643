#include "render/explain.h"

#include <algorithm>

#include "render/json_writer.h"

namespace carecheck {

namespace {

const char* tri_name(Tri value) { return value == Tri::True ? "true" : value == Tri::False ? "false" : "unknown"; }

/// A fact read by a node: the fact actually read and the member it was read for (-1: none).
using Read = std::pair<const Condition*, int>;

class Explainer {
public:
    Explainer(const Evaluation& evaluation, const PackEvaluation& pack)
        : household_(*evaluation.household), ruleset_(*evaluation.ruleset), pack_(pack) {}

    std::optional<Tri> value(const Condition& c, int member) const { return pack_.trace.at(c.id, member); }

    /// Adds a fact read once: a subtree that tests the same answer twice lists it once.
    void add_read(std::vector<Read>& reads, const Condition& c, int member) const {
        const Fact* source = read_answer(household_, *c.fact, member).second;
        const int shown = source->about == FactAbout::Member ? member : -1;
        for (const Read& r : reads) {
            if (read_answer(household_, *r.first->fact, r.second).second == source &&
                (source->about == FactAbout::Member ? r.second : -1) == shown) {
                return;
            }
        }
        reads.emplace_back(&c, member);
    }

    void write_read(JsonWriter& w, const Read& read) const {
        const auto [answer, source] = read_answer(household_, *read.first->fact, read.second);
        w.raw("{").key("fact").string(source->id);
        if (source->about == FactAbout::Member && read.second >= 0) w.raw(",").key("member").string(member_id(read.second));
        w.raw(",").key("value");
        if (answer) {
            w.json(value_json(*source, *answer));
        } else {
            w.null();
        }
        w.raw("}");
    }

    const std::string& member_id(int member) const { return household_.members[static_cast<size_t>(member)].id; }

    /// Writes the traces under `c` to `traces` (comma-separated, `first` says whether one was
    /// written yet) and adds the facts read outside any explained descendant to `reads`.
    void collect(const Condition& c, int member, bool failed_only, std::string& traces, bool& first,
                 std::vector<Read>& reads) const {
        const std::optional<Tri> v = value(c, member);
        if (!v) return;                               // not reached
        if (failed_only && *v != Tri::False) return;  // what passed is not why the answer is no
        if (c.text) {
            std::vector<Read> own_reads;
            std::string children;
            bool no_child = true;
            if (reads_fact(c)) add_read(own_reads, c, member);
            each_child(c, member, [&](const Condition& child, int m) {
                collect(child, m, failed_only, children, no_child, own_reads);
            });
            JsonWriter w(traces);
            w.raw(first ? "{" : ",{").key("text").text(*c.text).raw(",").key("cite").cite(c.cite);
            w.raw(",").key("value").raw("\"").raw(tri_name(*v)).raw("\"");
            if (member >= 0) w.raw(",").key("member").string(member_id(member));
            w.raw(",").key("facts").raw("[");
            for (size_t i = 0; i < own_reads.size(); ++i) {
                if (i) w.raw(",");
                write_read(w, own_reads[i]);
            }
            w.raw("],").key("children").raw("[").raw(children).raw("]");
            // Which rule this line comes from: the node id and its JSON pointer in the pack file.
            w.raw(",").key("node").integer(c.id).raw(",").key("rule").string(c.path).raw("}");
            first = false;
            return;
        }
        if (reads_fact(c)) add_read(reads, c, member);
        each_child(c, member, [&](const Condition& child, int m) {
            collect(child, m, failed_only, traces, first, reads);
        });
    }

    /// The deepest explained nodes that make `c` false (descending only where the failure keeps
    /// its meaning: through all/any/every/some and named conditions, not through not/none).
    void failing(const Condition& c, int member, std::vector<std::pair<const Condition*, int>>& out) const {
        if (value(c, member) != Tri::False) return;
        std::vector<std::pair<const Condition*, int>> deeper;
        if (keeps_failure(c)) each_child(c, member, [&](const Condition& child, int m) { failing(child, m, deeper); });
        if (!deeper.empty()) {
            out.insert(out.end(), deeper.begin(), deeper.end());
        } else if (c.text) {
            out.emplace_back(&c, member);
        }
    }

    /// The first false numeric/date/option comparison on the failing path under `c`.
    std::pair<const Condition*, int> failing_leaf(const Condition& c, int member) const {
        if (value(c, member) != Tri::False) return {nullptr, -1};
        if ((c.op == Op::Compare || c.op == Op::In) && read_answer(household_, *c.fact, member).first) {
            return {&c, member};
        }
        std::pair<const Condition*, int> found{nullptr, -1};
        if (keeps_failure(c)) {
            each_child(c, member, [&](const Condition& child, int m) {
                if (!found.first) found = failing_leaf(child, m);
            });
        }
        return found;
    }

    std::optional<Text> hint_for(const Condition& c, int member) const {
        const auto [answer, source] = read_answer(household_, *c.fact, member);
        const Fact& fact = *source;
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
        if (fact.type != FactType::Number) return std::nullopt;
        static const char* const kSymbols[] = {"=", "≠", "<", "≤", ">", "≥"};
        const std::string symbol = kSymbols[static_cast<int>(c.cmp)];
        const std::string want = format_number(c.number);
        const std::string now = format_number(answer->number);
        Text hint = make_text("需要 " + symbol + " " + want + fact.unit.zh + "，现在是 " + now + fact.unit.zh,
                              "needs " + symbol + " " + want + " " + fact.unit.en + ", now " + now + " " + fact.unit.en);
        // A threshold on an age known from a birth date: say the day it will be reached.
        if (!fact.derive_years_since.empty() && member >= 0 && (c.cmp == Cmp::Ge || c.cmp == Cmp::Gt) &&
            fact.about == FactAbout::Member) {
            // A derived fact and its date are about the same subject (the loader checks it).
            const Fact* birth_fact = ruleset_.find_fact(fact.derive_years_since);
            const Value& birth = household_.members[static_cast<size_t>(member)].facts[birth_fact->slot];
            if (birth.known()) {
                const Date born = date_from_day_number(static_cast<int>(birth.number));
                const int years = static_cast<int>(c.number) + (c.cmp == Cmp::Gt ? 1 : 0);
                if (years_between(born, household_.as_of) < years) {
                    const std::string when = format_date(anniversary(born, years));
                    const std::string y = std::to_string(years);
                    hint.zh += "；" + when + " 满 " + y + fact.unit.zh;
                    hint.en += "; turns " + y + " on " + when;
                }
            }
        }
        return hint;
    }

private:
    static bool keeps_failure(const Condition& c) {
        return c.op == Op::All || c.op == Op::Any || c.op == Op::Every || c.op == Op::Some || c.op == Op::Ref;
    }

    template <class Visit>
    void each_child(const Condition& c, int member, Visit visit) const {
        for_children(*pack_.pack, household_, c, member, visit);
    }

    const Household& household_;
    const Ruleset& ruleset_;
    const PackEvaluation& pack_;
};

}  // namespace

OrderedJson fact_ref_json(const Household& household, const FactRef& ref) {
    OrderedJson j{{"fact", ref.fact->id}};
    if (ref.member >= 0) j["member"] = household.members[static_cast<size_t>(ref.member)].id;
    return j;
}

void write_trace(const Evaluation& evaluation, const PackEvaluation& pack, const Condition& root, int member,
                 bool failed_only, std::string& out, bool& first) {
    Explainer explainer(evaluation, pack);
    std::vector<Read> stray;  // facts read above every explained node: shown nowhere
    explainer.collect(root, member, failed_only, out, first, stray);
}

void write_would_change(const Evaluation& evaluation, const PackEvaluation& pack, const Outcome& outcome,
                        std::string& out) {
    JsonWriter w(out);
    w.raw("[");
    if (outcome.status == Status::NotEligible) {
        Explainer explainer(evaluation, pack);
        std::vector<std::pair<const Condition*, int>> nodes;
        explainer.failing(*outcome.program->conditions, outcome.member, nodes);
        for (size_t i = 0; i < nodes.size(); ++i) {
            const auto& [node, member] = nodes[i];
            w.raw(i ? ",{" : "{").key("text").text(*node->text).raw(",").key("cite").cite(node->cite);
            if (member >= 0) w.raw(",").key("member").string(explainer.member_id(member));
            const auto leaf = explainer.failing_leaf(*node, member);
            if (leaf.first) {
                if (auto hint = explainer.hint_for(*leaf.first, leaf.second)) w.raw(",").key("hint").text(*hint);
            }
            w.raw(",").key("node").integer(node->id).raw(",").key("rule").string(node->path).raw("}");
        }
    }
    w.raw("]");
}

}  // namespace carecheck
