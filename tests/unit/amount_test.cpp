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
