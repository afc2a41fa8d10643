// The compiled rule set: what the loader produces and the evaluator trusts.
//
// Every node keeps the JSON pointer (and file) it came from, so results and coverage
// reports can point back into the rule files. Operands are typed at load (numbers, option
// bitmasks, region prefixes), so evaluation never touches JSON; words for people are kept as
// written and turned into sentences only by the renderer (core/src/render/).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "carecheck/text.h"

namespace carecheck {

enum class FactType { Bool, Number, OneOf, ManyOf, Date, Region };
enum class FactAbout { Household, Member };

struct Option {
    std::string id;
    Text name;
};

/// One question a family can answer.
struct Fact {
    std::string id;
    FactAbout about = FactAbout::Household;
    FactType type = FactType::Bool;
    Text question, help, term, decided_by, unit;
    std::optional<double> min, max;
    bool integer = false;
    std::vector<Option> options;
    std::string derive_years_since;  // a date fact this one is computed from, if any
    // Unanswered, this fact takes the answer of `default_from` (a member's own hukou defaults to
    // the family's), so nobody is asked twice and a person who differs can still say so.
    std::string default_from;
    const Fact* default_fact = nullptr;  // resolved once every fact is known
    std::vector<std::string> ask_roles;
    size_t slot = 0;   // index of this fact's answer in Household::facts or Member::facts
    size_t order = 0;  // position in the catalogue: the tie-break for question order
    std::string file, path;

    const Option* option(const std::string& option_id) const;
};

struct Role {
    std::string id;
    Text name, help;
};

enum class Cmp { Eq, Ne, Lt, Le, Gt, Ge };
// WorthAsking: a related policy whose conditions hold. The text says the policy continues or is
// tilted toward these people, but does not itself grant it, so it is never "eligible".
enum class Status { Eligible, NotEligible, NeedsAnswers, DependsOnLocal, WorthAsking };

enum class Op {
    All, Any, Not,
    Compare,   // fact <cmp> value
    In,        // one_of value in set
    HasAny, HasAll, HasNone,  // many_of value against set
    InRegion,  // region code inside one of the given regions
    Answered,  // fact has a value
    Some, Every, None, Count,  // member quantifiers
    HasRole,   // the member in context carries a role
    Ref,       // named condition
    Program    // another program's status
};

/// A region test: a code is inside when code / divisor == prefix ("130700" → 1307 / 100).
struct RegionPrefix {
    int prefix = 0;
    int divisor = 1;
};

/// One node of a condition tree.
struct Condition {
    Op op = Op::All;
    std::vector<std::unique_ptr<Condition>> children;  // all/any/not/quantifier "where"
    const Fact* fact = nullptr;
    Cmp cmp = Cmp::Eq;
    // Compare: the value in the answer's own scale (see Value): a number, 0/1, a day number,
    // an option index or a region code. Count: the bound.
    double number = 0;
    std::uint64_t options = 0;       // in / has_*: one bit per option index
    std::vector<std::string> set;    // the option ids as written (for explanations)
    std::vector<RegionPrefix> regions;  // in_region
    std::string role;                // quantifier filter or has_role ("" = every member)
    int role_index = -1;             // the same, as an index into Ruleset::roles (-1: every member)
    int target = -1;                 // named condition or program index
    std::vector<Status> statuses;    // for Op::Program
    std::optional<Text> text;
    Cite cite;
    std::string path;                // JSON pointer in the pack file
    int id = -1;                     // index in Pack::nodes, for coverage
};

struct NamedCondition {
    std::string id;
    std::unique_ptr<Condition> condition;
    std::string path;
};

enum class AmountKind { None, Fixed, Floor, PerDay, Formula, Local, ByCase };

struct Amount {
    AmountKind kind = AmountKind::None;
    double value = 0;
    std::string per = "household";   // household | person
    std::string period = "year";     // year | month | day
    int max_days_per_month = 0;      // per_day: 0 = no cap
    std::string parameter;           // formula
    double factor = 1;
    bool floor = false;              // formula: "not lower than"
    Text decided_by, note;
    std::string paid_to;             // family | institution | service_provider | meal_point
    bool suggested = false;          // the text says "建议": an indicative figure
    bool adjustable = false;         // the text lets the locality adjust it ("可据实调整")
    bool per_meal = false;           // per_day only: the value is per meal, one meal a day
    std::vector<std::string> people_roles;  // per-person amount of a household program: who counts
    std::uint64_t people_mask = 0;          // the same roles, one bit per role index
    struct Case {
        std::unique_ptr<Condition> when;
        std::unique_ptr<Amount> amount;
    };
    std::vector<Case> cases;         // by_case
    std::unique_ptr<Amount> otherwise;
};

struct Parameter {
    std::string id;
    Text name, decided_by;
    std::string unit;
};

struct LocalDecision {
    std::unique_ptr<Condition> unless;  // may be null: always local
    Text decided_by, text;
    Cite cite;
};

struct Apply {
    std::vector<Text> documents;
    Text where, how, lead;
    bool empty() const { return documents.empty() && where.empty() && how.empty() && lead.empty(); }
};

struct Program {
    std::string id;
    std::string kind;
    Text name, summary;
    bool per_member = false;
    std::string for_each_role;  // empty with per_member = every member
    int for_each_role_index = -1;
    std::unique_ptr<Condition> conditions;
    std::unique_ptr<LocalDecision> local;
    std::unique_ptr<Amount> amount;
    std::string exclusive_group;
    std::vector<Cite> citations;
    Apply apply;
    std::vector<Text> notes;
    std::string path;
    size_t index = 0;
    int group_index = -1;       // index into Pack::groups, -1: in no group
    bool related_policy = false;  // kind "related_policy": never more than worth asking
};

struct ExclusiveGroup {
    std::string id;
    Text name;
    std::string rule;
    Cite cite;
};

/// One policy document, compiled.
struct Pack {
    std::string id;
    std::string file;
    Json meta;                       // kept as written, echoed in results
    Text title, status_note;
    std::string status;
    std::vector<Parameter> parameters;
    std::vector<NamedCondition> named;
    std::vector<Program> programs;
    std::vector<ExclusiveGroup> groups;
    std::vector<const Condition*> nodes;  // every condition node, by id (coverage)
    /// The same nodes flattened for evaluation: node id → its children as a range of
    /// `child_ids`, so evaluating walks two arrays instead of a tree of pointers.
    struct FlatNode {
        const Condition* node = nullptr;
        std::uint32_t first_child = 0, child_count = 0;
    };
    std::vector<FlatNode> flat;
    std::vector<int> child_ids;
    void flatten();
    std::map<std::string, size_t> program_index;
};

/// Bitmasks hold roles and options: a catalogue may have at most this many of each.
constexpr size_t kMaxRoles = 64;
constexpr size_t kMaxOptions = 64;

/// Everything loaded: the catalogue and the packs.
struct Ruleset {
    std::vector<Role> roles;
    std::vector<std::unique_ptr<Fact>> facts;  // stable addresses
    std::unordered_map<std::string, const Fact*> fact_by_id;
    std::vector<Pack> packs;
    size_t household_slots = 0;  // facts about the household (Household::facts has this many)
    size_t member_slots = 0;     // facts about a member (Member::facts has this many)

    const Fact* find_fact(const std::string& id) const;
    bool has_role(const std::string& id) const;
    int role_index(const std::string& id) const;  // -1 if unknown
};

const char* status_name(Status status);
std::optional<Status> parse_status(const std::string& name);

}  // namespace carecheck
