#include "carecheck/loader.h"

#include <set>

#include "condition_compiler.h"
#include "carecheck/dates.h"
#include "input_limits.h"
#include "carecheck/json_read.h"

namespace carecheck {

namespace {

const char* const kFactsFormat = "carecheck-facts/1";
const char* const kPackFormat = "carecheck-pack/1";

std::vector<Text> read_text_list(const Json& object, const char* key, const std::string& path, IssueList& issues) {
    std::vector<Text> out;
    if (!object.contains(key)) return out;
    const Json& list = object.at(key);
    const std::string at = pointer_join(path, key);
    if (!list.is_array()) {
        issues.add("wrong_type", at, std::string("\"") + key + "\" must be an array of texts");
        return out;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        Json holder{{"t", list[i]}};
        IssueList local;
        Text text = read_text(holder, "t", at, local, true);
        for (const Issue& issue : local.items()) {
            issues.add(issue.code, pointer_join(at, i) + issue.path.substr(at.size() + 2), issue.message);
        }
        out.push_back(text);
    }
    return out;
}

const Json& array_at(const Json& object, const char* key, const std::string& path, IssueList& issues,
                     bool required) {
    static const Json kEmpty = Json::array();
    if (!object.contains(key)) {
        if (required) issues.add("missing_field", pointer_join(path, key), std::string("\"") + key + "\" is required");
        return kEmpty;
    }
    if (!object.at(key).is_array()) {
        issues.add("wrong_type", pointer_join(path, key), std::string("\"") + key + "\" must be an array");
        return kEmpty;
    }
    return object.at(key);
}

class Loader {
public:
    LoadResult run(const std::vector<RuleFile>& files, CatalogueMemo* memo);

private:
    void read_roles(const Json& list, const std::string& path, IssueList& issues);
    void read_fact(const Json& json, const std::string& path, IssueList& issues);
    void read_pack(const Json& json, const std::string& file, IssueList& issues);
    void read_program(Pack& pack, const Json& json, const std::string& path, ConditionCompiler& compiler,
                      IssueList& issues);
    void check_meta(const Json& meta, IssueList& issues);
    void resolve_defaults(std::vector<Issue>& all);

    std::unique_ptr<Ruleset> ruleset_ = std::make_unique<Ruleset>();
    std::set<std::string> pack_ids_;
};

void Loader::read_roles(const Json& list, const std::string& path, IssueList& issues) {
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = pointer_join(path, i);
        check_keys(list[i], at, {"id", "name", "help"}, issues);
        const auto id = read_string(list[i], "id", at, issues, true);
        if (!id) continue;
        if (ruleset_->has_role(*id)) {
            issues.add("duplicate_id", pointer_join(at, "id"), "role \"" + *id + "\" is defined twice");
            continue;
        }
        if (ruleset_->roles.size() == kMaxRoles) {
            issues.add("too_many", at, "a catalogue has at most " + std::to_string(kMaxRoles) + " roles");
            continue;
        }
        Role role{*id, read_text(list[i], "name", at, issues, true), read_text(list[i], "help", at, issues, false)};
        ruleset_->roles.push_back(role);
    }
}

void Loader::read_fact(const Json& json, const std::string& path, IssueList& issues) {
    check_keys(json, path, {"id", "about", "type", "unit", "min", "max", "integer", "options", "derive",
                            "question", "help", "term", "decided_by", "ask_roles", "default_from"}, issues);
    auto fact = std::make_unique<Fact>();
    fact->path = path;
    const auto id = read_string(json, "id", path, issues, true);
    if (!id) return;
    fact->id = *id;
    if (ruleset_->fact_by_id.count(*id)) {
        const Fact* first = ruleset_->fact_by_id.at(*id);
        issues.add("duplicate_id", pointer_join(path, "id"),
                   "fact \"" + *id + "\" is already defined in " + first->file + " at " + first->path);
        return;
    }
    const auto about = read_string(json, "about", path, issues, true);
    if (about && *about != "household" && *about != "member") {
        issues.add("bad_value", pointer_join(path, "about"), "\"about\" is household or member");
    }
    fact->about = about && *about == "member" ? FactAbout::Member : FactAbout::Household;
    const auto type = read_string(json, "type", path, issues, true);
    static const std::pair<const char*, FactType> kTypes[] = {
        {"bool", FactType::Bool},     {"number", FactType::Number}, {"one_of", FactType::OneOf},
        {"many_of", FactType::ManyOf}, {"date", FactType::Date},     {"region", FactType::Region}};
    bool known_type = false;
    for (const auto& [name, value] : kTypes) {
        if (type && *type == name) {
            fact->type = value;
            known_type = true;
        }
    }
    if (type && !known_type) {
        issues.add("bad_value", pointer_join(path, "type"),
                   "type is bool, number, one_of, many_of, date or region, not \"" + *type + "\"");
    }
    fact->question = read_text(json, "question", path, issues, true);
    fact->help = read_text(json, "help", path, issues, false);
    fact->term = read_text(json, "term", path, issues, false);
    fact->decided_by = read_text(json, "decided_by", path, issues, false);
    if (fact->type == FactType::Number) {
        fact->unit = read_text(json, "unit", path, issues, false);
        for (const char* bound : {"min", "max"}) {
            if (!json.contains(bound)) continue;
            if (!json.at(bound).is_number()) {
                issues.add("wrong_type", pointer_join(path, bound), std::string("\"") + bound + "\" must be a number");
                continue;
            }
            (std::string(bound) == "min" ? fact->min : fact->max) = json.at(bound).get<double>();
        }
        if (fact->min && fact->max && *fact->min > *fact->max) {
            issues.add("bad_value", pointer_join(path, "max"), "max is below min");
        }
        if (json.contains("integer")) fact->integer = json.at("integer").is_boolean() && json.at("integer").get<bool>();
    }
    if (fact->type == FactType::OneOf || fact->type == FactType::ManyOf) {
        const Json& options = array_at(json, "options", path, issues, true);
        std::set<std::string> seen;
        for (size_t i = 0; i < options.size(); ++i) {
            const std::string at = pointer_join(pointer_join(path, "options"), i);
            check_keys(options[i], at, {"id", "name"}, issues);
            const auto option_id = read_string(options[i], "id", at, issues, true);
            if (!option_id) continue;
            if (!seen.insert(*option_id).second) {
                issues.add("duplicate_id", pointer_join(at, "id"), "option \"" + *option_id + "\" appears twice");
            }
            fact->options.push_back(Option{*option_id, read_text(options[i], "name", at, issues, true)});
        }
        if (options.size() > kMaxOptions) {
            issues.add("too_many", pointer_join(path, "options"),
                       "a fact has at most " + std::to_string(kMaxOptions) + " options");
        }
        if (options.size() < 2 && fact->type == FactType::OneOf) {
            issues.add("bad_value", pointer_join(path, "options"), "a one-of fact needs at least two options");
        }
    }
    if (json.contains("derive")) {
        const Json& derive = json.at("derive");
        const std::string at = pointer_join(path, "derive");
        check_keys(derive, at, {"years_since"}, issues);
        const auto from = read_string(derive, "years_since", at, issues, true);
        if (from) fact->derive_years_since = *from;  // resolved once every fact is known
        if (fact->type != FactType::Number) issues.add("bad_value", at, "only number facts can be derived");
    }
    if (json.contains("default_from")) {
        const auto from = read_string(json, "default_from", path, issues, true);
        if (from) fact->default_from = *from;  // resolved once every fact is known
    }
    if (json.contains("ask_roles")) {
        const Json& roles = json.at("ask_roles");
        for (size_t i = 0; roles.is_array() && i < roles.size(); ++i) {
            if (!roles[i].is_string() || !ruleset_->has_role(roles[i].get<std::string>())) {
                issues.add("unknown_role", pointer_join(pointer_join(path, "ask_roles"), i),
                           "no role " + quote_value(roles[i]) + " in the catalogue");
                continue;
            }
            fact->ask_roles.push_back(roles[i].get<std::string>());
        }
        if (!roles.is_array()) issues.add("wrong_type", pointer_join(path, "ask_roles"), "must be an array of role ids");
    }
    fact->order = ruleset_->facts.size();
    fact->slot = fact->about == FactAbout::Member ? ruleset_->member_slots++ : ruleset_->household_slots++;
    ruleset_->fact_by_id[fact->id] = fact.get();
    ruleset_->facts.push_back(std::move(fact));
}

/// A default must be a fact of the same type with the same options in the same order (an answer
/// is kept as option indices, so the two facts must number their options alike), about the
/// household or the same subject (a household answer never defaults to a member's), with no cycle.
void Loader::resolve_defaults(std::vector<Issue>& all) {
    for (auto& fact : ruleset_->facts) {
        if (fact->default_from.empty()) continue;
        const std::string at = fact->path + "/default_from";
        const Fact* from = ruleset_->find_fact(fact->default_from);
        std::string problem;
        if (!from) {
            problem = "no fact \"" + fact->default_from + "\" to take the default from";
        } else if (from->type != fact->type) {
            problem = "\"" + from->id + "\" is of another type";
        } else if (fact->about == FactAbout::Household && from->about == FactAbout::Member) {
            problem = "a household fact cannot default to a member fact";
        } else {
            for (size_t i = 0; i < fact->options.size() && problem.empty(); ++i) {
                if (i >= from->options.size() || from->options[i].id != fact->options[i].id) {
                    problem = "option " + std::to_string(i + 1) + " (\"" + fact->options[i].id + "\") is not option " +
                              std::to_string(i + 1) + " of \"" + from->id + "\": list the same options in the same order";
                }
            }
            if (problem.empty() && fact->options.size() != from->options.size()) {
                problem = "\"" + from->id + "\" has other options: list the same options in the same order";
            }
        }
        if (!problem.empty()) {
            all.push_back(Issue{"bad_default", fact->file, at, problem});
            continue;
        }
        fact->default_fact = from;
    }
    for (auto& fact : ruleset_->facts) {
        size_t steps = 0;
        for (const Fact* f = fact->default_fact; f && steps <= ruleset_->facts.size(); f = f->default_fact) ++steps;
        if (steps > ruleset_->facts.size()) {
            all.push_back(Issue{"reference_cycle", fact->file, fact->path + "/default_from",
                                "the defaults of \"" + fact->id + "\" go round in a circle"});
            fact->default_fact = nullptr;
        }
    }
}

void Loader::check_meta(const Json& meta, IssueList& issues) {
    const std::string path = "/meta";
    if (!meta.is_object()) {
        issues.add("missing_field", path, "\"meta\" is required (title, status, source, jurisdiction, dates)");
        return;
    }
    check_keys(meta, path, {"title", "issuer", "doc_number", "jurisdiction", "dates", "status", "status_note",
                            "source", "choices", "not_encoded"}, issues);
    read_text(meta, "title", path, issues, true);
    read_text(meta, "issuer", path, issues, false);
    read_text(meta, "status_note", path, issues, true);
    read_string(meta, "source", path, issues, true);
    const auto status = read_string(meta, "status", path, issues, true);
    if (status && *status != "draft_for_comment" && *status != "in_force" && *status != "period_ended") {
        issues.add("bad_value", "/meta/status", "status is draft_for_comment, in_force or period_ended");
    }
    const std::string jur = "/meta/jurisdiction";
    if (!meta.contains("jurisdiction") || !meta.at("jurisdiction").is_object()) {
        issues.add("missing_field", jur, "\"jurisdiction\" {code, name} is required");
    } else {
        const Json& j = meta.at("jurisdiction");
        check_keys(j, jur, {"code", "name", "pilots"}, issues);
        const auto code = read_string(j, "code", jur, issues, true);
        if (code && !is_region_code(*code)) issues.add("bad_region", jur + "/code", "not a six-digit GB/T 2260 code");
        read_text(j, "name", jur, issues, true);
        const Json& pilots = array_at(j, "pilots", jur, issues, false);
        for (size_t i = 0; i < pilots.size(); ++i) {
            const std::string at = pointer_join(jur + "/pilots", i);
            const auto pilot = read_string(pilots[i], "code", at, issues, true);
            if (pilot && !is_region_code(*pilot)) issues.add("bad_region", at + "/code", "not a six-digit GB/T 2260 code");
            read_text(pilots[i], "name", at, issues, true);
        }
    }
    const Json& not_encoded = array_at(meta, "not_encoded", path, issues, false);
    for (size_t i = 0; i < not_encoded.size(); ++i) {
        const std::string at = pointer_join(path + "/not_encoded", i);
        if (!not_encoded[i].is_object()) {
            issues.add("wrong_type", at, "a not_encoded entry is {clause, from, to?, reason, not_a_program?}");
            continue;
        }
        check_keys(not_encoded[i], at, {"clause", "from", "to", "reason", "not_a_program"}, issues);
        read_string(not_encoded[i], "clause", at, issues, true);
        for (const char* words : {"from", "to"}) {
            const auto text = read_string(not_encoded[i], words, at, issues, std::string(words) == "from");
            if (text && strip_space(*text).empty()) {
                issues.add("bad_value", pointer_join(at, words), std::string("\"") + words + "\" must hold words of the source");
            }
        }
        read_text(not_encoded[i], "reason", at, issues, true);
        read_text(not_encoded[i], "not_a_program", at, issues, false);
    }
    if (meta.contains("dates")) {
        const Json& dates = meta.at("dates");
        check_keys(dates, "/meta/dates", {"issued", "period_start", "period_end", "target"}, issues);
        for (auto it = dates.begin(); dates.is_object() && it != dates.end(); ++it) {
            if (!it.value().is_null() && (!it.value().is_string() || !parse_date(it.value().get<std::string>()))) {
                issues.add("bad_date", pointer_join("/meta/dates", it.key()), "a date is \"YYYY-MM-DD\" or null");
            }
        }
    }
}

void Loader::read_program(Pack& pack, const Json& json, const std::string& path, ConditionCompiler& compiler,
                          IssueList& issues) {
    Program& program = pack.programs[pack.program_index.at(json.at("id").get<std::string>())];
    check_keys(json, path, {"id", "kind", "name", "summary", "for_each", "conditions", "local", "amount",
                            "exclusive_group", "citations", "apply", "notes"}, issues);
    const auto kind = read_string(json, "kind", path, issues, true);
    static const char* const kKinds[] = {"service_mode", "subsidy", "service_item", "related_policy",
                                         "provider_subsidy"};
    bool known = false;
    for (const char* k : kKinds) known = known || (kind && *kind == k);
    if (kind && !known) {
        issues.add("bad_value", pointer_join(path, "kind"),
                   "kind is service_mode, subsidy, service_item, related_policy or provider_subsidy");
    }
    if (kind) program.kind = *kind;
    program.related_policy = program.kind == "related_policy";
    program.name = read_text(json, "name", path, issues, true);
    program.summary = read_text(json, "summary", path, issues, false);
    if (json.contains("for_each")) {
        const Json& each = json.at("for_each");
        const std::string at = pointer_join(path, "for_each");
        program.per_member = true;
        check_keys(each, at, {"role"}, issues);
        if (!each.is_object()) issues.add("wrong_type", at, "\"for_each\" is {} or {\"role\": id}");
        if (each.is_object() && each.contains("role")) {
            const Json& role = each.at("role");
            if (!role.is_string() || !ruleset_->has_role(role.get<std::string>())) {
                issues.add("unknown_role", at + "/role", "no role " + quote_value(role) + " in the catalogue");
            } else {
                program.for_each_role = role.get<std::string>();
                program.for_each_role_index = ruleset_->role_index(program.for_each_role);
            }
        }
    }
    const int owner = -static_cast<int>(program.index) - 1;
    compiler.set_owner(owner);
    if (!json.contains("conditions")) {
        issues.add("missing_field", pointer_join(path, "conditions"), "\"conditions\" is required");
    } else {
        program.conditions = compiler.compile(json.at("conditions"), pointer_join(path, "conditions"),
                                              program.per_member, true);
    }
    if (json.contains("local")) {
        const Json& local = json.at("local");
        const std::string at = pointer_join(path, "local");
        check_keys(local, at, {"unless", "decided_by", "text", "cite"}, issues);
        program.local = std::make_unique<LocalDecision>();
        program.local->decided_by = read_text(local, "decided_by", at, issues, true);
        program.local->text = read_text(local, "text", at, issues, true);
        program.local->cite = read_cite(local, "cite", at, issues, true);
        if (local.is_object() && local.contains("unless")) {
            compiler.set_owner(owner);
            program.local->unless = compiler.compile(local.at("unless"), at + "/unless", program.per_member, false);
        }
    }
    if (json.contains("amount")) {
        compiler.set_owner(owner);
        program.amount = compiler.compile_amount(json.at("amount"), pointer_join(path, "amount"), program.per_member);
        if (program.amount && program.amount->paid_to.empty()) {
            issues.add("missing_field", pointer_join(pointer_join(path, "amount"), "paid_to"),
                       "say who is paid: family, institution, service_provider or meal_point");
        }
    }
    if (const auto group = read_string(json, "exclusive_group", path, issues, false)) program.exclusive_group = *group;
    const Json& cites = array_at(json, "citations", path, issues, true);
    if (cites.empty()) {
        issues.add("missing_citation", pointer_join(path, "citations"), "a program needs at least one citation");
    }
    for (size_t i = 0; i < cites.size(); ++i) {
        Json holder{{"c", cites[i]}};
        IssueList local;
        Cite cite = read_cite(holder, "c", "", local, true);
        for (const Issue& issue : local.items()) {
            issues.add(issue.code, pointer_join(pointer_join(path, "citations"), i) + issue.path.substr(2), issue.message);
        }
        program.citations.push_back(cite);
    }
    if (json.contains("apply")) {
        const Json& apply = json.at("apply");
        const std::string at = pointer_join(path, "apply");
        check_keys(apply, at, {"documents", "where", "how", "lead"}, issues);
        program.apply.documents = read_text_list(apply, "documents", at, issues);
        program.apply.where = read_text(apply, "where", at, issues, false);
        program.apply.how = read_text(apply, "how", at, issues, false);
        program.apply.lead = read_text(apply, "lead", at, issues, false);
    }
    program.notes = read_text_list(json, "notes", path, issues);
}

void Loader::read_pack(const Json& json, const std::string& file, IssueList& issues) {
    check_keys(json, "", {"format", "id", "meta", "facts", "parameters", "conditions", "exclusive_groups",
                          "programs"}, issues);
    Pack pack;
    pack.file = file;
    const auto id = read_string(json, "id", "", issues, true);
    if (!id) return;
    if (!pack_ids_.insert(*id).second) {
        issues.add("duplicate_id", "/id", "another pack already has id \"" + *id + "\"");
        return;
    }
    pack.id = *id;
    const Json meta = json.contains("meta") ? json.at("meta") : Json();
    check_meta(meta, issues);
    pack.meta = meta;
    if (meta.is_object()) {
        IssueList ignored;
        pack.title = read_text(meta, "title", "/meta", ignored, false);
        pack.status_note = read_text(meta, "status_note", "/meta", ignored, false);
        pack.status = read_string(meta, "status", "/meta", ignored, false).value_or("");
    }
    const Json& params = array_at(json, "parameters", "", issues, false);
    for (size_t i = 0; i < params.size(); ++i) {
        const std::string at = pointer_join("/parameters", i);
        check_keys(params[i], at, {"id", "name", "unit", "decided_by"}, issues);
        const auto pid = read_string(params[i], "id", at, issues, true);
        if (!pid) continue;
        pack.parameters.push_back(Parameter{*pid, read_text(params[i], "name", at, issues, true),
                                            read_text(params[i], "decided_by", at, issues, false),
                                            read_string(params[i], "unit", at, issues, false).value_or("")});
    }
    // Ids first, so references can point forwards.
    const Json& named = array_at(json, "conditions", "", issues, false);
    std::set<std::string> named_ids;
    for (size_t i = 0; i < named.size(); ++i) {
        const std::string at = pointer_join("/conditions", i);
        const auto nid = read_string(named[i], "id", at, issues, true);
        if (nid && !named_ids.insert(*nid).second) {
            issues.add("duplicate_id", at + "/id", "named condition \"" + *nid + "\" is defined twice");
        }
        pack.named.push_back(NamedCondition{nid.value_or(""), nullptr, at});
    }
    const Json& programs = array_at(json, "programs", "", issues, true);
    if (programs.empty()) issues.add("missing_field", "/programs", "a pack needs at least one program");
    for (size_t i = 0; i < programs.size(); ++i) {
        const std::string at = pointer_join("/programs", i);
        const auto pid = read_string(programs[i], "id", at, issues, true);
        if (!pid) return;
        if (pack.program_index.count(*pid)) {
            issues.add("duplicate_id", at + "/id", "program \"" + *pid + "\" is defined twice");
            return;
        }
        Program program;
        program.id = *pid;
        program.path = at;
        program.index = pack.programs.size();
        pack.program_index[*pid] = program.index;
        pack.programs.push_back(std::move(program));
    }
    ConditionCompiler compiler(*ruleset_, pack, issues);
    for (size_t i = 0; i < named.size(); ++i) {
        const std::string at = pointer_join("/conditions", i);
        check_keys(named[i], at, {"id", "text", "cite", "condition"}, issues);
        if (!named[i].is_object() || !named[i].contains("condition")) {
            issues.add("missing_field", at + "/condition", "a named condition needs \"condition\"");
            continue;
        }
        Json body = named[i].at("condition");
        // The named condition's own text and cite explain its top node.
        if (body.is_object()) {
            if (named[i].contains("text")) body["text"] = named[i].at("text");
            if (named[i].contains("cite")) body["cite"] = named[i].at("cite");
        }
        compiler.set_owner(static_cast<int>(i));
        pack.named[i].condition = compiler.compile(body, at + "/condition", true, true);
    }
    for (size_t i = 0; i < programs.size(); ++i) read_program(pack, programs[i], pointer_join("/programs", i), compiler, issues);
    // A subtree that failed to compile was dropped, so its nodes are gone: reference checks
    // need every node alive, and a pack with issues is discarded anyway.
    if (issues.empty()) compiler.check_references();

    const Json& groups = array_at(json, "exclusive_groups", "", issues, false);
    for (size_t i = 0; i < groups.size(); ++i) {
        const std::string at = pointer_join("/exclusive_groups", i);
        check_keys(groups[i], at, {"id", "name", "rule", "cite"}, issues);
        const auto gid = read_string(groups[i], "id", at, issues, true);
        if (!gid) continue;
        const auto rule = read_string(groups[i], "rule", at, issues, true);
        if (rule && *rule != "choose_one") issues.add("bad_value", at + "/rule", "the only rule is choose_one");
        pack.groups.push_back(ExclusiveGroup{*gid, read_text(groups[i], "name", at, issues, true), rule.value_or(""),
                                             read_cite(groups[i], "cite", at, issues, true)});
        size_t members = 0;
        for (const Program& p : pack.programs) members += p.exclusive_group == *gid ? 1 : 0;
        if (members < 2) {
            issues.add("lonely_group", at, "exclusive group \"" + *gid + "\" needs at least two programs, has " +
                                               std::to_string(members));
        }
    }
    for (Program& p : pack.programs) {
        if (p.exclusive_group.empty()) continue;
        bool found = false;
        for (size_t g = 0; g < pack.groups.size(); ++g) {
            if (pack.groups[g].id != p.exclusive_group) continue;
            found = true;
            p.group_index = static_cast<int>(g);
        }
        if (!found) {
            issues.add("unknown_group", p.path + "/exclusive_group",
                       "no exclusive group \"" + p.exclusive_group + "\" in this pack");
        }
    }
    // A node that failed to compile was discarded but keeps its place in `nodes`: a pack with
    // issues is never evaluated, so it is not flattened either.
    if (issues.empty()) pack.flatten();
    ruleset_->packs.push_back(std::move(pack));
}

LoadResult Loader::run(const std::vector<RuleFile>& files, CatalogueMemo* memo) {
    std::vector<Issue> all;
    using Parsed = std::pair<const RuleFile*, std::shared_ptr<const Json>>;
    std::vector<Parsed> packs;
    std::vector<Parsed> catalogues;
    for (const RuleFile& file : files) {
        if (memo && memo->json && file.text == memo->text) {
            catalogues.emplace_back(&file, memo->json);
            continue;
        }
        IssueList issues(file.name);
        Json json = parse_json(file.text, issues);
        if (issues.empty()) {
            const auto format = read_string(json, "format", "", issues, true);
            if (format && *format == kFactsFormat) {
                catalogues.emplace_back(&file, std::make_shared<const Json>(std::move(json)));
                if (memo) *memo = CatalogueMemo{file.text, catalogues.back().second};
            } else if (format && *format == kPackFormat) {
                packs.emplace_back(&file, std::make_shared<const Json>(std::move(json)));
            } else if (format) {
                issues.add("unknown_format", "/format",
                           "\"format\" must be \"" + std::string(kFactsFormat) + "\" or \"" + kPackFormat + "\"");
            }
        }
        all.insert(all.end(), issues.items().begin(), issues.items().end());
    }
    if (catalogues.empty() && all.empty()) {
        all.push_back(Issue{"no_catalogue", "", "", "no facts catalogue (\"format\": \"carecheck-facts/1\") was given"});
    }
    // Roles first (facts name them), then every fact (packs may declare their own), then packs.
    for (auto& [file, json] : catalogues) {
        IssueList issues(file->name);
        check_keys(*json, "", {"format", "roles", "facts"}, issues);
        read_roles(array_at(*json, "roles", "", issues, false), "/roles", issues);
        all.insert(all.end(), issues.items().begin(), issues.items().end());
    }
    auto read_facts = [&](const RuleFile* file, const Json& json, bool required) {
        IssueList issues(file->name);
        const Json& facts = array_at(json, "facts", "", issues, required);
        for (size_t i = 0; i < facts.size(); ++i) {
            read_fact(facts[i], pointer_join("/facts", i), issues);
            if (!ruleset_->facts.empty() && ruleset_->facts.back()->file.empty()) ruleset_->facts.back()->file = file->name;
        }
        all.insert(all.end(), issues.items().begin(), issues.items().end());
    };
    for (auto& [file, json] : catalogues) read_facts(file, *json, true);
    for (auto& [file, json] : packs) read_facts(file, *json, false);
    for (auto& fact : ruleset_->facts) {
        if (fact->derive_years_since.empty()) continue;
        const Fact* from = ruleset_->find_fact(fact->derive_years_since);
        if (!from || from->type != FactType::Date || from->about != fact->about) {
            all.push_back(Issue{"unknown_fact", fact->file, fact->path + "/derive/years_since",
                                "\"" + fact->derive_years_since + "\" must be a date fact about the same subject"});
        }
    }
    resolve_defaults(all);
    for (auto& [file, json] : packs) {
        IssueList issues(file->name);
        read_pack(*json, file->name, issues);
        all.insert(all.end(), issues.items().begin(), issues.items().end());
    }
    LoadResult result;
    result.issues = std::move(all);
    if (result.issues.empty()) result.ruleset = std::move(ruleset_);
    return result;
}

}  // namespace

std::string strip_space(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        // U+3000 ideographic space (E3 80 80) and U+00A0 (C2 A0) are layout, not words.
        if (c == 0xE3 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0x80) {
            i += 2;
            continue;
        }
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

Json parse_json(const std::string& text, IssueList& issues, const std::string& path) {
    return parse_limited(text, kRuleFileLimits, issues, path);
}

LoadResult load_ruleset(const std::vector<RuleFile>& files, CatalogueMemo* memo) {
    return Loader().run(files, memo);
}

std::vector<Issue> check_quotes(const Pack& pack, const std::string& source) {
    std::vector<std::pair<Cite, std::string>> cites;
    for (const Program& program : pack.programs) {
        for (size_t i = 0; i < program.citations.size(); ++i) {
            cites.emplace_back(program.citations[i], pointer_join(program.path + "/citations", i));
        }
        if (program.local) cites.emplace_back(program.local->cite, program.path + "/local/cite");
    }
    for (const Condition* node : pack.nodes) {
        if (!node->cite.empty()) cites.emplace_back(node->cite, node->path + "/cite");
    }
    for (size_t i = 0; i < pack.groups.size(); ++i) {
        cites.emplace_back(pack.groups[i].cite, pointer_join("/exclusive_groups", i) + "/cite");
    }
    const std::string haystack = strip_space(source);
    std::vector<Issue> issues;
    std::set<std::string> reported;
    for (const auto& [cite, path] : cites) {
        if (cite.quote.empty() || !reported.insert(path).second) continue;
        if (haystack.find(strip_space(cite.quote)) == std::string::npos) {
            issues.push_back(Issue{"quote_not_in_source", pack.file, path,
                                   "the quoted text for " + cite.clause + " does not occur in the source document"});
        }
    }
    return issues;
}

}  // namespace carecheck
