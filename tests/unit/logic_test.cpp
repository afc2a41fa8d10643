// Three-valued logic, operator by operator: true, false and unknown ("not answered") combine
// as Kleene logic, and a settled answer never waits on an unanswered question.
#include <gtest/gtest.h>

#include "test_support.h"

namespace carecheck {
namespace {

const Json kCite = {{"clause", "§1"}, {"quote", "q"}};

Json fact_is(const char* id) { return Json{{"fact", id}, {"eq", true}}; }

Json explained(Json condition) {
    condition["text"] = {{"zh", "条件"}, {"en", "condition"}};
    condition["cite"] = kCite;
    return condition;
}

/// A one-program pack over two household yes/no facts p and q, and member facts.
Service logic_service(const Json& condition, bool per_member = false) {
    Json facts = {{"format", "carecheck-facts/1"},
                  {"roles", {{{"id", "elder"}, {"name", {{"zh", "老人"}, {"en", "elder"}}}}}},
                  {"facts",
                   {{{"id", "p"}, {"about", "household"}, {"type", "bool"}, {"question", {{"zh", "p"}, {"en", "p"}}}},
                    {{"id", "q"}, {"about", "household"}, {"type", "bool"}, {"question", {{"zh", "q"}, {"en", "q"}}}},
                    {{"id", "ok"}, {"about", "member"}, {"type", "bool"}, {"question", {{"zh", "ok"}, {"en", "ok"}}}},
                    {{"id", "d"}, {"about", "member"}, {"type", "date"}, {"question", {{"zh", "d"}, {"en", "d"}}}},
                    {{"id", "groups"}, {"about", "household"}, {"type", "many_of"},
                     {"options", {{{"id", "x"}, {"name", {{"zh", "x"}, {"en", "x"}}}},
                                  {{"id", "y"}, {"name", {{"zh", "y"}, {"en", "y"}}}}}},
                     {"question", {{"zh", "g"}, {"en", "g"}}}}}}};
    Json program = {{"id", "target"}, {"kind", "subsidy"}, {"name", {{"zh", "t"}, {"en", "t"}}},
                    {"conditions", explained(condition)}, {"citations", {kCite}}};
    if (per_member) program["for_each"] = Json::object();
    Json pack = {{"format", "carecheck-pack/1"}, {"id", "logic"},
                 {"meta", {{"title", {{"zh", "t"}, {"en", "t"}}}, {"status", "in_force"},
                           {"status_note", {{"zh", "n"}, {"en", "n"}}}, {"source", "s.txt"},
                           {"jurisdiction", {{"code", "110000"}, {"name", {{"zh", "京"}, {"en", "BJ"}}}}}}},
                 {"programs", {program}}};
    Service service;
    const Json loaded = test::parse(service.load({{"facts.json", facts.dump()}, {"pack.json", pack.dump()}}));
    EXPECT_EQ(loaded.at("ok"), true) << loaded.dump();
    return service;
}

Json answer(int value) { return value == 2 ? Json() : Json(value == 1); }  // 0 no, 1 yes, 2 unknown

std::string status(const Service& service, const Json& facts, const Json& members = Json::array()) {
    Json household = test::household(facts, members);
    const Json result = test::parse(service.check(household.dump()));
    return test::program_result(result, "target").value("status", "?");
}

std::string kleene(const char* op, int p, int q) {
    const bool unknown_p = p == 2, unknown_q = q == 2;
    if (std::string(op) == "all") {
        if (p == 0 || q == 0) return "not_eligible";
        return unknown_p || unknown_q ? "needs_answers" : "eligible";
    }
    if (p == 1 || q == 1) return "eligible";
    return unknown_p || unknown_q ? "needs_answers" : "not_eligible";
}

TEST(Logic, AllAndAnyFollowKleeneTruthTables) {
    for (const char* op : {"all", "any"}) {
        const Service service = logic_service(Json{{op, {fact_is("p"), fact_is("q")}}});
        for (int p = 0; p < 3; ++p) {
            for (int q = 0; q < 3; ++q) {
                Json facts = Json::object();
                if (p != 2) facts["p"] = answer(p);
                if (q != 2) facts["q"] = answer(q);
                EXPECT_EQ(status(service, facts), kleene(op, p, q)) << op << " p=" << p << " q=" << q;
            }
        }
    }
}

TEST(Logic, NotFlipsKnownValuesAndKeepsUnknown) {
    const Service service = logic_service(Json{{"not", fact_is("p")}});
    EXPECT_EQ(status(service, {{"p", true}}), "not_eligible");
    EXPECT_EQ(status(service, {{"p", false}}), "eligible");
    EXPECT_EQ(status(service, Json::object()), "needs_answers");
}

TEST(Logic, AFalseAnswerSettlesAllWithoutAskingTheRest) {
    const Service service = logic_service(Json{{"all", {fact_is("p"), fact_is("q")}}});
    const Json questions = test::parse(service.questions(R"({"as_of":"2026-11-23","facts":{"p":false}})"));
    EXPECT_EQ(questions.at("remaining"), 0);
}

TEST(Logic, ATrueAnswerSettlesAnyWithoutAskingTheRest) {
    const Service service = logic_service(Json{{"any", {fact_is("p"), fact_is("q")}}});
    const Json questions = test::parse(service.questions(R"({"as_of":"2026-11-23","facts":{"q":true}})"));
    EXPECT_EQ(questions.at("remaining"), 0);
}

Json member(const char* id, int ok) {
    Json m = {{"id", id}, {"roles", {"elder"}}, {"facts", Json::object()}};
    if (ok != 2) m["facts"]["ok"] = ok == 1;
    return m;
}

TEST(Logic, SomeMemberIsTrueOnOneTrueAndUnknownOnlyWhileUndecided) {
    const Service service = logic_service(Json{{"some", {{"role", "elder"}, {"where", fact_is("ok")}}}});
    EXPECT_EQ(status(service, {}, {member("a", 0), member("b", 1)}), "eligible");
    EXPECT_EQ(status(service, {}, {member("a", 0), member("b", 2)}), "needs_answers");
    EXPECT_EQ(status(service, {}, {member("a", 0), member("b", 0)}), "not_eligible");
    EXPECT_EQ(status(service, {}, Json::array()), "not_eligible");
}

TEST(Logic, EveryMemberIsFalseOnOneFalseAndVacuouslyTrue) {
    const Service service = logic_service(Json{{"every", {{"where", fact_is("ok")}}}});
    EXPECT_EQ(status(service, {}, {member("a", 1), member("b", 0), member("c", 2)}), "not_eligible");
    EXPECT_EQ(status(service, {}, {member("a", 1), member("c", 2)}), "needs_answers");
    EXPECT_EQ(status(service, {}, {member("a", 1), member("b", 1)}), "eligible");
    EXPECT_EQ(status(service, {}, Json::array()), "eligible");
}

TEST(Logic, NoneMemberIsFalseOnOneTrue) {
    const Service service = logic_service(Json{{"none", {{"where", fact_is("ok")}}}});
    EXPECT_EQ(status(service, {}, {member("a", 0), member("b", 1)}), "not_eligible");
    EXPECT_EQ(status(service, {}, {member("a", 0), member("b", 2)}), "needs_answers");
    EXPECT_EQ(status(service, {}, {member("a", 0)}), "eligible");
}

TEST(Logic, CountIsDecidedWhenEveryPossibleCountAgrees) {
    const Service service = logic_service(Json{{"count", {{"where", fact_is("ok")}}}, {"ge", 2}});
    EXPECT_EQ(status(service, {}, {member("a", 1), member("b", 1), member("c", 2)}), "eligible");
    EXPECT_EQ(status(service, {}, {member("a", 1), member("b", 2), member("c", 0)}), "needs_answers");
    EXPECT_EQ(status(service, {}, {member("a", 1), member("b", 0), member("c", 0)}), "not_eligible");
}

TEST(Logic, DatesCompareAsCalendarDates) {
    const Service service = logic_service(Json{{"fact", "d"}, {"lt", "1966-01-01"}}, true);
    Json members = {{{"id", "old"}, {"facts", {{"d", "1965-12-31"}}}}, {{"id", "young"}, {"facts", {{"d", "1966-01-01"}}}}};
    const Json result = test::parse(service.check(Json{{"as_of", "2026-11-23"}, {"members", members}}.dump()));
    EXPECT_EQ(test::program_result(result, "target", "old").at("status"), "eligible");
    EXPECT_EQ(test::program_result(result, "target", "young").at("status"), "not_eligible");
}

TEST(Logic, ManyOfTestsAnyAllAndNone) {
    const Json any = {{"fact", "groups"}, {"has_any", {"x", "y"}}};
    const Json all = {{"fact", "groups"}, {"has_all", {"x", "y"}}};
    const Json none = {{"fact", "groups"}, {"has_none", {"x"}}};
    EXPECT_EQ(status(logic_service(any), {{"groups", {"y"}}}), "eligible");
    EXPECT_EQ(status(logic_service(any), {{"groups", Json::array()}}), "not_eligible");
    EXPECT_EQ(status(logic_service(all), {{"groups", {"y"}}}), "not_eligible");
    EXPECT_EQ(status(logic_service(all), {{"groups", {"y", "x"}}}), "eligible");
    EXPECT_EQ(status(logic_service(none), {{"groups", {"y"}}}), "eligible");
    EXPECT_EQ(status(logic_service(none), {{"groups", {"x"}}}), "not_eligible");
}

}  // namespace
}  // namespace carecheck
