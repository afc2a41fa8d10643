// Household input: every wrong answer is reported with the pointer of the answer, never
// evaluated into a silent wrong result.
#include <gtest/gtest.h>

#include "carecheck/evaluation.h"
#include "carecheck/household.h"
#include "carecheck/render.h"
#include "household_fast.h"
#include "input_limits.h"
#include "test_support.h"

namespace carecheck {
namespace {

using test::household;
using test::parse;

Json check(const Json& input) { return parse(test::example_service().check(input.dump())); }

void expect_error(const Json& result, const std::string& code, const std::string& path) {
    ASSERT_EQ(result.at("ok"), false) << result.dump();
    bool found = false;
    for (const Json& issue : result.at("issues")) found = found || (issue.at("code") == code && issue.at("path") == path);
    EXPECT_TRUE(found) << "no " << code << " at " << path << " in " << result.dump();
}

TEST(Household, NegativeAgeIsOutOfRange) {
    expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"age", -3}}}}})), "out_of_range", "/members/0/facts/age");
}

TEST(Household, FractionalAgeIsRejectedForWholeNumberFacts) {
    expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"age", 60.5}}}}})), "wrong_answer_type",
                 "/members/0/facts/age");
}

TEST(Household, TextWhereYesNoIsExpectedIsRejected) {
    expect_error(check(household({{"poor", "yes"}}, Json::array())), "wrong_answer_type", "/facts/poor");
}

TEST(Household, UnknownQuestionIdIsRejected) {
    expect_error(check(household({{"income", 100}}, Json::array())), "unknown_fact", "/facts/income");
}

TEST(Household, MemberFactGivenForTheHouseholdSaysWhereItBelongs) {
    expect_error(check(household({{"age", 70}}, Json::array())), "wrong_subject", "/facts/age");
}

TEST(Household, UnknownRoleAndDuplicateMemberAreRejected) {
    const Json result = check(household({}, {{{"id", "a"}, {"roles", {"king"}}}, {{"id", "a"}}}));
    expect_error(result, "unknown_role", "/members/0/roles/0");
    expect_error(result, "duplicate_id", "/members/1/id");
}

TEST(Household, ImpossibleDatesAreRejected) {
    const Json result =
            check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", "1950-02-30"}}}}}));
    expect_error(result, "bad_date", "/members/0/facts/birth_date");
    EXPECT_NE(result.at("error").at("message").get<std::string>().find("must be a real date"),
              std::string::npos)
            << result.dump();
    expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", "1950-2-3"}}}}})),
                 "wrong_answer_type", "/members/0/facts/birth_date");
    expect_error(check(Json{{"as_of", "2026-13-01"}}), "bad_date", "/as_of");
}

TEST(Household, LeapDaysAreRealDatesOnlyInLeapYears) {
    for (const char* day : {"2000-02-29", "2024-02-29"}) {
        Json input = household({}, {{{"id", "m"}, {"facts", {{"birth_date", day}}}}});
        input["as_of"] = "2028-02-29";
        EXPECT_EQ(check(input).at("ok"), true) << day;
    }
    for (const char* day : {"1900-02-29", "2023-02-29"}) {
        expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", day}}}}})),
                     "bad_date", "/members/0/facts/birth_date");
    }
}

TEST(Household, AgeAboveTheCatalogueMaximumIsOutOfRange) {
    EXPECT_EQ(check(household({}, {{{"id", "m"}, {"facts", {{"age", 130}}}}})).at("ok"), true);
    expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"age", 131}}}}})), "out_of_range",
                 "/members/0/facts/age");
}

TEST(Household, BirthDateGivingAnAgeAboveTheMaximumIsOutOfRange) {
    // On 2026-11-23 someone born 1895-11-24 is 130 (the catalogue's maximum); a day earlier, 131.
    EXPECT_EQ(check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", "1895-11-24"}}}}}))
                      .at("ok"),
              true);
    expect_error(check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", "1895-11-23"}}}}})),
                 "out_of_range", "/members/0/facts/birth_date");
}

TEST(Household, OptionGivenTwiceInAManyOfAnswerIsRejectedAtTheSecondCopy) {
    // Accepted, ["tekun", "tekun"] would count twice towards has_all.
    expect_error(check(household({{"support", {"tekun", "tekun"}}}, Json::array())),
                 "duplicate_option", "/facts/support/1");
}

TEST(Household, BirthDateAfterTheCheckDateIsRejectedNotAgedMinusFour) {
    const Json result =
            check(household({}, {{{"id", "m"}, {"facts", {{"birth_date", "2030-01-01"}}}}}));
    expect_error(result, "out_of_range", "/members/0/facts/birth_date");
    // Said as the slip it is, not as "age -4, outside 0–130".
    const std::string message = result.at("error").at("message");
    EXPECT_NE(message.find("2030-01-01 is after"), std::string::npos) << message;
    EXPECT_EQ(message.find("-4"), std::string::npos) << message;
}

TEST(Household, RegionMustBeASixDigitCode) {
    expect_error(check(household({{"region", "Zhangjiakou"}}, Json::array())), "wrong_answer_type", "/facts/region");
}

TEST(Household, OptionNotInTheListIsRejected) {
    expect_error(check(household({{"support", {"dibao", "rich"}}}, Json::array())), "unknown_option", "/facts/support/1");
}

TEST(Household, MissingAsOfWithoutTodayIsRejected) {
    const Json result = parse(test::example_service().check("{}"));
    expect_error(result, "missing_field", "/as_of");
}

TEST(Household, TodayFillsInAMissingAsOf) {
    const Json result = parse(test::example_service().check("{}", "2030-01-02"));
    ASSERT_EQ(result.at("ok"), true);
    EXPECT_EQ(result.at("as_of"), "2030-01-02");
}

TEST(Household, TenMegabytesOfJunkIsRefusedAsTooLargeNotACrash) {
    const std::string junk(10 * 1024 * 1024, '[');
    const Json result = parse(test::example_service().check(junk));
    EXPECT_EQ(result.at("ok"), false);
    EXPECT_EQ(result.at("error").at("code"), "too_large");
}

TEST(Household, InvalidUtf8IsASyntaxError) {
    const Json result = parse(test::example_service().check("{\"as_of\":\"2026-11-23\",\"x\":\"\xff\xfe\"}"));
    EXPECT_EQ(result.at("error").at("code"), "json_syntax");
}

TEST(Household, NotSureAnswerIsAcceptedAndStaysUnknown) {
    const Json result = check(household({{"region", "130702"}, {"poor", nullptr}},
                                        {{{"id", "gran"}, {"roles", {"elder"}}, {"facts", {{"age", 70}, {"insured", true}}}}}));
    ASSERT_EQ(result.at("ok"), true);
    EXPECT_EQ(test::program_result(result, "care").at("status"), "needs_answers");
}

TEST(Household, ValidateHouseholdAcceptsGoodInputAndNamesBadInput) {
    const Service service = test::example_service();
    EXPECT_EQ(parse(service.validate_household(household({{"poor", true}}, Json::array()).dump())).at("ok"), true);
    EXPECT_EQ(parse(service.validate_household("{\"facts\":{\"poor\":1}}")).at("error").at("path"), "/facts/poor");
}

TEST(Household, ChecksBeforeLoadingAreAnErrorNotACrash) {
    const Service empty;
    EXPECT_EQ(parse(empty.check("{}")).at("error").at("code"), "no_rules");
    EXPECT_EQ(parse(empty.describe()).at("error").at("code"), "no_rules");
}

}  // namespace
}  // namespace carecheck

// The fast reader (no JSON tree) must take every valid household the checking reader takes, read
// it the same way, and give up on every household the checking reader refuses.
namespace carecheck {
namespace {

TEST(FastHouseholdReader, AgreesWithTheCheckingReaderOnEveryCaseHousehold) {
    const Service service = test::service_for(test::rule_files());
    const Ruleset& rules = *service.ruleset();
    size_t valid = 0;
    for (const std::string& text : test::case_households()) {
        IssueList issues;
        const Json json = parse_limited(text, kHouseholdLimits, issues);
        std::optional<Household> checked;
        if (issues.empty()) checked = read_household(json, rules, "2026-11-23", issues);
        const auto fast = read_valid_household(text, rules, "2026-11-23");
        ASSERT_EQ(fast.has_value(), checked.has_value()) << text;
        if (!checked) continue;
        ++valid;
        EXPECT_EQ(service.renderer()->result(evaluate(rules, *fast, Trace::Record)),
                  service.renderer()->result(evaluate(rules, *checked, Trace::Record)))
                << text;
    }
    EXPECT_GT(valid, 300u);
}

TEST(Household, AWholeNumberIsWrittenBackAsItWasGiven) {
    // Past 2^53 a double loses the last digits; past 2^63 a signed integer cannot hold it.
    const Service service = test::example_service();
    for (const char* age : {"70", "70.0"}) {  // age is a whole number: 70.0 is one, written as given
        const std::string h = std::string(R"({"as_of":"2026-11-23","facts":{"region":"130702"},"members":[{"id":"m","roles":["elder"],"facts":{"age":)") +
                              age + "}}]}";
        const std::string out = service.check(h);
        EXPECT_NE(out.find(std::string("\"fact\":\"age\",\"member\":\"m\",\"value\":") + age), std::string::npos) << out;
    }
    Value big;
    big.state = Answer::Known;
    big.written = Value::Written::Unsigned;
    big.whole = 18446744073709551615u;
    big.number = 1.8446744073709552e19;
    Fact number_fact;
    number_fact.type = FactType::Number;
    EXPECT_EQ(value_json(number_fact, big).dump(), "18446744073709551615");
    big.written = Value::Written::Signed;
    big.whole = static_cast<std::uint64_t>(std::int64_t{9007199254740993});
    EXPECT_EQ(value_json(number_fact, big).dump(), "9007199254740993");
}

TEST(FastHouseholdReader, GivesUpOnWhatTheCheckingReaderRefuses) {
    const Service service = test::service_for(test::rule_files());
    const Ruleset& rules = *service.ruleset();
    const std::string good = R"({"as_of":"2026-11-23","facts":{"hukou_region":"130722"},"members":[{"id":"m","roles":["elder"],"facts":{"age":70}}]})";
    ASSERT_TRUE(read_valid_household(good, rules, ""));
    for (const char* bad : {
             R"({"as_of":"2026-11-23","facts":{"hukou_region":"130722","hukou_region":"130722"}})",
             R"({"as_of":"2026-11-23","facts":{"hukou_region":"13072"}})",
             R"({"as_of":"2026-11-23","facts":{"no_such_fact":true}})",
             R"({"as_of":"2026-11-23","members":[{"id":"m","facts":{"age":-3}}]})",
             R"({"as_of":"2026-11-23","members":[{"id":"m","facts":{"age":1e400}}]})",
             R"({"as_of":"2026-11-23","members":[{"id":"m"},{"id":"m"}]})",
             R"({"as_of":"2026-11-23","members":[{"roles":["elder"]}]})",
             R"({"as_of":"2026-11-23","members":[{"id":"m","roles":["king"]}]})",
             R"({"as_of":"2026-11-23","members":[{"id":"m","facts":{"hukou_region":"130722"}}]})",
             R"({"as_of":"2026-13-01"})", R"({"facts":{}})", R"({"as_of":"2026-11-23","extra":1})",
             R"({"as_of":"2026-11-23","parameters":{"no_such":1}})", R"([])", R"("text")", R"({"as_of":"2026-11-23"} x)",
             R"({"as_of":"2026-11-23","members":[{"id":"m","facts":{"birth_date":"2030-01-01"}}]})"}) {
        IssueList issues;
        const Json json = parse_limited(bad, kHouseholdLimits, issues);
        std::optional<Household> checked;
        if (issues.empty()) checked = read_household(json, rules, "", issues);
        EXPECT_FALSE(checked) << "the checking reader takes " << bad;
        EXPECT_FALSE(read_valid_household(bad, rules, "")) << "the fast reader takes " << bad;
    }
}

}  // namespace
}  // namespace carecheck
