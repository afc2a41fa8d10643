// Loading: a good pack compiles; each kind of mistake is reported with its code and the JSON
// pointer of the offending node, and nothing half-loaded is kept.
#include <gtest/gtest.h>

#include "carecheck/loader.h"
#include "test_support.h"

namespace carecheck {
namespace {

using test::example_files;

std::vector<Issue> load_with(const std::string& pointer, const Json& value) {
    std::vector<RuleFile> files = example_files();
    Json pack = Json::parse(files[1].text);
    pack[Json::json_pointer(pointer)] = value;
    files[1].text = pack.dump();
    return load_ruleset(files).issues;
}

std::vector<Issue> load_without(const std::string& pointer) {
    std::vector<RuleFile> files = example_files();
    Json pack = Json::parse(files[1].text);
    const Json::json_pointer ptr(pointer);
    pack[ptr.parent_pointer()].erase(ptr.back());
    files[1].text = pack.dump();
    return load_ruleset(files).issues;
}

::testing::AssertionResult has_issue(const std::vector<Issue>& issues, const std::string& code,
                                     const std::string& path) {
    for (const Issue& issue : issues) {
        if (issue.code == code && issue.path == path) return ::testing::AssertionSuccess();
    }
    auto failure = ::testing::AssertionFailure() << "no " << code << " at " << path << "; got:";
    for (const Issue& issue : issues) failure << " [" << issue.code << " " << issue.path << "]";
    return failure;
}

TEST(Loader, ExamplePackLoadsWithAllItsPrograms) {
    const LoadResult result = load_ruleset(example_files());
    ASSERT_TRUE(result.issues.empty()) << result.issues.front().message;
    ASSERT_EQ(result.ruleset->packs.size(), 1u);
    EXPECT_EQ(result.ruleset->packs[0].programs.size(), 5u);
}

TEST(Loader, UnknownFactIsReportedAtItsPointer) {
    EXPECT_TRUE(has_issue(load_with("/conditions/0/condition/fact", "hukou"), "unknown_fact",
                          "/conditions/0/condition/fact"));
}

TEST(Loader, OrderingComparisonOnYesNoFactIsATypeMismatch) {
    EXPECT_TRUE(has_issue(load_with("/conditions/1/condition/all/1", Json{{"fact", "poor"}, {"ge", 1}}),
                          "operator_type_mismatch", "/conditions/1/condition/all/1/ge"));
}

TEST(Loader, DuplicateProgramIdIsRejected) {
    EXPECT_TRUE(has_issue(load_with("/programs/1/id", "care"), "duplicate_id", "/programs/1/id"));
}

TEST(Loader, ReferenceCycleIsRejected) {
    // "in-city" refers to "family", which refers to "in-city".
    EXPECT_TRUE(has_issue(load_with("/conditions/0/condition", Json{{"ref", "family"}}), "reference_cycle",
                          "/conditions/1/condition/all/0"));
}

TEST(Loader, ProgramWithoutCitationIsRejected) {
    EXPECT_TRUE(has_issue(load_with("/programs/0/citations", Json::array()), "missing_citation",
                          "/programs/0/citations"));
}

TEST(Loader, ExplainedConditionWithoutCiteIsRejected) {
    EXPECT_TRUE(has_issue(load_without("/programs/2/conditions/all/1/cite"), "missing_citation",
                          "/programs/2/conditions/all/1/cite"));
}

TEST(Loader, ExclusiveGroupWithOneMemberIsRejected) {
    EXPECT_TRUE(has_issue(load_without("/programs/1/exclusive_group"), "lonely_group", "/exclusive_groups/0"));
}

TEST(Loader, MemberFactOutsideAMemberContextIsRejected) {
    EXPECT_TRUE(has_issue(load_with("/programs/4/conditions/all/1", Json{{"fact", "age"}, {"ge", 60}}),
                          "member_fact_outside_member", "/programs/4/conditions/all/1/fact"));
}

TEST(Loader, MisspelledKeyIsNotIgnored) {
    EXPECT_TRUE(has_issue(load_with("/programs/0/ammount", 5), "unknown_key", "/programs/0/ammount"));
}

TEST(Loader, UnknownOptionInMembershipIsRejected) {
    EXPECT_TRUE(has_issue(load_with("/programs/3/conditions/all/2/count/where/in", Json::array({"a", "z"})),
                          "unknown_option", "/programs/3/conditions/all/2/count/where/in/1"));
}

TEST(Loader, ConditionsNestedTooDeepAreRejectedNotRecursedForever) {
    Json deep = Json{{"fact", "poor"}, {"eq", true}};
    for (int i = 0; i < 200; ++i) deep = Json{{"not", deep}};
    const auto issues = load_with("/programs/4/conditions/all/1", deep);
    ASSERT_FALSE(issues.empty());
    EXPECT_EQ(issues.front().code, "too_deep");
}

TEST(Loader, SyntaxErrorNamesTheFileAndByte) {
    std::vector<RuleFile> files = example_files();
    files[1].text = "{\"format\": \"carecheck-pack/1\", ";
    const auto issues = load_ruleset(files).issues;
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].code, "json_syntax");
    EXPECT_EQ(issues[0].file, "example.pack.json");
    EXPECT_NE(issues[0].message.find("byte"), std::string::npos);
}

TEST(Loader, QuoteNotInTheSourceIsFound) {
    const LoadResult result = load_ruleset(example_files());
    ASSERT_TRUE(result.ruleset);
    const std::string source = test::read_text_file(std::string(CARECHECK_TEST_DATA) + "/example/source.txt");
    EXPECT_TRUE(check_quotes(result.ruleset->packs[0], source).empty());
    const auto issues = check_quotes(result.ruleset->packs[0], "一段别的文字");
    EXPECT_TRUE(has_issue(issues, "quote_not_in_source", "/programs/0/citations/0"));
}

TEST(Loader, FailedLoadKeepsThePreviousRuleSet) {
    Service service = test::example_service();
    std::vector<RuleFile> broken = example_files();
    broken[1].text = "[]";
    EXPECT_EQ(test::parse(service.load(broken)).at("ok"), false);
    const Json result = test::parse(service.check(test::household({{"region", "130702"}}, Json::array()).dump()));
    EXPECT_EQ(result.at("ok"), true);
}

TEST(Loader, ACatalogueLoadedAgainIsReadFromTheMemoAndAChangedOneIsParsedAgain) {
    CatalogueMemo memo;
    std::vector<RuleFile> files = example_files();
    ASSERT_TRUE(load_ruleset(files, &memo).issues.empty());
    ASSERT_TRUE(memo.json);
    const auto kept = memo.json;
    const LoadResult again = load_ruleset(files, &memo);
    ASSERT_TRUE(again.issues.empty());
    EXPECT_EQ(memo.json, kept);  // the same parsed catalogue, not a new parse
    EXPECT_EQ(again.ruleset->packs[0].programs.size(), 5u);
    // The catalogue changed (a key added): what it now says counts, not what the memo holds.
    files[0].text.insert(files[0].text.rfind('}'), ", \"oops\": 1");
    EXPECT_TRUE(has_issue(load_ruleset(files, &memo).issues, "unknown_key", "/oops"));
    EXPECT_NE(memo.json, kept);
    files[0].text = "{\"format\": \"carecheck-facts/1\", ";
    const auto broken = load_ruleset(files, &memo).issues;
    ASSERT_FALSE(broken.empty());
    EXPECT_EQ(broken[0].code, "json_syntax");
}

TEST(Loader, AProgramAmountMustSayWhoIsPaid) {
    EXPECT_TRUE(has_issue(load_without("/programs/0/amount/paid_to"), "missing_field", "/programs/0/amount/paid_to"));
    EXPECT_TRUE(has_issue(load_with("/programs/0/amount/paid_to", "neighbour"), "bad_value", "/programs/0/amount/paid_to"));
}

TEST(Loader, ADefaultMustBeAFactOfTheSameTypeAndNeverGoRoundInACircle) {
    std::vector<RuleFile> files = example_files();
    Json facts = Json::parse(files[0].text);
    facts["facts"][0]["default_from"] = "poor";  // a region defaulting to a yes/no answer
    files[0].text = facts.dump();
    EXPECT_TRUE(has_issue(load_ruleset(files).issues, "bad_default", "/facts/0/default_from"));
    facts["facts"][0]["default_from"] = "home";
    facts["facts"].push_back({{"id", "home"}, {"about", "household"}, {"type", "region"}, {"default_from", "region"},
                              {"question", {{"zh", "住在哪里？"}, {"en", "Where do you live?"}}}});
    files[0].text = facts.dump();
    EXPECT_TRUE(has_issue(load_ruleset(files).issues, "reference_cycle", "/facts/0/default_from"));
}

TEST(Loader, ADefaultListsTheSameOptionsInTheSameOrder) {
    // Answers are kept as option numbers: a default with its options in another order would read
    // "tekun" where the family said "dibao".
    std::vector<RuleFile> files = example_files();
    Json facts = Json::parse(files[0].text);
    const Json option_a = {{"id", "a"}, {"name", {{"zh", "甲"}, {"en", "A"}}}};
    const Json option_b = {{"id", "b"}, {"name", {{"zh", "乙"}, {"en", "B"}}}};
    const Json question = {{"zh", "哪一种？"}, {"en", "Which?"}};
    facts["facts"].push_back({{"id", "family_kind"}, {"about", "household"}, {"type", "one_of"},
                              {"options", {option_a, option_b}}, {"question", question}});
    facts["facts"].push_back({{"id", "own_kind"}, {"about", "member"}, {"type", "one_of"},
                              {"options", {option_b, option_a}}, {"question", question}, {"default_from", "family_kind"}});
    files[0].text = facts.dump();
    const std::string at = "/facts/" + std::to_string(facts["facts"].size() - 1) + "/default_from";
    EXPECT_TRUE(has_issue(load_ruleset(files).issues, "bad_default", at));
    facts["facts"].back()["options"] = {option_a, option_b};
    files[0].text = facts.dump();
    EXPECT_FALSE(has_issue(load_ruleset(files).issues, "bad_default", at));
}

}  // namespace
}  // namespace carecheck
