// carecheck: the command-line face of the engine. Prints exactly the JSON the wasm module returns.
//
// Exit codes: 0 done (for check: the household was valid); 1 the rules or the input are invalid,
// or a case failed; 2 wrong usage; 3 a file could not be read.
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <sstream>

#include "batch_stop.h"
#include "carecheck/loader.h"
#include "carecheck/ruleset.h"
#include "carecheck/service.h"
#include "commands.h"
#include "rule_files.h"

namespace cc = carecheck;
namespace cli = carecheck::cli;

namespace {

const char* const kUsage =
    "usage: carecheck COMMAND RULES... [options]\n"
    "  validate RULES...            check rule files (folders: every *.json but *.cases.json)\n"
    "  check RULES... < household   evaluate one household (JSON) → result JSON\n"
    "  questions RULES... < household  the next questions worth asking → JSON\n"
    "  batch RULES... [--full] < households.jsonl  one output line per input line\n"
    "  batch RULES... --csv --map MAP.json [--no-header] < records.csv  one output line per data row\n"
    "      batch options: --full (whole results), --summary FILE (counts as JSON), --quiet (no\n"
    "      progress or table on stderr), --progress SECONDS (default 5), --first-line N and\n"
    "      --first-row N (the numbers a piece of a split file starts at); see docs/batch.md\n"
    "  cases RULES...               run the *.cases.json files, report coverage\n"
    "  describe RULES...            the loaded rules for a user interface → JSON\n"
    "  table RULES...               Markdown table of every program (rules/README.md)\n"
    "  audit RULES... [--markdown DIR]  each source sentence with the rules quoting it or why not\n"
    "exit codes: 0 ok, 1 invalid rules/input or failed cases, 2 usage, 3 unreadable file\n";

/// Reads one household from stdin, but never more than the service accepts (plus one byte, so
/// the service can say the input was too large): 200 MB of junk is not read whole.
std::string read_stdin() {
    std::string text;
    char chunk[1 << 16];
    while (text.size() <= cc::Service::kMaxInputBytes && std::cin.read(chunk, sizeof chunk).gcount() > 0) {
        text.append(chunk, static_cast<size_t>(std::cin.gcount()));
    }
    if (text.size() > cc::Service::kMaxInputBytes) text.resize(cc::Service::kMaxInputBytes + 1);
    return text;
}

/// Quotes are checked against the source texts only where the files are at hand (the CLI).
int check_sources(const cc::Ruleset& ruleset, std::string& report) {
    std::vector<cc::Issue> issues;
    for (const cc::Pack& pack : ruleset.packs) {
        const std::string source = pack.meta.value("source", "");
        std::string text;
        if (source.empty() || !cli::read_file(cli::parent_dir(pack.file) + "/" + source, text)) {
            issues.push_back(cc::Issue{"source_missing", pack.file, "/meta/source", "cannot read source " + source});
            continue;
        }
        for (cc::Issue& issue : cc::check_quotes(pack, text)) issues.push_back(std::move(issue));
    }
    if (issues.empty()) return cli::kOk;
    report = cc::error_envelope(issues).dump(-1, ' ', false, cc::OrderedJson::error_handler_t::replace);
    return cli::kInvalid;
}

/// A whole number from 1 up, digits only; false (the option is then a usage error) otherwise.
bool positive(const std::string& text, size_t& out) {
    if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoull(text);
    return out > 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::cout << kUsage;
        return args.empty() ? cli::kUsage : cli::kOk;
    }
    const std::string command = args[0];
    std::vector<std::string> paths;
    cli::BatchOptions batch;
    std::string bad_option;
    std::string markdown_dir;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == "--full") batch.full = true;
        else if (arg == "--csv") batch.csv = true;
        else if (arg == "--no-header") batch.no_header = true;
        else if (arg == "--quiet") batch.quiet = true;
        else if (arg == "--map" && has_value) batch.map_file = args[++i], batch.csv = true;
        else if (arg == "--summary" && has_value) batch.summary_file = args[++i];
        else if (arg == "--markdown" && has_value) markdown_dir = args[++i];
        else if (arg == "--progress" && has_value) batch.progress_seconds = std::atof(args[++i].c_str());
        else if (arg == "--first-line" && has_value && positive(args[i + 1], batch.first_line)) ++i;
        else if (arg == "--first-row" && has_value && positive(args[i + 1], batch.first_row)) ++i;
        else if (arg.compare(0, 2, "--") == 0) bad_option = arg;
        else paths.push_back(arg);
    }
    if (!bad_option.empty() || (batch.csv && batch.map_file.empty())) {
        std::cerr << "carecheck " << command << ": "
                  << (bad_option.empty() ? "--csv needs --map MAPPING.json" : "unknown option or missing value: " + bad_option)
                  << "\n" << kUsage;
        return cli::kUsage;
    }
    if (paths.empty()) {
        std::cerr << "carecheck " << command << ": name the rule files or folder (e.g. rules/)\n" << kUsage;
        return cli::kUsage;
    }
    if (command == "cases") return cli::run_cases(paths, std::cout);
    if (command == "table") return cli::run_table(paths, std::cout);
    if (command == "audit") return cli::run_audit(paths, markdown_dir, std::cout);

    cc::IssueList io_issues;
    const std::vector<cc::RuleFile> files = cli::read_rule_files(paths, io_issues);
    if (!io_issues.empty()) {
        std::cout << cc::error_envelope(io_issues.items()).dump() << "\n";
        return cli::kIoError;
    }
    cc::Service service;
    const std::string loaded = service.load(files);
    if (!cli::envelope_ok(loaded) || command == "validate") {
        std::string sources_report;
        const int sources = cli::envelope_ok(loaded) ? check_sources(*service.ruleset(), sources_report) : cli::kOk;
        std::cout << (sources_report.empty() ? loaded : sources_report) << "\n";
        if (!cli::envelope_ok(loaded)) return cli::kInvalid;
        return command == "validate" ? sources : cli::kUsage;
    }
    const std::string today = cli::today();
    if (command == "check" || command == "questions") {
        const std::string input = read_stdin();
        const std::string out = command == "check" ? service.check(input, today) : service.questions(input, today);
        std::cout << out << "\n";
        return cli::envelope_ok(out) ? cli::kOk : cli::kInvalid;
    }
    if (command == "batch") {
        // SIGTERM/SIGINT stop the run at a line boundary, with the summary written (batch_stop.h).
        cli::install_stop_signals();
        cli::StoppableInput stdin_buffer(0);
        std::istream in(&stdin_buffer);
        return cli::run_batch(service, today, batch, in, std::cout, std::cerr);
    }
    if (command == "describe") {
        std::cout << service.describe() << "\n";
        return cli::kOk;
    }
    std::cerr << "carecheck: unknown command \"" << command << "\"\n" << kUsage;
    return cli::kUsage;
}
