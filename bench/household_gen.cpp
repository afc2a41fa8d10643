#include "household_gen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <utility>

namespace carecheck::bench {

using nlohmann::json;

namespace {

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::string id_of(const json& j) {
    if (j.is_string())
        return j.get<std::string>();
    if (j.is_object() && j.contains("id") && j["id"].is_string())
        return j["id"].get<std::string>();
    return {};
}

void add_jurisdiction(const json& jur, std::vector<std::string>& regions) {
    if (!jur.is_object())
        return;
    if (jur.contains("code") && jur["code"].is_string()) {
        std::string code = jur["code"].get<std::string>();
        if (!contains(regions, code))
            regions.push_back(code);
    }
    if (jur.contains("pilots") && jur["pilots"].is_array()) {
        for (const auto& p : jur["pilots"])
            add_jurisdiction(p, regions);
    }
}

// Households outside every pack's area, so "not in the jurisdiction" paths run too.
const char* const kOtherRegions[] = {"110105", "310115", "440305", "510107", "620102"};

}  // namespace

void Catalogue::add_json(const json& doc) {
    if (!doc.is_object())
        return;
    if (doc.contains("roles") && doc["roles"].is_array()) {
        for (const auto& r : doc["roles"]) {
            std::string id = id_of(r);
            if (!id.empty() && !contains(roles, id))
                roles.push_back(id);
        }
    }
    if (doc.contains("facts") && doc["facts"].is_array()) {
        for (const auto& f : doc["facts"]) {
            if (!f.is_object() || !f.contains("type"))
                continue;
            FactInfo info;
            info.id = id_of(f);
            if (info.id.empty() || std::any_of(facts.begin(), facts.end(),
                                               [&](const FactInfo& x) { return x.id == info.id; }))
                continue;
            info.member = f.value("about", "household") == "member";
            info.type = f.value("type", "bool");
            info.min = f.value("min", 0.0);
            info.max = f.value("max", info.min + 100.0);
            info.integer = f.value("integer", false);
            if (f.contains("options") && f["options"].is_array())
                for (const auto& o : f["options"])
                    info.options.push_back(id_of(o));
            if (f.contains("ask_roles") && f["ask_roles"].is_array())
                for (const auto& r : f["ask_roles"])
                    info.ask_roles.push_back(id_of(r));
            facts.push_back(std::move(info));
        }
    }
    if (doc.contains("parameters") && doc["parameters"].is_array()) {
        for (const auto& p : doc["parameters"]) {
            std::string id = id_of(p);
            if (!id.empty() && !contains(parameters, id))
                parameters.push_back(id);
        }
    }
    if (doc.contains("jurisdiction"))
        add_jurisdiction(doc["jurisdiction"], regions);
    if (doc.contains("meta") && doc["meta"].is_object())
        add_jurisdiction(doc["meta"].value("jurisdiction", json()), regions);
    if (doc.contains("packs") && doc["packs"].is_array()) {
        for (const auto& p : doc["packs"])
            add_json(p);
    }
}

HouseholdGenerator::HouseholdGenerator(Catalogue catalogue, std::uint32_t seed, std::string as_of)
    : cat_(std::move(catalogue)), rng_(seed), as_of_(std::move(as_of)) {
    as_of_year_ = std::stoi(as_of_.substr(0, 4));
}

int HouseholdGenerator::uniform(int lo, int hi) {
    return std::uniform_int_distribution<int>(lo, std::max(lo, hi))(rng_);
}

bool HouseholdGenerator::chance(double p) {
    return std::bernoulli_distribution(p)(rng_);
}

bool HouseholdGenerator::has_role(const std::string& role) const {
    return contains(cat_.roles, role);
}

HouseholdGenerator::Answer HouseholdGenerator::draw_answer() {
    int r = uniform(0, 99);
    if (r < 85)
        return Answer::value;
    if (r < 90)
        return Answer::unsure;
    return Answer::absent;
}

// Typical rural households: an older person, often with a spouse, a disabled adult child
// or a relative who looks after them. Falls back to random roles for other catalogues.
std::vector<std::string> HouseholdGenerator::draw_roles(int index, int size) {
    std::vector<std::string> roles;
    auto add = [&](const char* r) {
        if (has_role(r))
            roles.push_back(r);
    };
    if (index == 0) {
        add("elder");
        if (size > 1 && chance(0.4))
            add("carer");
    } else {
        int r = uniform(0, 99);
        if (r < 40) {
            add("cared_for");
        } else if (r < 65) {
            add("elder");
            if (chance(0.3))
                add("cared_for");
        } else if (r < 85) {
            add("carer");
            add("relative");
        } else {
            add("relative");
        }
    }
    if (roles.empty() && !cat_.roles.empty())
        roles.push_back(cat_.roles[uniform(0, static_cast<int>(cat_.roles.size()) - 1)]);
    return roles;
}

int HouseholdGenerator::draw_age(const std::vector<std::string>& roles) {
    if (contains(roles, std::string("elder"))) {
        // Skewed towards 60-80, a tail up to 100.
        return std::min(
                100,
                60 + static_cast<int>(std::abs(std::normal_distribution<double>(0.0, 12.0)(rng_))));
    }
    if (contains(roles, std::string("cared_for")))
        return uniform(5, 65);
    if (contains(roles, std::string("carer")))
        return uniform(30, 75);
    return uniform(0, 90);
}

std::string HouseholdGenerator::draw_region() {
    if (!cat_.regions.empty() && chance(0.8)) {
        std::string code = cat_.regions[uniform(0, static_cast<int>(cat_.regions.size()) - 1)];
        if (code.size() == 6 && code.compare(4, 2, "00") == 0 && chance(0.7)) {
            // A county inside a city-level jurisdiction.
            char county[3];
            std::snprintf(county, sizeof county, "%02d", uniform(1, 30));
            code.replace(4, 2, county);
        }
        return code;
    }
    return kOtherRegions[uniform(0, static_cast<int>(std::size(kOtherRegions)) - 1)];
}

json HouseholdGenerator::draw_value(const FactInfo& fact, const std::vector<std::string>& roles,
                                    int age) {
    if (fact.type == "bool")
        return chance(0.4);
    if (fact.type == "number") {
        double lo = fact.min, hi = std::max(fact.min, fact.max);
        if (fact.id == "age")
            return std::clamp(static_cast<double>(age), lo, hi);
        if (fact.integer || hi - lo <= 20)
            return uniform(static_cast<int>(lo), static_cast<int>(hi));
        return std::round(std::uniform_real_distribution<double>(lo, hi)(rng_) * 10) / 10;
    }
    if (fact.type == "one_of") {
        if (fact.options.empty())
            return nullptr;
        return fact.options[uniform(0, static_cast<int>(fact.options.size()) - 1)];
    }
    if (fact.type == "many_of") {
        json picked = json::array();
        for (const auto& o : fact.options)
            if (chance(0.2))
                picked.push_back(o);
        return picked;
    }
    if (fact.type == "date") {
        // Birth dates agree with the drawn age; other dates fall in the last 20 years.
        int year = fact.id.find("birth") != std::string::npos
                           ? as_of_year_ - age - 1
                           : uniform(as_of_year_ - 20, as_of_year_ - 1);
        char buf[11];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, uniform(1, 12), uniform(1, 28));
        return std::string(buf);
    }
    if (fact.type == "region")
        return draw_region();
    (void)roles;
    return nullptr;
}

json HouseholdGenerator::next() {
    json household = {{"as_of", as_of_}, {"facts", json::object()}, {"members", json::array()}};
    static const int kSizes[] = {1, 2, 2, 2, 3, 3, 4, 1, 2, 3};
    int size = kSizes[uniform(0, 9)];

    for (const auto& fact : cat_.facts) {
        if (fact.member)
            continue;
        switch (draw_answer()) {
            case Answer::value:
                household["facts"][fact.id] = draw_value(fact, {}, 0);
                break;
            case Answer::unsure:
                household["facts"][fact.id] = nullptr;
                break;
            case Answer::absent:
                break;
        }
    }

    for (int i = 0; i < size; ++i) {
        std::vector<std::string> roles = draw_roles(i, size);
        int age = draw_age(roles);
        json facts = json::object();
        for (const auto& fact : cat_.facts) {
            if (!fact.member)
                continue;
            if (!fact.ask_roles.empty() &&
                std::none_of(roles.begin(), roles.end(),
                             [&](const std::string& r) { return contains(fact.ask_roles, r); }))
                continue;
            switch (draw_answer()) {
                case Answer::value:
                    facts[fact.id] = draw_value(fact, roles, age);
                    break;
                case Answer::unsure:
                    facts[fact.id] = nullptr;
                    break;
                case Answer::absent:
                    break;
            }
        }
        household["members"].push_back({{"id", "m" + std::to_string(i + 1)},
                                        {"roles", roles},
                                        {"facts", std::move(facts)}});
    }

    if (!cat_.parameters.empty()) {
        json params = json::object();
        for (const auto& p : cat_.parameters)
            if (chance(0.5))
                params[p] = uniform(400, 1200);
        if (!params.empty())
            household["parameters"] = std::move(params);
    }
    return household;
}

}  // namespace carecheck::bench
