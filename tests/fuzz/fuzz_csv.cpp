// Any bytes as a CSV batch against the real rule packs, through `carecheck batch --csv` itself
// (cli::run_batch: the reader, the mapping, the service, the error notes and the summary).
// The first byte chooses how the rest is read:
//   mode 0: the whole CSV, header row included, with docs/examples/batch/mapping.json;
//   mode 1: data rows only (--no-header), the example mapping given the example's header in
//           "columns", so every byte goes into cells the mapping reads;
//   mode 2: a mapping, then a NUL byte, then the CSV: the mapping loader is fuzzed too.
// Its next bit chooses --full (check) over the compact screen. The run must end with exit code 0
// and one well-formed output line per record, numbered in order, or exit code 1 (a bad mapping
// or header) with one error envelope; anything else, a crash or a hang is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "carecheck/service.h"
#include "commands.h"
#include "csv_reader.h"
#include "issues.h"
#include "rule_files.h"

namespace cli = carecheck::cli;

namespace {

const char kToday[] = "2026-11-23";
const std::string kExampleMapping = CARECHECK_SOURCE_DIR "/docs/examples/batch/mapping.json";

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

/// A file of this process's own under the temp folder (run_batch reads the mapping from a file),
/// removed when the fuzzer exits.
std::string scratch_file(const char* name) {
    static std::vector<std::string> made;
    if (made.empty()) {
        std::atexit([] {
            for (const std::string& path : made)
                std::remove(path.c_str());
        });
    }
    const char* dir = std::getenv("TMPDIR");
    made.push_back(std::string(dir && *dir ? dir : "/tmp") + "/fuzz_csv." +
                   std::to_string(getpid()) + "." + name);
    return made.back();
}

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush())
        finding("cannot write " + path);
}

/// The example mapping with the example CSV's header as its "columns", for mode 1.
const std::string& headerless_mapping() {
    static const std::string path = [] {
        std::string text, records;
        if (!cli::read_file(kExampleMapping, text) ||
            !cli::read_file(CARECHECK_SOURCE_DIR "/docs/examples/batch/records.csv", records))
            finding("cannot read docs/examples/batch");
        std::istringstream in(records);
        carecheck::CsvReader reader(in);
        carecheck::CsvRecord header;
        reader.next(header);
        carecheck::Json mapping = carecheck::Json::parse(text);
        mapping["columns"] = header.fields;
        const std::string file = scratch_file("columns.map.json");
        write_file(file, mapping.dump());
        return file;
    }();
    return path;
}

/// Checks the documented output contract: one line per record, "row" N = 1, 2, …, in order.
void check_output(const std::string& out, int code, size_t records) {
    if (code == cli::kInvalid) {
        if (out.rfind("{\"ok\":false,\"error\":{", 0) != 0 || out.find('\n') + 1 != out.size())
            finding("a refused mapping or header did not give one error envelope");
        return;
    }
    if (code != cli::kOk)
        finding("exit code " + std::to_string(code));
    std::istringstream lines(out);
    std::string line;
    size_t row = 0;
    while (std::getline(lines, line)) {
        const std::string stamp = "{\"row\":" + std::to_string(++row) + ",";
        if (line.rfind(stamp, 0) != 0)
            finding("output line " + std::to_string(row) + " does not start " + stamp);
        const auto json = carecheck::Json::parse(line, nullptr, false);
        if (!json.is_object() || !json.contains("ok"))
            finding("output line " + std::to_string(row) + " is not a result object");
    }
    if (row != records)
        finding(std::to_string(records) + " records gave " + std::to_string(row) + " lines");
}

/// Records the reader finds in `csv`, counted on their own (less one header row, if any).
size_t count_records(const std::string& csv, bool header) {
    std::istringstream in(csv);
    carecheck::CsvReader reader(in);
    carecheck::CsvRecord record;
    size_t n = 0;
    while (reader.next(record))
        ++n;
    return header && n > 0 ? n - 1 : n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0)
        return 0;
    const int mode = data[0] % 3;
    cli::BatchOptions options;
    options.csv = true;
    options.full = (data[0] / 3) % 2 == 1;
    options.quiet = false;  // the per-program table on stderr is output too
    options.progress_seconds = 1e9;
    std::string csv(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (mode == 0) {
        options.map_file = kExampleMapping;
    } else if (mode == 1) {
        options.map_file = headerless_mapping();
        options.no_header = true;
    } else {
        static const std::string fuzzed = scratch_file("map.json");
        const size_t split = csv.find('\0');
        write_file(fuzzed, csv.substr(0, split));
        csv = split == std::string::npos ? std::string() : csv.substr(split + 1);
        options.map_file = fuzzed;
    }
    std::istringstream in(csv);
    std::ostringstream out, err;
    const int code = cli::run_batch(service(), kToday, options, in, out, err);
    check_output(out.str(), code, count_records(csv, !options.no_header));
    return 0;
}
