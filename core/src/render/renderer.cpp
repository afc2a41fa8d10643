// The result, screening line, questions and describe documents, written from an Evaluation.
#include <algorithm>

#include "carecheck/render.h"
#include "render/explain.h"
#include "render/json_writer.h"
#include "render/words.h"

namespace carecheck {

namespace {

std::string dump(const OrderedJson& json) { return json.dump(-1, ' ', false, OrderedJson::error_handler_t::replace); }

/// An object's members without the braces, to be spliced into a larger object.
std::string members_of(const OrderedJson& object) {
    const std::string text = dump(object);
    return text.size() > 2 ? text.substr(1, text.size() - 2) : std::string();
}

OrderedJson text_list(const std::vector<Text>& texts) {
    OrderedJson list = OrderedJson::array();
    for (const Text& text : texts) list.push_back(to_json(text));
    return list;
}

const char* kind_name(AmountKind kind) {
    static const char* const kKinds[] = {"none", "fixed", "floor", "per_day", "formula", "local", "by_case"};
    return kKinds[static_cast<int>(kind)];
}

void write_amount(JsonWriter& w, const Outcome& outcome, const Pack& pack) {
    const AmountResult& a = outcome.amount;
    const Amount& declared = *outcome.program->amount;
    const Amount& used = a.amount ? *a.amount : declared;
    w.raw("{").key("kind").raw("\"").raw(a.amount ? kind_name(used.kind) : "by_case").raw("\",");
    w.key("value");
    a.value ? w.number(*a.value) : w.null();
    w.raw(",").key("per").string(used.per).raw(",").key("period").string(used.period);
    if (used.kind == AmountKind::PerDay && used.max_days_per_month > 0) {
        w.raw(",").key("max_days_per_month").integer(used.max_days_per_month);
    }
    if (used.kind == AmountKind::Formula) {
        w.raw(",").key("parameter").string(used.parameter).raw(",").key("factor").number(used.factor);
    }
    if (used.per_meal) w.raw(",").key("per_meal").boolean(true);
    if (a.people > 0) w.raw(",").key("people").integer(a.people);
    w.raw(",").key("yearly");
    a.yearly ? w.number(*a.yearly) : w.null();
    w.raw(",").key("bound").raw("\"").raw(bound_name(a.bound)).raw("\"");
    w.raw(",").key("paid_to").string(*a.paid_to);
    if (a.suggested) w.raw(",").key("suggested").boolean(true);
    if (a.adjustable) w.raw(",").key("adjustable").boolean(true);
    w.raw(",").key("text").text(amount_words(a, pack));
    const Text& note = !used.note.empty() ? used.note : declared.note;
    if (!note.empty()) w.raw(",").key("note").text(note);
    if (used.kind == AmountKind::Local) w.raw(",").key("decided_by").text(used.decided_by);
    w.raw("}");
}

OrderedJson apply_json(const Apply& apply) {
    OrderedJson j;
    if (!apply.documents.empty()) j["documents"] = text_list(apply.documents);
    if (!apply.where.empty()) j["where"] = to_json(apply.where);
    if (!apply.how.empty()) j["how"] = to_json(apply.how);
    if (!apply.lead.empty()) j["lead"] = to_json(apply.lead);
    return j;
}

void write_missing(JsonWriter& w, const Evaluation& e, const std::vector<FactRef>& missing) {
    w.raw("[");
    for (size_t i = 0; i < missing.size(); ++i) {
        w.raw(i ? ",{" : "{").key("fact").string(missing[i].fact->id);
        if (missing[i].member >= 0) {
            w.raw(",").key("member").string(e.household->members[static_cast<size_t>(missing[i].member)].id);
        }
        w.raw("}");
    }
    w.raw("]");
}

/// The members of a result entry that depend on the household, without braces.
void write_outcome(std::string& out, const Evaluation& e, const PackEvaluation& pack, const Outcome& outcome) {
    const Program& p = *outcome.program;
    JsonWriter w(out);
    if (outcome.member >= 0) w.key("member").string(e.household->members[static_cast<size_t>(outcome.member)].id).raw(",");
    w.key("status").raw("\"").raw(status_name(outcome.status)).raw("\",");
    w.key("status_text").text(status_text(outcome.status, p.related_policy));
    if (p.amount && outcome.amount.present) {
        w.raw(",").key("amount");
        write_amount(w, outcome, *pack.pack);
    }
    w.raw(",").key("why").raw("[");
    bool first = true;
    write_trace(e, pack, *p.conditions, outcome.member, outcome.status == Status::NotEligible, out, first);
    if (outcome.unless_evaluated) write_trace(e, pack, *p.local->unless, outcome.member, false, out, first);
    w.raw("]");
    if (outcome.status == Status::NeedsAnswers || (outcome.status != Status::NotEligible && outcome.amount_cases > 0)) {
        const std::vector<FactRef> missing = missing_facts(e, pack, outcome);
        if (!missing.empty() || outcome.status == Status::NeedsAnswers) {
            w.raw(",").key("missing");
            write_missing(w, e, missing);
        }
    }
    if (outcome.status == Status::NotEligible) {
        w.raw(",").key("would_change");
        write_would_change(e, pack, outcome, out);
    }
    if (outcome.status == Status::DependsOnLocal && p.local) {
        w.raw(",").key("local").raw("{").key("decided_by").text(p.local->decided_by);
        w.raw(",").key("text").text(p.local->text).raw(",").key("cite").cite(p.local->cite).raw("}");
    }
}

OrderedJson groups_json(const Evaluation& e, const PackEvaluation& pack) {
    OrderedJson groups = OrderedJson::array();
    for (size_t g = 0; g < pack.pack->groups.size(); ++g) {
        const ExclusiveGroup& group = pack.pack->groups[g];
        std::vector<const Outcome*> members;
        for (size_t i = 0; i < pack.listed; ++i) {
            const Outcome& o = pack.outcomes[i];
            if (o.program->group_index == static_cast<int>(g) && o.status != Status::NotEligible) members.push_back(&o);
        }
        // Highest yearly value first; unknown values after known ones; ties keep pack order.
        std::stable_sort(members.begin(), members.end(), [](const Outcome* a, const Outcome* b) {
            return a->amount.yearly.value_or(-1) > b->amount.yearly.value_or(-1);
        });
        OrderedJson ranked = OrderedJson::array();
        for (const Outcome* o : members) {
            OrderedJson entry{{"program", o->program->id}};
            if (o->member >= 0) entry["member"] = e.household->members[static_cast<size_t>(o->member)].id;
            ranked.push_back(std::move(entry));
        }
        groups.push_back(OrderedJson{{"id", group.id},
                                     {"name", to_json(group.name)},
                                     {"rule", group.rule},
                                     {"cite", to_json(group.cite)},
                                     {"ranked", std::move(ranked)}});
    }
    return groups;
}

OrderedJson pack_header(const Pack& pack) {
    OrderedJson j;
    j["id"] = pack.id;
    j["title"] = to_json(pack.title);
    j["status"] = pack.status;
    j["status_note"] = to_json(pack.status_note);
    for (const char* key : {"issuer", "doc_number", "jurisdiction", "dates", "source"}) {
        if (pack.meta.contains(key)) j[key] = to_ordered(pack.meta.at(key));
    }
    return j;
}

/// The unanswered facts that can still change an undetermined outcome, most programs first.
OrderedJson questions_list(const Evaluation& e) {
    struct Candidate {
        FactRef ref;
        size_t programs = 0;
    };
    const Household& household = *e.household;
    std::vector<Candidate> candidates;
    for (const PackEvaluation& pack : e.packs) {
        for (size_t i = 0; i < pack.listed; ++i) {
            const Outcome& o = pack.outcomes[i];
            if (o.status == Status::NotEligible) continue;
            for (const FactRef& ref : missing_facts(e, pack, o)) {
                // "Not sure" answers stay unknown but are not asked again.
                const std::vector<Value>& answers =
                    ref.member >= 0 ? household.members[static_cast<size_t>(ref.member)].facts : household.facts;
                if (answers[ref.fact->slot].state != Answer::Absent) continue;
                auto found = std::find_if(candidates.begin(), candidates.end(),
                                          [&](const Candidate& c) { return c.ref == ref; });
                if (found == candidates.end()) {
                    candidates.push_back(Candidate{ref, 0});
                    found = candidates.end() - 1;
                }
                ++found->programs;
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.programs != b.programs) return a.programs > b.programs;
        if (a.ref.fact->order != b.ref.fact->order) return a.ref.fact->order < b.ref.fact->order;
        return a.ref.member < b.ref.member;
    });
    OrderedJson questions = OrderedJson::array();
    for (const Candidate& c : candidates) {
        OrderedJson q{{"fact", c.ref.fact->id}};
        if (c.ref.member >= 0) q["member"] = household.members[static_cast<size_t>(c.ref.member)].id;
        q["programs"] = c.programs;
        const OrderedJson fact = fact_json(*c.ref.fact);
        for (auto& [key, value] : fact.items()) {
            if (key != "id") q[key] = value;
        }
        questions.push_back(std::move(q));
    }
    return questions;
}

}  // namespace

/// The parts of results that never change, rendered once per rule set.
struct Renderer::Pieces {
    struct ProgramPieces {
        std::string head;         // "id":…,"kind":…,"name":…,"summary":…
        std::string tail;         // ,"exclusive_group":…,"citations":…,"apply":…,"notes":…
        std::string screen_head;  // {"pack":…,"program":… of a screening line's entry
    };
    std::vector<std::string> pack_headers;  // each pack's header without its closing brace
    std::vector<std::vector<ProgramPieces>> programs;
};

Renderer::Renderer(const Ruleset& ruleset) : ruleset_(&ruleset), pieces_(std::make_unique<Pieces>()) {
    for (const Pack& pack : ruleset.packs) {
        const std::string header = dump(pack_header(pack));
        pieces_->pack_headers.push_back(header.substr(0, header.size() - 1));
        std::vector<Pieces::ProgramPieces> programs;
        for (const Program& p : pack.programs) {
            OrderedJson head{{"id", p.id}, {"kind", p.kind}, {"name", to_json(p.name)}};
            if (!p.summary.empty()) head["summary"] = to_json(p.summary);
            OrderedJson tail;
            if (!p.exclusive_group.empty()) tail["exclusive_group"] = p.exclusive_group;
            OrderedJson cites = OrderedJson::array();
            for (const Cite& cite : p.citations) cites.push_back(to_json(cite));
            tail["citations"] = std::move(cites);
            if (!p.apply.empty()) tail["apply"] = apply_json(p.apply);
            if (!p.notes.empty()) tail["notes"] = text_list(p.notes);
            std::string screen_head;
            JsonWriter(screen_head).raw("{").key("pack").string(pack.id).raw(",").key("program").string(p.id);
            programs.push_back(Pieces::ProgramPieces{members_of(head), "," + members_of(tail), std::move(screen_head)});
        }
        pieces_->programs.push_back(std::move(programs));
    }
}

Renderer::~Renderer() = default;
Renderer::Renderer(Renderer&&) noexcept = default;
Renderer& Renderer::operator=(Renderer&&) noexcept = default;

std::string Renderer::result(const Evaluation& e) const {
    std::string out = "{\"ok\":true,\"as_of\":\"" + format_date(e.household->as_of) + "\",\"packs\":[";
    out.reserve(64 * 1024);
    for (size_t i = 0; i < e.packs.size(); ++i) {
        const PackEvaluation& pack = e.packs[i];
        out += i ? "," : "";
        out += pieces_->pack_headers[i];
        out += ",\"programs\":[";
        for (size_t k = 0; k < pack.listed; ++k) {
            const Outcome& o = pack.outcomes[k];
            const Pieces::ProgramPieces& pieces = pieces_->programs[i][o.program->index];
            out += k ? ",{" : "{";
            out += pieces.head;
            out += ",";
            write_outcome(out, e, pack, o);
            out += pieces.tail;
            out += "}";
        }
        out += "],\"exclusive_groups\":";
        out += dump(groups_json(e, pack));
        out += "}";
    }
    OrderedJson questions = questions_list(e);
    const size_t remaining = questions.size();
    out += "],\"questions\":";
    out += dump(questions);
    out += ",\"remaining\":" + std::to_string(remaining);
    return out + "}";
}

std::string Renderer::questions(const Evaluation& e) const {
    OrderedJson questions = questions_list(e);
    const size_t remaining = questions.size();
    return dump(OrderedJson{{"ok", true}, {"questions", std::move(questions)}, {"remaining", remaining}});
}

std::string Renderer::screen(const Evaluation& e, const std::string& prefix) const {
    // Written directly: this line is what batch writes per household, millions of times.
    std::string out;
    out.reserve(4096);
    JsonWriter w(out);
    w.raw("{").raw(prefix).raw("\"ok\":true,\"as_of\":\"").raw(format_date(e.household->as_of)).raw("\",\"results\":[");
    // Each member's id, quoted once for the many entries that name it.
    std::vector<std::string> member_ids;
    for (const Member& m : e.household->members) {
        member_ids.emplace_back(",\"member\":");
        JsonWriter(member_ids.back()).string(m.id);
    }
    bool first = true;
    for (size_t p = 0; p < e.packs.size(); ++p) {
        const PackEvaluation& pack = e.packs[p];
        for (size_t i = 0; i < pack.listed; ++i) {
            const Outcome& o = pack.outcomes[i];
            if (!first) w.raw(",");
            w.raw(pieces_->programs[p][o.program->index].screen_head);
            first = false;
            if (o.member >= 0) w.raw(member_ids[static_cast<size_t>(o.member)]);
            w.raw(",").key("status").raw("\"").raw(status_name(o.status)).raw("\"");
            w.raw(",").key("yearly");
            o.amount.yearly ? w.number(*o.amount.yearly) : w.null();
            if (o.program->amount) w.raw(",").key("paid_to").string(*o.amount.paid_to);
            if (o.status == Status::NeedsAnswers) {
                w.raw(",").key("missing");
                write_missing(w, e, missing_facts(e, pack, o));
            }
            w.raw("}");
        }
    }
    w.raw("]}");
    return out;
}

std::string Renderer::describe() const {
    const Ruleset& ruleset = *ruleset_;
    OrderedJson roles = OrderedJson::array();
    for (const Role& role : ruleset.roles) {
        OrderedJson r{{"id", role.id}, {"name", to_json(role.name)}};
        if (!role.help.empty()) r["help"] = to_json(role.help);
        roles.push_back(std::move(r));
    }
    OrderedJson facts = OrderedJson::array();
    for (const auto& fact : ruleset.facts) facts.push_back(fact_json(*fact));
    OrderedJson packs = OrderedJson::array();
    for (const Pack& pack : ruleset.packs) {
        OrderedJson j = pack_header(pack);
        if (pack.meta.contains("choices")) j["choices"] = to_ordered(pack.meta.at("choices"));
        OrderedJson params = OrderedJson::array();
        for (const Parameter& p : pack.parameters) {
            params.push_back(OrderedJson{{"id", p.id}, {"name", to_json(p.name)}, {"unit", p.unit},
                                         {"decided_by", to_json(p.decided_by)}});
        }
        j["parameters"] = std::move(params);
        OrderedJson programs = OrderedJson::array();
        for (const Program& p : pack.programs) {
            OrderedJson entry{{"id", p.id}, {"kind", p.kind}, {"name", to_json(p.name)}};
            if (p.per_member) entry["for_each"] = p.for_each_role.empty() ? OrderedJson::object()
                                                                          : OrderedJson{{"role", p.for_each_role}};
            programs.push_back(std::move(entry));
        }
        j["programs"] = std::move(programs);
        packs.push_back(std::move(j));
    }
    return dump(OrderedJson{{"ok", true}, {"roles", std::move(roles)}, {"facts", std::move(facts)}, {"packs", std::move(packs)}});
}

OrderedJson fact_json(const Fact& fact) {
    static const char* const kTypes[] = {"bool", "number", "one_of", "many_of", "date", "region"};
    OrderedJson j;
    j["id"] = fact.id;
    j["about"] = fact.about == FactAbout::Member ? "member" : "household";
    j["type"] = kTypes[static_cast<int>(fact.type)];
    j["question"] = to_json(fact.question);
    if (!fact.help.empty()) j["help"] = to_json(fact.help);
    if (!fact.term.empty()) j["term"] = to_json(fact.term);
    if (!fact.decided_by.empty()) j["decided_by"] = to_json(fact.decided_by);
    if (!fact.unit.empty()) j["unit"] = to_json(fact.unit);
    if (fact.min) j["min"] = *fact.min;
    if (fact.max) j["max"] = *fact.max;
    if (fact.type == FactType::Number) j["integer"] = fact.integer;
    if (!fact.options.empty()) {
        OrderedJson options = OrderedJson::array();
        for (const Option& o : fact.options) options.push_back(OrderedJson{{"id", o.id}, {"name", to_json(o.name)}});
        j["options"] = std::move(options);
    }
    if (!fact.derive_years_since.empty()) j["derive"] = OrderedJson{{"years_since", fact.derive_years_since}};
    if (!fact.ask_roles.empty()) j["ask_roles"] = fact.ask_roles;
    if (!fact.default_from.empty()) j["default_from"] = fact.default_from;
    return j;
}

}  // namespace carecheck
