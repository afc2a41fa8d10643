// BatchSummary: counts per pack, program and status that add up, from screen or check output.
#include "batch_summary.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "carecheck/evaluation.h"
#include "carecheck/household.h"
#include "test_support.h"

namespace carecheck {
namespace {

TEST(BatchSummary, CountsAreTheStatusesTheScreenLinesShow) {
    const Service service = test::example_service();
    BatchSummary summary(*service.ruleset());
    const std::vector<std::string> households = {
            R"({"as_of":"2026-11-23","facts":{"region":"130702","poor":true},"members":[{"id":"a","roles":["elder"],"facts":{"age":81,"insured":true}},{"id":"b \"q\" ,\"status\":\"eligible\"","roles":["elder"],"facts":{"age":61}}]})",
            R"({"as_of":"2026-11-23","facts":{"region":"110105"},"members":[{"id":"m","roles":["elder"],"facts":{"age":70}}]})",
            R"({"as_of":"2026-11-23","facts":{},"members":[]})"};
    // What the screen lines say, counted by parsing them: the summary must agree.
    std::map<std::pair<std::string, std::string>, std::map<std::string, size_t>> shown;
    for (const std::string& h : households) {
        IssueList issues;
        const auto household = read_household_text(h, *service.ruleset(), "", issues);
        ASSERT_TRUE(household) << h;
        summary.add(evaluate(*service.ruleset(), *household, Trace::Skip));
        summary.add_row(true);
        const Json screen = test::parse(service.screen(h));
        for (const Json& r : screen["results"])
            ++shown[{r["pack"].get<std::string>(), r["program"].get<std::string>()}][r["status"].get<std::string>()];
    }
    const OrderedJson counts = summary.to_json("lines");
    EXPECT_EQ(counts["lines"], 3);
    size_t sum = 0, compared = 0;
    for (const auto& pack : counts["packs"]) {
        for (const auto& p : pack["programs"]) {
            size_t total = 0;
            for (const char* status : BatchSummary::kStatuses) {
                const auto& seen = shown[{pack["pack"].get<std::string>(), p["program"].get<std::string>()}];
                const size_t want = seen.count(status) ? seen.at(status) : 0;
                EXPECT_EQ(p[status].get<size_t>(), want) << p;
                total += want;
                ++compared;
            }
            EXPECT_EQ(p["total"].get<size_t>(), total);
            // Every household program gets one status per household.
            if (p["per"] == "household") {
                EXPECT_EQ(p["total"], 3) << p;
            }
            sum += total;
        }
    }
    EXPECT_GT(sum, 0u);
    EXPECT_GT(compared, 0u);
}

TEST(BatchSummary, ErrorRowsAreCountedApartAndTheTableNamesEveryStatus) {
    const Service service = test::example_service();
    BatchSummary summary(*service.ruleset());
    summary.add_row(false);
    summary.add_row(true);
    EXPECT_EQ(summary.rows(), 2u);
    EXPECT_EQ(summary.errors(), 1u);
    std::ostringstream table;
    summary.write_table(table);
    for (const char* word : {"eligible", "local decision", "needs answers", "not eligible"}) {
        EXPECT_NE(table.str().find(word), std::string::npos) << word;
    }
}

/// The cell of `line` whose right edge is where `header_word` ends in `header` (cells are
/// right-aligned).
std::string cell_under(const std::string& header, const std::string& header_word,
                       const std::string& line) {
    const size_t end = header.find(header_word);
    if (end == std::string::npos)
        return "no column " + header_word;
    size_t right = end + header_word.size();
    if (right > line.size())
        return "line too short";
    size_t left = line.find_last_of(' ', right - 1);
    return line.substr(left + 1, right - left - 1);
}

TEST(BatchSummary, TableShowsEachCountUnderItsOwnStatusColumn) {
    // care: 1 eligible, 2 local decision, 3 needs answers, 4 not eligible.
    const Service service = test::example_service();
    BatchSummary summary(*service.ruleset());
    const std::vector<std::pair<std::string, int>> households = {
            {R"("region":"130702","poor":true)", 1},
            {R"("region":"130722","poor":true)", 2},
            {R"("poor":true)", 3},
            {R"("region":"431225")", 4}};
    for (const auto& [facts, times] : households) {
        const std::string h =
                R"({"as_of":"2026-11-23","facts":{)" + facts +
                R"(},"members":[{"id":"m","roles":["elder"],"facts":{"age":70,"insured":true}}]})";
        IssueList issues;
        const auto household = read_household_text(h, *service.ruleset(), "", issues);
        ASSERT_TRUE(household) << h;
        for (int i = 0; i < times; ++i)
            summary.add(evaluate(*service.ruleset(), *household, Trace::Skip));
    }
    std::ostringstream table;
    summary.write_table(table);
    std::istringstream lines(table.str());
    std::string line, header, care;
    while (std::getline(lines, line)) {
        if (header.empty() && line.find("needs answers") != std::string::npos)
            header = line;
        if (line.rfind("  care ", 0) == 0)
            care = line;
    }
    ASSERT_FALSE(care.empty()) << table.str();
    EXPECT_EQ(cell_under(header, "not eligible", care), "4") << table.str();
    EXPECT_EQ(cell_under(header, "needs answers", care), "3") << table.str();
    EXPECT_EQ(cell_under(header, "local decision", care), "2") << table.str();
    EXPECT_EQ(cell_under(header, " eligible", care), "1") << table.str();
}

}  // namespace
}  // namespace carecheck
