// Hard input limits: hostile households are refused with a code, the pointer where the limit
// was passed and a short message, before any value is built; good households still work after.
#include <gtest/gtest.h>

#include "test_support.h"

namespace carecheck {
namespace {

using test::parse;

Json check_text(const std::string& text) { return parse(test::example_service().check(text)); }

std::string nested(size_t depth) {
    return "{\"as_of\":\"2026-11-23\",\"facts\":{\"poor\":" + std::string(depth, '[') + std::string(depth, ']') +
           "},\"members\":[]}";
}

void expect_refused(const Json& result, const std::string& code, const std::string& path) {
    ASSERT_EQ(result.at("ok"), false) << result.dump().substr(0, 400);
    EXPECT_EQ(result.at("error").at("code"), code);
    EXPECT_EQ(result.at("error").at("path"), path);
    // Messages quote at most ~80 characters of what was sent, whatever its size.
    EXPECT_LT(result.at("error").at("message").get<std::string>().size(), 300u);
}

TEST(InputLimits, AValueNestedAHundredThousandDeepIsRefusedPastLevelSixtyFour) {
    const Json result = check_text(nested(100000));
    std::string path = "/facts/poor";
    for (int i = 0; i < 62; ++i) path += "/0";  // the household and "facts" are two levels
    expect_refused(result, "too_deep", path);
}

TEST(InputLimits, SixtyFourLevelsAreStillReadAndJudgedAsAWrongAnswer) {
    // 64 levels in all (the household object, facts, then 62 arrays) pass the limit and reach
    // the answer check, which says what is wrong with the answer itself.
    const Json result = check_text(nested(62));
    ASSERT_EQ(result.at("ok"), false);
    EXPECT_EQ(result.at("error").at("code"), "wrong_answer_type");
}

TEST(InputLimits, AKeyGivenTwiceIsAnErrorAtItsPointerNotTheLastOneWinning) {
    expect_refused(check_text(R"({"as_of":"2026-11-23","facts":{"region":"130702","region":"431225"},"members":[]})"),
                   "duplicate_key", "/facts/region");
}

TEST(InputLimits, AHugeStringIsRefusedAndOnlyItsStartIsQuoted) {
    const std::string text = R"({"as_of":"2026-11-23","facts":{"region":")" + std::string(50000, '1') + R"("},"members":[]})";
    expect_refused(check_text(text), "too_long", "/facts/region");
}

TEST(InputLimits, AMillionMembersAreRefusedBeforeTheyAreBuilt) {
    std::string text = R"({"as_of":"2026-11-23","facts":{},"members":[)";
    for (int i = 0; i < 200000; ++i) text += i ? ",{}" : "{}";
    text += "]}";
    expect_refused(check_text(text), "too_many_items", "/members");
}

TEST(InputLimits, ALongMemberIdIsRefusedSoItCannotBeRepeatedIntoEveryLine) {
    const std::string text = R"({"as_of":"2026-11-23","facts":{},"members":[{"id":")" + std::string(65, 'x') +
                             R"(","roles":["elder"],"facts":{}}]})";
    expect_refused(check_text(text), "too_long", "/members/0/id");
}

TEST(InputLimits, ANumberTooLargeForADoubleIsASyntaxErrorWithItsByte) {
    const Json result = check_text(R"({"as_of":"2026-11-23","facts":{"poor":1e400},"members":[]})");
    ASSERT_EQ(result.at("ok"), false);
    EXPECT_EQ(result.at("error").at("code"), "json_syntax");
    EXPECT_NE(result.at("error").at("message").get<std::string>().find("near byte 43 (after \"1e400\")"), std::string::npos)
            << result.dump();
}

TEST(InputLimits, AGoodHouseholdIsAnsweredAfterManyHostileOnes) {
    const Service service = test::example_service();
    for (int i = 0; i < 200; ++i) {
        (void)service.check(nested(2000));
        (void)service.check(R"({"facts":{"a":1,"a":2}})");
    }
    const Json good = parse(service.check(R"({"as_of":"2026-11-23","facts":{"region":"130702"},"members":[]})"));
    EXPECT_EQ(good.at("ok"), true) << good.dump().substr(0, 300);
}

}  // namespace
}  // namespace carecheck
