// carecheck::bench::HouseholdGenerator — realistic random households for benchmarks.
//
// Learns the roles, facts (type, range, options, ask_roles) and the regions the packs cover
// from JSON the engine already gives out (Service::describe(), or the rule files themselves),
// then draws households from a fixed seed: same seed, same households. About 85% of facts are
// answered, 5% answered "not sure" (null) and 10% left out, so every status occurs.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace carecheck::bench {

struct FactInfo {
    std::string id;
    bool member = false;  // "about": "member"
    std::string type;     // bool | number | one_of | many_of | date | region
    double min = 0, max = 100;
    bool integer = false;
    std::vector<std::string> options;
    std::vector<std::string> ask_roles;
};

/// What the generator knows about a rule set. Fill it with add_json() from any mix of
/// describe() output, facts.json and pack files; unknown shapes are ignored.
struct Catalogue {
    std::vector<std::string> roles;
    std::vector<FactInfo> facts;
    std::vector<std::string> regions;     // jurisdiction and pilot codes of the packs
    std::vector<std::string> parameters;  // pack parameters a household may supply

    void add_json(const nlohmann::json& doc);
    bool empty() const { return facts.empty(); }
};

class HouseholdGenerator {
public:
    HouseholdGenerator(Catalogue catalogue, std::uint32_t seed, std::string as_of = "2026-11-23");

    /// The next household (docs/rule-format.md "Household").
    nlohmann::json next();

    const Catalogue& catalogue() const { return cat_; }

private:
    enum class Answer { value, unsure, absent };
    Answer draw_answer();
    std::vector<std::string> draw_roles(int index, int size);
    nlohmann::json draw_value(const FactInfo& fact, const std::vector<std::string>& roles, int age);
    std::string draw_region();
    int draw_age(const std::vector<std::string>& roles);
    bool has_role(const std::string& role) const;
    int uniform(int lo, int hi);
    bool chance(double p);

    Catalogue cat_;
    std::mt19937 rng_;
    std::string as_of_;
    int as_of_year_;
};

}  // namespace carecheck::bench
