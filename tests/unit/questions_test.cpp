// Next questions: only what can still change an undetermined program, most useful first,
// and never a question the family already answered "not sure".
#include <gtest/gtest.h>

#include <algorithm>

#include "test_support.h"

namespace carecheck {
namespace {

Json questions(const Json& input) { return test::parse(test::example_service().questions(input.dump())); }

std::vector<std::string> ids(const Json& result) {
    std::vector<std::string> out;
    for (const Json& q : result.at("questions")) out.push_back(q.at("fact").get<std::string>() + (q.contains("member") ? "@" + q.at("member").get<std::string>() : ""));
    return out;
}

TEST(Questions, NewHouseholdIsAskedWhereItIsRegisteredFirst) {
    const Json result = questions(test::household(Json::object(), {{{"id", "gran"}, {"roles", {"elder"}}}}));
    ASSERT_FALSE(result.at("questions").empty());
    EXPECT_EQ(result.at("questions")[0].at("fact"), "region");
    EXPECT_EQ(result.at("questions")[0].at("question").at("zh"), "户口在哪里？");
}

TEST(Questions, HouseholdOutsideTheCityHasNothingLeftToAsk) {
    const Json result = questions(test::household({{"region", "431225"}}, {{{"id", "m"}, {"roles", {"elder"}}}}));
    EXPECT_EQ(result.at("remaining"), 0);
}

TEST(Questions, MemberQuestionsNameTheMember) {
    const Json result = questions(test::household({{"region", "130702"}, {"poor", true}, {"support", Json::array()}},
                                                  {{{"id", "gran"}, {"roles", {"elder"}}}}));
    // "kind" only matters to the 特困 support program, which the empty support list rules out.
    EXPECT_EQ(ids(result), (std::vector<std::string>{"age@gran", "insured@gran"}));
}

TEST(Questions, NotSureIsNotAskedAgain) {
    // "poor" stays unknown (care still needs it), but the family said "not sure": ask the rest.
    const Json result = questions(test::household({{"region", "130702"}, {"poor", nullptr}}, {{{"id", "gran"}, {"roles", {"elder"}}}}));
    const std::vector<std::string> asked = ids(result);
    EXPECT_TRUE(std::count(asked.begin(), asked.end(), "age@gran") == 1) << result.dump();
    EXPECT_TRUE(std::count(asked.begin(), asked.end(), "poor") == 0) << result.dump();
}

TEST(Questions, AFactThatDecidesMoreProgramsIsAskedBeforeOneEarlierInTheCatalogue) {
    // tests/data/pin: "poor" comes first in the catalogue but decides one program (nursing);
    // "disabled" decides all three.
    const Service service =
            test::service_for(test::data_files("pin", {"facts.json", "ranking.pack.json"}));
    const Json result =
            test::parse(service.questions(test::household(Json::object(), Json::array()).dump()));
    EXPECT_EQ(ids(result), (std::vector<std::string>{"disabled", "poor"})) << result.dump();
    ASSERT_EQ(result.at("questions").size(), 2u);
    EXPECT_EQ(result.at("questions")[0].at("programs"), 3);
    EXPECT_EQ(result.at("questions")[1].at("programs"), 1);
}

TEST(Questions, AQuestionThatCannotChangeAnythingIsNotAsked) {
    // Not poor: care, respite and ask-more are settled; "kind" only matters for support.
    const Json result = questions(test::household({{"region", "130702"}, {"poor", false}, {"support", Json::array()}},
                                                  {{{"id", "gran"}, {"roles", {"elder"}}, {"facts", {{"age", 85}}}}}));
    EXPECT_TRUE(ids(result).empty()) << result.dump();
}

TEST(Questions, QuestionsCarryWhatThePageNeedsToAskThem) {
    const Json result = questions(test::household({{"region", "130702"}, {"poor", true}}, {{{"id", "gran"}, {"roles", {"elder"}}}}));
    for (const Json& q : result.at("questions")) {
        if (q.at("fact") != "age") continue;
        EXPECT_EQ(q.at("type"), "number");
        EXPECT_EQ(q.at("min"), 0);
        EXPECT_EQ(q.at("unit").at("zh"), "岁");
        return;
    }
    FAIL() << "age was not asked: " << result.dump();
}

}  // namespace
}  // namespace carecheck
