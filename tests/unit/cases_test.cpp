// Reading a *.cases.json file: a case that checks nothing is a mistake in the file, not a pass.
#include "carecheck/cases.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace carecheck {
namespace {

IssueList read_cases(const Json& cases) {
    IssueList issues("x.cases.json");
    read_case_file(
            Json{{"format", "carecheck-cases/1"}, {"pack", "example"}, {"cases", cases}}.dump(),
            issues);
    return issues;
}

Json a_case(const char* id) {
    return Json{{"id", id},
                {"clause", "§一"},
                {"description", "d"},
                {"household", {{"as_of", "2026-11-23"}}}};
}

TEST(CaseFile, CaseWithNeitherExpectNorExpectErrorIsAnErrorNamingTheCase) {
    Json checked = a_case("checked");
    checked["expect"] = {{{"program", "care"}, {"status", "not_eligible"}}};
    Json rejected = a_case("rejected");
    rejected["expect_error"] = "out_of_range";
    EXPECT_TRUE(read_cases({checked, rejected}).empty());

    Json empty = a_case("expects-nothing");
    empty["expect"] = Json::array();
    for (const Json& unchecked : {a_case("expects-nothing"), empty}) {
        const IssueList issues = read_cases({checked, unchecked});
        ASSERT_EQ(issues.size(), 1u) << unchecked.dump();
        EXPECT_EQ(issues.items()[0].code, "missing_field");
        EXPECT_EQ(issues.items()[0].path, "/cases/1/expect");
        EXPECT_NE(issues.items()[0].message.find("\"expects-nothing\""), std::string::npos)
                << issues.items()[0].message;
    }
}

}  // namespace
}  // namespace carecheck
