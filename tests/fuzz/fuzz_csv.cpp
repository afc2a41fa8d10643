// Any bytes as a CSV batch against the real rule packs, through cli::screen_batch: what
// `carecheck batch --csv` runs once its files are read (the encoding check, the reader, the
// mapping, the service, the error notes and the summary), in memory: no file, no process.
// The first byte chooses how the rest is read:
//   mode 0: the whole CSV, header row included, with docs/examples/batch/mapping.json;
//   mode 1: data rows only (--no-header), the example mapping given the example's header in
//           "columns", so every byte goes into cells the mapping reads;
//   mode 2: a mapping, then a NUL byte, then the CSV: the mapping loader is fuzzed too.
// Its next bit chooses --full (check) over the compact screen. The first households of a
// screened input go to the real rules (kRowsEvaluated), the rest get a fixed answer. The run must
// end with exit code 0, one well-formed output line per record (trailing blank lines are none),
// numbered in order, and a summary that counts them and says "complete": true; or exit code 1 (a
// bad mapping or header) with one error envelope. Anything else, a crash or a hang is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>

#include "batch.h"
#include "carecheck/service.h"
#include "cell_values.h"
#include "commands.h"
#include "csv_reader.h"
#include "input_encoding.h"
#include "carecheck/issues.h"
#include "rule_files.h"

namespace cli = carecheck::cli;

namespace {

const char kToday[] = "2026-11-23";

[[noreturn]] void finding(const std::string& why) {
    std::fprintf(stderr, "fuzz_csv: %s\n", why.c_str());
    __builtin_trap();
}

const carecheck::Service& service() {
    static const carecheck::Service instance = [] {
        carecheck::IssueList issues;
        const auto files = cli::read_rule_files({CARECHECK_RULES_DIR}, issues);
        carecheck::Service s;
        if (!issues.empty() || s.load(files).rfind("{\"ok\":true", 0) != 0)
            finding("the real rules do not load");
        return s;
    }();
    return instance;
}

/// Households the real rules screen per input; after them a fixed answer stands in: the CSV path
/// after the service is the same for every row, and the engine is fuzz_household's to fuzz.
/// With --full every row gets a fixed check() answer: under the sanitizers one real check() of
/// the four packs costs about 40 screens, and with it the run did 14 inputs a second.
constexpr size_t kRowsEvaluated = 2;
size_t rows_this_input = 0;

cli::BatchEngine& engine() {
    static cli::BatchEngine instance = [] {
        cli::BatchEngine e(service(), kToday);
        e.stand_in = [](bool full) -> std::optional<std::string> {
            if (full)
                return std::string(R"({"ok":true,"packs":[]})");
            if (++rows_this_input <= kRowsEvaluated)
                return std::nullopt;  // the real engine
            return std::string(R"({"ok":true,"results":[]})");
        };
        return e;
    }();
    return instance;
}

std::string read_or_die(const std::string& path) {
    std::string text;
    if (!cli::read_file(path, text))
        finding("cannot read " + path);
    return text;
}

const std::string& example_mapping() {
    static const std::string text =
            read_or_die(CARECHECK_SOURCE_DIR "/docs/examples/batch/mapping.json");
    return text;
}

/// The example mapping with the example CSV's header as its "columns", for mode 1.
const std::string& headerless_mapping() {
    static const std::string text = [] {
        std::istringstream in(read_or_die(CARECHECK_SOURCE_DIR "/docs/examples/batch/records.csv"));
        carecheck::CsvReader reader(in);
        carecheck::CsvRecord header;
        reader.next(header);
        carecheck::Json mapping = carecheck::Json::parse(example_mapping());
        mapping["columns"] = header.fields;
        return mapping.dump();
    }();
    return text;
}

/// Checks the documented output contract: one line per record, "row" N = 1, 2, …, in order,
/// and a summary that counts them.
void check_output(const std::string& out, const std::string& summary, int code, size_t records) {
    if (code == cli::kInvalid) {
        if (out.rfind("{\"ok\":false,\"error\":{", 0) != 0 || out.find('\n') + 1 != out.size())
            finding("a refused mapping or header did not give one error envelope");
        return;
    }
    if (code != cli::kOk)
        finding("exit code " + std::to_string(code));
    if (!out.empty() && out.back() != '\n')
        finding("the output ends inside a line");
    std::istringstream lines(out);
    std::string line;
    size_t row = 0;
    while (std::getline(lines, line)) {
        const std::string stamp = "{\"row\":" + std::to_string(++row) + ",";
        if (line.rfind(stamp, 0) != 0)
            finding("output line " + std::to_string(row) + " does not start " + stamp);
        if (!carecheck::Json::accept(line) || line.find(",\"ok\":") == std::string::npos)
            finding("output line " + std::to_string(row) + " is not a result object");
        if (line.find("\"code\":\"internal\"") != std::string::npos)
            finding("output line " + std::to_string(row) + " is an internal error (a caught exception)");
    }
    if (row != records)
        finding(std::to_string(records) + " records gave " + std::to_string(row) + " lines");
    const auto counts = carecheck::Json::parse(summary, nullptr, false);
    if (!counts.is_object() || counts.value("rows", size_t{0}) != row ||
        counts.value("complete", false) != true)
        finding("the summary does not say " + std::to_string(row) + " rows, complete");
}

/// Records the reader finds in `csv` read as the batch reads it (decoded to UTF-8), less one
/// header row if any and less the blank lines at the end (which are no rows).
size_t count_records(const std::string& csv, bool header) {
    std::istringstream raw(csv);
    carecheck::Utf8Input text(*raw.rdbuf());
    std::istream in(&text);
    carecheck::CsvReader reader(in);
    carecheck::CsvRecord record;
    size_t n = 0, rows = 0;
    while (reader.next(record)) {
        ++n;
        const bool flagged = record.unterminated || record.oversized || record.too_many_fields;
        if (flagged || record.fields.size() != 1 || !carecheck::trim_cell(record.fields[0]).empty())
            rows = n;
    }
    if (!header)
        return rows;
    return rows > 0 ? rows - 1 : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const int mode = data[0] % 3;
    cli::BatchOptions options;
    options.csv = true;
    options.full = (data[0] / 3) % 2 == 1;
    rows_this_input = 0;
    options.quiet = false;  // the per-program table on stderr is output too
    options.progress_seconds = 1e9;
    options.map_file = "mapping.json";
    std::string csv(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string mapping;
    if (mode == 0) {
        mapping = example_mapping();
    } else if (mode == 1) {
        mapping = headerless_mapping();
        options.no_header = true;
    } else {
        const size_t split = csv.find('\0');
        mapping = csv.substr(0, split);
        csv = split == std::string::npos ? std::string() : csv.substr(split + 1);
    }
    std::istringstream in(csv);
    std::ostringstream out, err, summary;
    const int code = cli::screen_batch(engine(), options, mapping, in, out, err, &summary);
    check_output(out.str(), summary.str(), code, count_records(csv, !options.no_header));
    return 0;
}
