// cli::screen_batch on streams, as `carecheck batch` runs it: blank lines, a stop signal mid-run,
// a mapping nested too deep, and what the summary says about the run.
#include <gtest/gtest.h>

#include <csignal>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "batch.h"
#include "batch_stop.h"
#include "test_support.h"

namespace carecheck::cli {
namespace {

const char kMapping[] = R"({"id": "编号", "household": {"户籍地代码": "region"},
    "members": [{"id": "m", "roles": ["elder"], "facts": {"年龄": "age"}}]})";
const char kHeader[] = "编号,户籍地代码,年龄";

struct BatchRun {
    int code = -1;
    std::vector<Json> lines;
    std::string out, err;
    Json summary;
};

const Service& service() {
    static const Service s = test::example_service();
    return s;
}

BatchRun run_on(std::istream& in, bool csv, const std::string& mapping = kMapping) {
    static const BatchEngine engine(service(), "2026-11-23");
    BatchOptions options;
    options.csv = csv;
    options.map_file = "mapping.json";
    options.quiet = true;
    std::ostringstream out, err, summary;
    BatchRun run;
    run.code = screen_batch(engine, options, mapping, in, out, err, &summary);
    run.out = out.str();
    run.err = err.str();
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);)
        run.lines.push_back(Json::parse(line));
    run.summary = Json::parse(summary.str(), nullptr, false);
    return run;
}

BatchRun run(const std::string& input, bool csv = true, const std::string& mapping = kMapping) {
    std::istringstream in(input);
    return run_on(in, csv, mapping);
}

std::string code_of(const Json& line) {
    return line["error"].value("code", "");
}

TEST(BatchStream, BlankLinesAtTheEndAreNoRowsWhateverTheirLineEnds) {
    const std::string rows = std::string(kHeader) + "\r\nA1,130702,81\r\n";
    for (const std::string tail :
         {"", "\r\n", "\r\n\r\n", "  \r\n\t\r\n", "\n\n", " ", "\xE3\x80\x80\n"}) {
        const BatchRun r = run(rows + tail);
        ASSERT_EQ(r.lines.size(), 1u) << "tail " << Json(tail).dump() << ": " << r.out;
        EXPECT_EQ(r.lines[0]["ok"], true);
        EXPECT_EQ(r.summary["rows"], 1);
        EXPECT_EQ(r.summary["errors"], 0);
    }
}

TEST(BatchStream, BlankLinesBetweenRowsAreEmptyRowErrorsNamingTheirLine) {
    const BatchRun r = run(std::string(kHeader) + "\nA1,130702,81\n\n   \nA2,130702,70\n\n");
    ASSERT_EQ(r.lines.size(), 4u) << r.out;
    EXPECT_EQ(r.lines[0]["row"], 1);
    EXPECT_EQ(r.lines[1]["row"], 2);
    EXPECT_EQ(code_of(r.lines[1]), "empty_row");
    EXPECT_EQ(r.lines[1]["error"]["message"], "row 2 (line 3) is empty");
    EXPECT_EQ(r.lines[2]["error"]["message"], "row 3 (line 4) is empty");
    EXPECT_EQ(r.lines[3]["row"], 4);
    EXPECT_EQ(r.lines[3]["id"], "A2");
    EXPECT_EQ(r.summary["rows"], 4);
    EXPECT_EQ(r.summary["errors"], 2);
}

TEST(BatchStream, JsonLinesBlankInTheMiddleIsAnErrorLineAtTheEndNothing) {
    const std::string good =
            R"({"as_of":"2026-11-23","facts":{"region":"130702"},"members":[{"id":"m","roles":["elder"],"facts":{"age":81}}]})";
    const BatchRun r = run(good + "\n\n \t\r\n" + good + "\r\n\r\n  \n", false);
    ASSERT_EQ(r.lines.size(), 4u) << r.out;
    EXPECT_EQ(r.lines[1]["line"], 2);
    EXPECT_EQ(code_of(r.lines[1]), "empty_line");
    EXPECT_EQ(r.lines[2]["error"]["message"], "line 3 is empty");
    EXPECT_EQ(r.lines[3]["line"], 4);
    EXPECT_EQ(r.lines[3]["ok"], true);
    EXPECT_EQ(r.summary["lines"], 4);
    EXPECT_EQ(r.summary["complete"], true);
    EXPECT_EQ(r.summary["encoding"], "UTF-8");
}

/// Input that asks for a stop (as SIGTERM does) once `after` bytes have been read.
class StopAfter : public std::streambuf {
public:
    StopAfter(std::string text, size_t after) : text_(std::move(text)), after_(after) {}

protected:
    int_type underflow() override {
        if (served_ >= text_.size())
            return traits_type::eof();
        if (served_ >= after_)
            request_stop(SIGTERM);
        const size_t n = std::min<size_t>(100, text_.size() - served_);
        char* at = &text_[served_];
        served_ += n;
        setg(at, at, at + n);
        return traits_type::to_int_type(*at);
    }

private:
    std::string text_;
    size_t after_, served_ = 0;
};

TEST(BatchStream, AStopSignalEndsTheRunAtALineBoundaryWithAnIncompleteSummary) {
    std::string csv = std::string(kHeader) + "\n";
    for (int i = 0; i < 2000; ++i)
        csv += "A" + std::to_string(i) + ",130702," + std::to_string(60 + i % 40) + "\n";
    StopAfter input(csv, csv.size() / 2);
    std::istream in(&input);
    const BatchRun r = run_on(in, true);
    clear_stop();
    EXPECT_EQ(r.code, 128 + SIGTERM);
    ASSERT_FALSE(r.lines.empty());
    EXPECT_LT(r.lines.size(), 2000u);
    EXPECT_EQ(r.out.back(), '\n');
    EXPECT_EQ(r.summary["complete"], false);
    EXPECT_EQ(r.summary["rows"], r.lines.size());
    EXPECT_EQ(r.lines.back()["row"], r.lines.size());
    EXPECT_NE(r.err.find("stopped by SIGTERM after " + std::to_string(r.lines.size()) + " rows"),
              std::string::npos)
            << r.err;
}

std::string nested(size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

/// kMapping with `answer` as what the code "x" means in the region column (4 levels down).
std::string mapping_with_answer(const std::string& answer) {
    return R"({"id": "编号", "household": {"户籍地代码": {"fact": "region", "values": {"x": )" +
           answer +
           R"(}}}, "members": [{"id": "m", "roles": ["elder"], "facts": {"年龄": "age"}}]})";
}

TEST(BatchStream, AMappingNestedTooDeepIsRefusedWithItsFileAndPointer) {
    const std::string csv = std::string(kHeader) + "\nA1,130702,81\n";
    const BatchRun deep = run(csv, true, mapping_with_answer(nested(100000)));
    EXPECT_EQ(deep.code, kInvalid);
    ASSERT_EQ(deep.lines.size(), 1u);
    const Json& error = deep.lines[0]["error"];
    EXPECT_EQ(error["code"], "too_deep");
    EXPECT_EQ(error["file"], "mapping.json");
    // The document, household, column and value table are 4 levels: arrays start at level 5.
    std::string pointer = "/household/户籍地代码/values/x";
    for (int level = 5; level <= 64; ++level)
        pointer += "/0";
    EXPECT_EQ(error["path"], pointer);
    EXPECT_NE(deep.err.find("mapping.json at /household/"), std::string::npos) << deep.err;
    // 64 levels in all is allowed, and such an answer reaches the engine, which refuses it as a
    // region without trouble.
    const BatchRun at_limit =
            run(std::string(kHeader) + "\nA1,x,81\n", true, mapping_with_answer(nested(60)));
    EXPECT_EQ(at_limit.code, kOk) << at_limit.out;
    ASSERT_EQ(at_limit.lines.size(), 1u);
    EXPECT_EQ(at_limit.lines[0]["ok"], false);
    const BatchRun past_limit = run(csv, true, mapping_with_answer(nested(61)));
    EXPECT_EQ(past_limit.lines[0]["error"]["code"], "too_deep");
}

TEST(BatchStream, AGbkFileIsDecodedAndSaysSoOnStderrAndInTheSummary) {
    const std::string utf8 = std::string(kHeader) + "\r\nA1,130702,81\r\n";
    // "编号,户籍地代码,年龄" in GBK, as WPS saves a CSV by default.
    const std::string gbk =
            "\xB1\xE0\xBA\xC5,\xBB\xA7\xBC\xAE\xB5\xD8\xB4\xFA\xC2\xEB,\xC4\xEA\xC1\xE4"
            "\r\nA1,130702,81\r\n";
    const BatchRun want = run(utf8), got = run(gbk);
    EXPECT_EQ(got.code, kOk);
    EXPECT_EQ(got.out, want.out);
    EXPECT_NE(got.err.find("the input is GB18030 (GBK), not UTF-8"), std::string::npos) << got.err;
    EXPECT_NE(got.err.find("CSV UTF-8"), std::string::npos) << got.err;
    EXPECT_EQ(got.summary["encoding"], "GB18030");
    EXPECT_EQ(want.err.find("UTF-8;"), std::string::npos) << want.err;
}

}  // namespace
}  // namespace carecheck::cli
