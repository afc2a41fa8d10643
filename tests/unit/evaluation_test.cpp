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

TEST(Evaluation, ARelatedPolicyNotPointedToIsNotSaidToBeOutOfReach) {
    // A related policy has its own conditions, which the text does not set: its "no" says the
    // text leaves the family out, never "you do not qualify" (for 低保 itself, say).
    Json dibao = qualifying("130702");
    dibao["facts"]["support"] = {"dibao"};
    const Json text = program_result(check(dibao), "ask-more").at("status_text");
    EXPECT_EQ(text.at("zh").get<std::string>().find("不符合"), std::string::npos) << text.dump();
    EXPECT_NE(text.at("zh").get<std::string>().find("自己的条件"), std::string::npos)
            << text.dump();
    Json uninsured = qualifying("130702");
    uninsured["members"][0]["facts"]["insured"] = false;
    EXPECT_EQ(program_result(check(uninsured), "care").at("status_text").at("zh"), "不符合条件");
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
    // Two services, each with its own load of the rules: the bytes may depend on nothing but the
    // rules and the household (tests/cli/same_bytes.sh compares two CLI processes with expected
    // bytes).
    const std::string input = qualifying("130702").dump();
    const Service first = test::example_service();
    const std::string once = first.check(input);
    const Service second = test::example_service();
    // Another household first: nothing is carried over from one call to the next.
    EXPECT_NE(second.check(qualifying("130722").dump()), once);
    EXPECT_EQ(second.check(input), once);
    EXPECT_EQ(first.check(input), once);
}

/// The text (English) and value of every trace entry under `traces`, depth first.
void flatten_why(const Json& traces, std::vector<std::pair<std::string, std::string>>& out) {
    for (const Json& trace : traces) {
        out.emplace_back(trace.at("text").at("en").get<std::string>(),
                         trace.at("value").get<std::string>());
        flatten_why(trace.at("children"), out);
    }
}

TEST(Evaluation, WhyOfANotEligibleProgramListsOnlyTheConditionsThatFailed) {
    // In the city, poor and 70 all pass; only "everyone is insured" fails.
    Json input = qualifying("130702");
    input["members"][0]["facts"]["insured"] = false;
    const Json care = program_result(check(input), "care");
    ASSERT_EQ(care.at("status"), "not_eligible");
    std::vector<std::pair<std::string, std::string>> why;
    flatten_why(care.at("why"), why);
    EXPECT_EQ(why, (std::vector<std::pair<std::string, std::string>>{
                           {"the family qualifies", "false"},
                           {"poor family with an elder, all insured", "false"},
                           {"everyone is insured", "false"}}));
}

TEST(Screening, NeedsAnswersLineListsWhatIsStillMissing) {
    const Json input =
            household({{"region", "130702"}, {"poor", true}}, {elder("grandma", Json::object())});
    const Json screened = test::parse(test::example_service().screen(input.dump()));
    bool seen = false;
    for (const Json& line : screened.at("results")) {
        if (line.at("program") != "care")
            continue;
        seen = true;
        EXPECT_EQ(line.at("status"), "needs_answers");
        EXPECT_EQ(line.value("missing", Json()),
                  (Json{{{"fact", "age"}, {"member", "grandma"}},
                        {{"fact", "insured"}, {"member", "grandma"}}}))
                << line.dump();
    }
    EXPECT_TRUE(seen) << screened.dump();
}

// The behaviours below run on tests/data/pin, whose programs each test one thing.

Json check_pin(const Json& input) {
    return test::parse(test::pin_service().check(input.dump()));
}

Json elder_born(const char* birth_date, const char* as_of = "2026-11-23") {
    Json input = household(Json::object(), {elder("grandpa", {{"birth_date", birth_date}})});
    input["as_of"] = as_of;
    return input;
}

std::string longevity_hint(const Json& input) {
    const Json longevity = program_result(check_pin(input), "longevity", "grandpa");
    EXPECT_EQ(longevity.at("status"), "not_eligible");
    if (longevity.value("would_change", Json::array()).empty())
        return "no would_change: " + longevity.dump();
    return longevity.at("would_change")[0]
            .value("hint", Json::object())
            .value("en", "no hint: " + longevity.dump());
}

TEST(Evaluation, GreaterThanAgeHintNamesTheBirthdayThatPassesIt) {
    // "age > 64" passes at 65: on the 65th birthday, not the 64th.
    EXPECT_EQ(longevity_hint(elder_born("1964-05-10")),
              "needs > 64 years, now 62 years; turns 65 on 2029-05-10");
}

TEST(Evaluation, BornOn29FebruaryTurnsANewAgeOn1MarchInACommonYear) {
    // Pinned as the code stands (dates.cpp: years_between, anniversary): in a year without
    // 29 February the birthday is reached on 1 March, so the age, the status and the hint agree.
    EXPECT_EQ(longevity_hint(elder_born("1964-02-29")),
              "needs > 64 years, now 62 years; turns 65 on 2029-03-01");
    EXPECT_EQ(longevity_hint(elder_born("1964-02-29", "2029-02-28")),
              "needs > 64 years, now 64 years; turns 65 on 2029-03-01");
    EXPECT_EQ(program_result(check_pin(elder_born("1964-02-29", "2029-03-01")), "longevity",
                             "grandpa")
                      .at("status"),
              "eligible");
}

TEST(Evaluation, ProvinceCodeCoversEveryRegionOfThatProvinceAndNoOther) {
    for (const char* region : {"130000", "130100", "130722", "131082"}) {
        const Json input = household({{"region", region}}, Json::array());
        EXPECT_EQ(program_result(check_pin(input), "in-province").at("status"), "eligible")
                << region;
    }
    for (const char* region : {"140100", "230722", "110105"}) {
        const Json input = household({{"region", region}}, Json::array());
        EXPECT_EQ(program_result(check_pin(input), "in-province").at("status"), "not_eligible")
                << region;
    }
}

TEST(Evaluation, LocalExceptionNotYetAnsweredNeedsAnswers) {
    const Json unanswered =
            program_result(check_pin(household({{"poor", true}}, Json::array())), "pilot-grant");
    EXPECT_EQ(unanswered.at("status"), "needs_answers");
    EXPECT_EQ(unanswered.value("missing", Json()), (Json{{{"fact", "pilot"}}}));
    const Json pilot = program_result(
            check_pin(household({{"poor", true}, {"pilot", true}}, Json::array())), "pilot-grant");
    EXPECT_EQ(pilot.at("status"), "eligible");
    const Json elsewhere = program_result(
            check_pin(household({{"poor", true}, {"pilot", false}}, Json::array())), "pilot-grant");
    EXPECT_EQ(elsewhere.at("status"), "depends_on_local_decision");
}

TEST(Evaluation, FactOnlyTheAmountNeedsIsListedAsMissing) {
    // "very_poor" decides only which amount applies, never the status: while it is unknown the
    // program is eligible with no yearly figure, and the fact is still named as missing.
    const Json eligible =
            program_result(check_pin(household({{"poor", true}}, Json::array())), "living");
    EXPECT_EQ(eligible.at("status"), "eligible");
    EXPECT_TRUE(eligible.at("amount").at("yearly").is_null());
    EXPECT_EQ(eligible.value("missing", Json()), (Json{{{"fact", "very_poor"}}}));
    const Json undecided =
            program_result(check_pin(household(Json::object(), Json::array())), "living");
    EXPECT_EQ(undecided.at("status"), "needs_answers");
    EXPECT_EQ(undecided.value("missing", Json()),
              (Json{{{"fact", "poor"}}, {{"fact", "very_poor"}}}));
    const Json known = program_result(
            check_pin(household({{"poor", true}, {"very_poor", true}}, Json::array())), "living");
    EXPECT_EQ(known.at("amount").at("yearly"), 2000);
    EXPECT_EQ(known.value("missing", Json::array()), Json::array());
}

}  // namespace
}  // namespace carecheck
