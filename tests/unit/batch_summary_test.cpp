// BatchSummary: counts per pack, program and status that add up, from screen or check output.
#include "batch_summary.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_support.h"

namespace carecheck {
namespace {

TEST(BatchSummary, ScreenAndCheckOutputGiveTheSameCounts) {
    const Service service = test::example_service();
    const Json describe = test::parse(service.describe());
    BatchSummary screened(describe), checked(describe);
    const std::vector<std::string> households = {
            R"({"as_of":"2026-11-23","facts":{"region":"130702","poor":true},"members":[{"id":"a","roles":["elder"],"facts":{"age":81,"insured":true}},{"id":"b \"q\" ,\"status\":\"eligible\"","roles":["elder"],"facts":{"age":61}}]})",
            R"({"as_of":"2026-11-23","facts":{"region":"110105"},"members":[{"id":"m","roles":["elder"],"facts":{"age":70}}]})",
            R"({"as_of":"2026-11-23","facts":{},"members":[]})"};
    for (const std::string& h : households) {
        const std::string s = service.screen(h), c = service.check(h);
        ASSERT_EQ(s.rfind("{\"ok\":true", 0), 0u) << s;
        screened.add_screen(s);
        screened.add_row(true);
        checked.add_check(c);
        checked.add_row(true);
    }
    const OrderedJson a = screened.to_json("lines"), b = checked.to_json("lines");
    EXPECT_EQ(a, b);
    EXPECT_EQ(a["lines"], 3);
    // Every program's statuses add up to the households (or members) it was evaluated for.
    size_t sum = 0;
    for (const auto& pack : a["packs"]) {
        for (const auto& p : pack["programs"]) {
            EXPECT_EQ(p["total"].get<size_t>(),
                      p["eligible"].get<size_t>() + p["depends_on_local_decision"].get<size_t>() +
                              p["needs_answers"].get<size_t>() + p["not_eligible"].get<size_t>());
            if (p["per"] == "household") {
                EXPECT_EQ(p["total"], 3) << p;
            }
            sum += p["total"].get<size_t>();
        }
    }
    EXPECT_GT(sum, 0u);
    // A member id that mimics the output's own keys is not counted as a result.
    size_t entries = 0;
    for (const std::string& h : households) {
        const Json s = Json::parse(service.screen(h));
        entries += s["results"].size();
    }
    EXPECT_EQ(sum, entries);
}

TEST(BatchSummary, ErrorRowsAreCountedApartAndTheTableNamesEveryStatus) {
    BatchSummary summary(test::parse(test::example_service().describe()));
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
    BatchSummary summary(test::parse(service.describe()));
    const std::vector<std::pair<std::string, int>> households = {
            {R"("region":"130702","poor":true)", 1},
            {R"("region":"130722","poor":true)", 2},
            {R"("poor":true)", 3},
            {R"("region":"431225")", 4}};
    for (const auto& [facts, times] : households) {
        const std::string h =
                R"({"as_of":"2026-11-23","facts":{)" + facts +
                R"(},"members":[{"id":"m","roles":["elder"],"facts":{"age":70,"insured":true}}]})";
        for (int i = 0; i < times; ++i)
            summary.add_screen(service.screen(h));
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
