// Amounts in the document's own unit, and the yearly figure only where one follows.
#include <gtest/gtest.h>

#include "test_support.h"

namespace carecheck {
namespace {

using test::program_result;

Json result_for(const Json& parameters) {
    Json input = test::household({{"region", "130702"}, {"poor", true}, {"support", {"tekun"}}},
                                 {{{"id", "gran"}, {"roles", {"elder"}}, {"facts", {{"age", 85}, {"insured", true}, {"kind", "a"}}}}});
    if (!parameters.is_null()) input["parameters"] = parameters;
    return test::parse(test::example_service().check(input.dump()));
}

TEST(Amount, FixedPerHouseholdYear) {
    const Json amount = program_result(result_for(nullptr), "care").at("amount");
    EXPECT_EQ(amount.at("yearly"), 1000);
    EXPECT_EQ(amount.at("bound"), "exact");
    EXPECT_EQ(amount.at("text").at("zh"), "1000 元/户/年");
}

TEST(Amount, PerDayWithAMonthlyCapGivesAYearlyMaximum) {
    const Json amount = program_result(result_for(nullptr), "respite").at("amount");
    EXPECT_EQ(amount.at("yearly"), 1200);
    EXPECT_EQ(amount.at("bound"), "up_to");
    EXPECT_EQ(amount.at("text").at("zh"), "50 元/户/天，每月最多 2 天（一年最多 1200 元）");
}

TEST(Amount, FloorIsShownAsAtLeast) {
    const Json amount = program_result(result_for(nullptr), "old-age", "gran").at("amount");
    EXPECT_EQ(amount.at("yearly"), 240);
    EXPECT_EQ(amount.at("bound"), "at_least");
    EXPECT_EQ(amount.at("text").at("en"), "at least 20 yuan per person per month (at least 240 yuan a year)");
}

TEST(Amount, FormulaWithoutTheLocalFigureShowsTheRuleNotANumber) {
    const Json amount = program_result(result_for(nullptr), "support", "gran").at("amount");
    EXPECT_TRUE(amount.at("yearly").is_null());
    EXPECT_EQ(amount.at("bound"), "unknown");
    EXPECT_NE(amount.at("text").at("zh").get<std::string>().find("不低于当地低保标准的 1.3 倍"), std::string::npos);
}

TEST(Amount, FormulaWithTheLocalFigureGivesTheFloor) {
    const Json amount = program_result(result_for(Json{{"dibao_standard", 600}}), "support", "gran").at("amount");
    EXPECT_EQ(amount.at("value"), 780);
    EXPECT_EQ(amount.at("yearly"), 9360);
    EXPECT_EQ(amount.at("bound"), "at_least");
}

TEST(Amount, MisspelledParameterIsRejectedNotIgnored) {
    const Json input = {{"as_of", "2026-11-23"}, {"parameters", {{"dibao_standrad", 600}}}};
    const Json result = test::parse(test::example_service().check(input.dump()));
    EXPECT_EQ(result.at("error").at("code"), "unknown_parameter");
    EXPECT_EQ(result.at("error").at("path"), "/parameters/dibao_standrad");
}

TEST(Amount, NegativeParameterIsRejected) {
    const Json input = {{"as_of", "2026-11-23"}, {"parameters", {{"dibao_standard", -1}}}};
    const Json result = test::parse(test::example_service().check(input.dump()));
    EXPECT_EQ(result.at("error").at("path"), "/parameters/dibao_standard");
}

}  // namespace
}  // namespace carecheck

namespace carecheck {
namespace {

/// The example rule set with the "care" (programs/0) and "respite" (programs/1) amounts replaced.
Json check_with_amounts(const Json& care, const Json& respite, const Json& household) {
    std::vector<RuleFile> files = test::example_files();
    Json pack = Json::parse(files[1].text);
    pack["programs"][0]["amount"] = care;
    pack["programs"][1]["amount"] = respite;
    files[1].text = pack.dump();
    Service service;
    const Json loaded = test::parse(service.load(files));
    EXPECT_EQ(loaded.at("ok"), true) << loaded.dump();
    return test::parse(service.check(household.dump()));
}

const Json kTwoElders = test::household(
        {{"region", "130702"}, {"poor", true}, {"support", Json::array()}},
        {{{"id", "gran"}, {"roles", {"elder"}}, {"facts", {{"age", 85}, {"insured", true}}}},
         {{"id", "grandpa"}, {"roles", {"elder"}}, {"facts", {{"age", 70}, {"insured", true}}}}});

TEST(Amount, ASuggestedPerPersonFigureIsCountedForThePeopleItNamesAndSaysWhoIsPaid) {
    const Json result = check_with_amounts(
            {{"paid_to", "institution"}, {"kind", "fixed"}, {"value", 100}, {"per", "person"}, {"period", "month"},
             {"suggested", true}, {"adjustable", true}, {"people", {"elder"}}},
            {{"paid_to", "family"}, {"kind", "per_day"}, {"value", 50}, {"per", "household"}, {"max_days_per_month", 2}},
            kTwoElders);
    const Json amount = program_result(result, "care").at("amount");
    EXPECT_EQ(amount.at("paid_to"), "institution");
    EXPECT_EQ(amount.at("suggested"), true);
    EXPECT_EQ(amount.at("people"), 2);
    EXPECT_EQ(amount.at("yearly"), 2400);
    EXPECT_EQ(amount.at("text").at("zh"), "建议 100 元/人/月（一年 1200 元）；按家里 2 个人算，一年共 2400 元（当地可以按实际调整）");
}

TEST(Amount, APerMealFigureSaysOneMealADay) {
    const Json result = check_with_amounts(
            {{"paid_to", "family"}, {"kind", "fixed"}, {"value", 1000}, {"per", "household"}, {"period", "year"}},
            {{"paid_to", "meal_point"}, {"kind", "per_day"}, {"value", 3}, {"per", "person"}, {"per_meal", true}},
            kTwoElders);
    const Json amount = program_result(result, "respite").at("amount");
    EXPECT_EQ(amount.at("paid_to"), "meal_point");
    EXPECT_EQ(amount.at("per_meal"), true);
    EXPECT_EQ(amount.at("text").at("zh"), "每餐 3 元，每天补一餐（一年最多 1095 元）");
}

}  // namespace
}  // namespace carecheck
