// Whole-result behaviour on the example pack: statuses, local decisions, per-member programs,
// explanations, "what would change it", and the choose-one group.
#include <gtest/gtest.h>

#include "test_support.h"

namespace carecheck {
namespace {

using test::household;
using test::program_result;

Json elder(const char* id, Json facts) { return Json{{"id", id}, {"roles", {"elder"}}, {"facts", std::move(facts)}}; }

Json qualifying(const char* region) {
    return household({{"region", region}, {"poor", true}, {"support", Json::array()}},
                     {elder("grandma", {{"age", 70}, {"insured", true}})});
}

Json check(const Json& input) { return test::parse(test::example_service().check(input.dump())); }

TEST(Evaluation, QualifyingFamilyInThePilotIsEligible) {
    const Json result = check(qualifying("130702"));
    EXPECT_EQ(program_result(result, "care").at("status"), "eligible");
    EXPECT_EQ(program_result(result, "respite").at("status"), "eligible");
}

TEST(Evaluation, OutsideThePilotTheCountyDecides) {
    const Json care = program_result(check(qualifying("130722")), "care");
    EXPECT_EQ(care.at("status"), "depends_on_local_decision");
    EXPECT_EQ(care.at("local").at("decided_by").at("zh"), "县里");
}

TEST(Evaluation, OutsideTheCityNothingApplies) {
    const Json result = check(qualifying("431225"));
    for (const char* id : {"care", "respite", "ask-more"}) EXPECT_EQ(program_result(result, id).at("status"), "not_eligible") << id;
}

TEST(Evaluation, UninsuredMemberFailsEveryMemberInsured) {
    Json input = qualifying("130702");
    input["members"].push_back(Json{{"id", "son"}, {"facts", {{"insured", false}}}});
    const Json care = program_result(check(input), "care");
    EXPECT_EQ(care.at("status"), "not_eligible");
    ASSERT_EQ(care.at("would_change").size(), 1u);
    EXPECT_EQ(care.at("would_change")[0].at("text").at("en"), "everyone is insured");
}

TEST(Evaluation, UnansweredQuestionsAreNamedWithTheirMember) {
    const Json input = household({{"region", "130702"}, {"poor", true}}, {elder("grandma", Json::object())});
    const Json care = program_result(check(input), "care");
    EXPECT_EQ(care.at("status"), "needs_answers");
    EXPECT_EQ(care.at("missing"), (Json{{{"fact", "age"}, {"member", "grandma"}}, {{"fact", "insured"}, {"member", "grandma"}}}));
}

TEST(Evaluation, PerMemberProgramsGiveOneEntryPerMemberInTheRole) {
    Json input = qualifying("130702");
    input["members"].push_back(elder("grandpa", {{"age", 85}, {"insured", true}}));
    input["members"].push_back(Json{{"id", "son"}, {"facts", {{"insured", true}}}});
    const Json result = check(input);
    EXPECT_EQ(program_result(result, "old-age", "grandma").at("status"), "not_eligible");
    EXPECT_EQ(program_result(result, "old-age", "grandpa").at("status"), "eligible");
    size_t entries = 0;
    for (const Json& p : result.at("packs")[0].at("programs")) entries += p.at("id") == "old-age" ? 1 : 0;
    EXPECT_EQ(entries, 2u);
}

TEST(Evaluation, AgeComesFromTheBirthDateAndTheHintSaysWhenItWillPass) {
    const Json input = household({{"region", "130702"}}, {elder("grandpa", {{"birth_date", "1947-03-01"}})});
    const Json allowance = program_result(check(input), "old-age", "grandpa");
    EXPECT_EQ(allowance.at("status"), "not_eligible");  // 79 on 2026-11-23
    const Json hint = allowance.at("would_change")[0].at("hint");
    EXPECT_NE(hint.at("en").get<std::string>().find("turns 80 on 2027-03-01"), std::string::npos) << hint.dump();
    EXPECT_NE(hint.at("zh").get<std::string>().find("现在是 79岁"), std::string::npos) << hint.dump();
}

TEST(Evaluation, BirthdayTodayCountsAsTheNewAge) {
    const Json input = household({{"region", "130702"}}, {elder("grandpa", {{"birth_date", "1946-11-23"}})});
    EXPECT_EQ(program_result(check(input), "old-age", "grandpa").at("status"), "eligible");
}

TEST(Evaluation, WhyListsTheExplainedConditionsWithTheFactsTheyRead) {
    const Json care = program_result(check(qualifying("130702")), "care");
    const Json& top = care.at("why")[0];
    EXPECT_EQ(top.at("value"), "true");
    EXPECT_EQ(top.at("cite").at("clause"), "§二");
    const Json& family = top.at("children")[0];
    ASSERT_GE(family.at("children").size(), 3u);
    const Json& city = family.at("children")[0];
    EXPECT_EQ(city.at("text").at("zh"), "户口在本市");
    EXPECT_EQ(city.at("facts")[0], (Json{{"fact", "region"}, {"value", "130702"}}));
}

TEST(Evaluation, ProgramReferenceFollowsTheOtherProgramsStatus) {
    EXPECT_EQ(program_result(check(qualifying("130722")), "ask-more").at("status"), "worth_asking");
    Json dibao = qualifying("130702");
    dibao["facts"]["support"] = {"dibao"};
    EXPECT_EQ(program_result(check(dibao), "ask-more").at("status"), "not_eligible");
}

TEST(Evaluation, ChooseOneGroupRanksByYearlyValue) {
    const Json group = check(qualifying("130702")).at("packs")[0].at("exclusive_groups")[0];
    EXPECT_EQ(group.at("rule"), "choose_one");
    // respite: 50 × 2 days × 12 = 1200 a year, above care's 1000.
    EXPECT_EQ(group.at("ranked"), (Json{{{"program", "respite"}}, {{"program", "care"}}}));
}

TEST(Evaluation, ResultCarriesThePolicyStatusAndDates) {
    const Json pack = check(qualifying("130702")).at("packs")[0];
    EXPECT_EQ(pack.at("status"), "in_force");
    EXPECT_EQ(pack.at("dates").at("issued"), "2024-01-01");
    EXPECT_EQ(pack.at("jurisdiction").at("code"), "130700");
}

TEST(Evaluation, SameInputGivesByteIdenticalOutput) {
    const Service service = test::example_service();
    const std::string input = qualifying("130702").dump();
    EXPECT_EQ(service.check(input), service.check(input));
}

}  // namespace
}  // namespace carecheck
