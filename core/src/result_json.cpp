#include "result_json.h"

#include <algorithm>

#include "explain.h"

namespace carecheck {

namespace {

std::string dump(const OrderedJson& json) { return json.dump(-1, ' ', false, OrderedJson::error_handler_t::replace); }

/// An object's members without the braces, to be spliced into a larger object.
std::string members_of(const OrderedJson& object) {
    const std::string text = dump(object);
    return text.size() > 2 ? text.substr(1, text.size() - 2) : std::string();
}

Text status_text(Status status) {
    switch (status) {
        case Status::Eligible: return make_text("符合条件，可以申请", "You qualify and can apply");
        case Status::NotEligible: return make_text("不符合条件", "You do not qualify");
        case Status::NeedsAnswers: return make_text("还要再回答几个问题才能确定", "A few more answers are needed");
        case Status::DependsOnLocal:
            return make_text("要看当地怎么定，请去问一下", "Depends on a local decision: ask the office named below");
        case Status::WorthAsking:
            return make_text("可以去问问：文件说这项政策继续落实，但没有说您家一定能享受",
                             "Worth asking about: the text says this policy continues, but does not promise it to you");
    }
    return {};
}

OrderedJson text_list(const std::vector<Text>& texts) {
    OrderedJson list = OrderedJson::array();
    for (const Text& text : texts) list.push_back(to_json(text));
    return list;
}

OrderedJson amount_json(const Outcome& outcome) {
    const AmountResult& a = outcome.amount;
    const Amount& declared = *outcome.program->amount;
    const Amount& used = a.amount ? *a.amount : declared;
    static const char* const kKinds[] = {"none", "fixed", "floor", "per_day", "formula", "local", "by_case"};
    OrderedJson j;
    j["kind"] = a.amount ? kKinds[static_cast<int>(used.kind)] : "by_case";
    j["value"] = a.value ? OrderedJson(*a.value) : OrderedJson();
    j["per"] = used.per;
    j["period"] = used.period;
    if (used.kind == AmountKind::PerDay && used.max_days_per_month > 0) j["max_days_per_month"] = used.max_days_per_month;
    if (used.kind == AmountKind::Formula) {
        j["parameter"] = used.parameter;
        j["factor"] = used.factor;
    }
    if (used.per_meal) j["per_meal"] = true;
    if (a.people > 0) j["people"] = a.people;
    j["yearly"] = a.yearly ? OrderedJson(*a.yearly) : OrderedJson();
    j["bound"] = a.bound;
    j["paid_to"] = a.paid_to;
    if (a.suggested) j["suggested"] = true;
    if (a.adjustable) j["adjustable"] = true;
    j["text"] = to_json(a.text);
    const Text& note = !used.note.empty() ? used.note : declared.note;
    if (!note.empty()) j["note"] = to_json(note);
    if (used.kind == AmountKind::Local) j["decided_by"] = to_json(used.decided_by);
    return j;
}

OrderedJson apply_json(const Apply& apply) {
    OrderedJson j;
    if (!apply.documents.empty()) j["documents"] = text_list(apply.documents);
    if (!apply.where.empty()) j["where"] = to_json(apply.where);
    if (!apply.how.empty()) j["how"] = to_json(apply.how);
    if (!apply.lead.empty()) j["lead"] = to_json(apply.lead);
    return j;
}

/// The parts of a result entry that depend on the household.
OrderedJson outcome_json(const Outcome& outcome, const Household& household) {
    const Program& p = *outcome.program;
    OrderedJson j;
    if (outcome.member) j["member"] = outcome.member->id;
    j["status"] = status_name(outcome.status);
    j["status_text"] = to_json(status_text(outcome.status));
    if (p.amount && outcome.amount.present) j["amount"] = amount_json(outcome);
    OrderedJson why = trace_json(outcome, outcome.root, outcome.status == Status::NotEligible);
    if (outcome.unless_root >= 0) {
        for (auto& item : trace_json(outcome, outcome.unless_root, false)) why.push_back(std::move(item));
    }
    j["why"] = std::move(why);
    if (outcome.status == Status::NeedsAnswers || (outcome.status != Status::NotEligible && !outcome.amount_roots.empty())) {
        OrderedJson missing = OrderedJson::array();
        for (const FactRef& ref : missing_facts(outcome)) missing.push_back(fact_ref_json(ref));
        if (!missing.empty() || outcome.status == Status::NeedsAnswers) j["missing"] = std::move(missing);
    }
    if (outcome.status == Status::NotEligible) j["would_change"] = would_change_json(outcome, household.as_of);
    if (outcome.status == Status::DependsOnLocal && p.local) {
        j["local"] = OrderedJson{{"decided_by", to_json(p.local->decided_by)},
                                 {"text", to_json(p.local->text)},
                                 {"cite", to_json(p.local->cite)}};
    }
    return j;
}

OrderedJson groups_json(const Pack& pack, const std::vector<const Outcome*>& outcomes) {
    OrderedJson groups = OrderedJson::array();
    for (const ExclusiveGroup& group : pack.groups) {
        std::vector<const Outcome*> members;
        for (const Outcome* o : outcomes) {
            if (o->program->exclusive_group == group.id && o->status != Status::NotEligible) members.push_back(o);
        }
        // Highest yearly value first; unknown values after known ones; ties keep pack order.
        std::stable_sort(members.begin(), members.end(), [](const Outcome* a, const Outcome* b) {
            const double va = a->amount.yearly.value_or(-1);
            const double vb = b->amount.yearly.value_or(-1);
            return va > vb;
        });
        OrderedJson ranked = OrderedJson::array();
        for (const Outcome* o : members) {
            OrderedJson entry{{"program", o->program->id}};
            if (o->member) entry["member"] = o->member->id;
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

}  // namespace

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

void prepare_rendering(Ruleset& ruleset) {
    for (Pack& pack : ruleset.packs) {
        const std::string header = dump(pack_header(pack));
        pack.rendered_header = header.substr(0, header.size() - 1);
        for (Program& p : pack.programs) {
            OrderedJson head{{"id", p.id}, {"kind", p.kind}, {"name", to_json(p.name)}};
            if (!p.summary.empty()) head["summary"] = to_json(p.summary);
            p.rendered_head = members_of(head);
            OrderedJson tail;
            if (!p.exclusive_group.empty()) tail["exclusive_group"] = p.exclusive_group;
            OrderedJson cites = OrderedJson::array();
            for (const Cite& cite : p.citations) cites.push_back(to_json(cite));
            tail["citations"] = std::move(cites);
            if (!p.apply.empty()) tail["apply"] = apply_json(p.apply);
            if (!p.notes.empty()) tail["notes"] = text_list(p.notes);
            p.rendered_tail = "," + members_of(tail);
        }
    }
}

std::string result_text(const Ruleset& ruleset, const Household& household) {
    std::string out = "{\"ok\":true,\"as_of\":\"" + format_date(household.as_of) + "\",\"packs\":[";
    for (size_t i = 0; i < ruleset.packs.size(); ++i) {
        const Pack& pack = ruleset.packs[i];
        PackEvaluator evaluator(pack, household);
        const std::vector<const Outcome*> outcomes = evaluator.evaluate_all();
        out += i ? "," : "";
        out += pack.rendered_header;
        out += ",\"programs\":[";
        for (size_t k = 0; k < outcomes.size(); ++k) {
            const Program& p = *outcomes[k]->program;
            out += k ? ",{" : "{";
            out += p.rendered_head;
            out += ",";
            out += members_of(outcome_json(*outcomes[k], household));
            out += p.rendered_tail;
            out += "}";
        }
        out += "],\"exclusive_groups\":";
        out += dump(groups_json(pack, outcomes));
        out += "}";
    }
    return out + "]}";
}

OrderedJson screen_json(const Ruleset& ruleset, const Household& household) {
    OrderedJson results = OrderedJson::array();
    for (const Pack& pack : ruleset.packs) {
        PackEvaluator evaluator(pack, household);
        for (const Outcome* o : evaluator.evaluate_all()) {
            OrderedJson r{{"pack", pack.id}, {"program", o->program->id}};
            if (o->member) r["member"] = o->member->id;
            r["status"] = status_name(o->status);
            r["yearly"] = o->amount.yearly ? OrderedJson(*o->amount.yearly) : OrderedJson();
            if (o->program->amount) r["paid_to"] = o->amount.paid_to;
            if (o->status == Status::NeedsAnswers) {
                OrderedJson missing = OrderedJson::array();
                for (const FactRef& ref : missing_facts(*o)) missing.push_back(fact_ref_json(ref));
                r["missing"] = std::move(missing);
            }
            results.push_back(std::move(r));
        }
    }
    return OrderedJson{{"ok", true}, {"as_of", format_date(household.as_of)}, {"results", std::move(results)}};
}

OrderedJson questions_json(const Ruleset& ruleset, const Household& household) {
    struct Candidate {
        FactRef ref;
        size_t programs = 0;
        size_t member_order = 0;
    };
    std::vector<Candidate> candidates;
    for (const Pack& pack : ruleset.packs) {
        PackEvaluator evaluator(pack, household);
        for (const Outcome* o : evaluator.evaluate_all()) {
            if (o->status == Status::NotEligible) continue;
            for (const FactRef& ref : missing_facts(*o)) {
                // "Not sure" answers stay unknown but are not asked again.
                const auto& answers = ref.member ? ref.member->facts : household.facts;
                if (answers.count(ref.fact->id)) continue;
                auto found = std::find_if(candidates.begin(), candidates.end(),
                                          [&](const Candidate& c) { return c.ref == ref; });
                if (found == candidates.end()) {
                    size_t order = 0;
                    for (size_t i = 0; i < household.members.size(); ++i) {
                        if (&household.members[i] == ref.member) order = i + 1;
                    }
                    candidates.push_back(Candidate{ref, 0, order});
                    found = candidates.end() - 1;
                }
                ++found->programs;
            }
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.programs != b.programs) return a.programs > b.programs;
        if (a.ref.fact->order != b.ref.fact->order) return a.ref.fact->order < b.ref.fact->order;
        return a.member_order < b.member_order;
    });
    OrderedJson questions = OrderedJson::array();
    for (const Candidate& c : candidates) {
        OrderedJson q{{"fact", c.ref.fact->id}};
        if (c.ref.member) q["member"] = c.ref.member->id;
        q["programs"] = c.programs;
        const OrderedJson fact = fact_json(*c.ref.fact);
        for (auto& [key, value] : fact.items()) {
            if (key != "id") q[key] = value;
        }
        questions.push_back(std::move(q));
    }
    const size_t remaining = questions.size();
    return OrderedJson{{"ok", true}, {"questions", std::move(questions)}, {"remaining", remaining}};
}

OrderedJson describe_json(const Ruleset& ruleset) {
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
    return OrderedJson{{"ok", true}, {"roles", std::move(roles)}, {"facts", std::move(facts)}, {"packs", std::move(packs)}};
}

}  // namespace carecheck
