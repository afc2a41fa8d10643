// The CLI's subcommands. Each returns the process exit code (see main.cpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "carecheck/service.h"

namespace carecheck::cli {

enum ExitCode { kOk = 0, kInvalid = 1, kUsage = 2, kIoError = 3 };

/// How `carecheck batch` reads its input and reports (docs/batch.md).
struct BatchOptions {
    bool full = false;              // Service::check() per household instead of screen()
    bool csv = false;               // CSV rows through `map_file` instead of JSON Lines
    std::string map_file;           // the CSV mapping (docs/batch.md "Mapping file")
    bool no_header = false;         // CSV without a header row: the mapping's "columns" name the fields
    bool quiet = false;             // no progress lines and no per-program table (the totals line stays)
    std::string summary_file;       // where to write the counts as JSON (empty: nowhere)
    double progress_seconds = 5;    // a progress line on stderr this often
    // For one piece of a split file (tools/dask_batch.py), so its numbers are the whole file's:
    size_t first_line = 0;          // the line its first line (JSON Lines) or data row (CSV) is on; 0: as read
    size_t first_row = 1;           // CSV: the number of its first data row
};

/// Streams households from `in` to `out`: one output line per input line (JSON Lines) or data
/// row (CSV), errors included, in order; progress and the summary go to `err`.
int run_batch(const Service& service, const std::string& today, const BatchOptions& options, std::istream& in,
              std::ostream& out, std::ostream& err);

/// Runs every *.cases.json under `paths` against the loaded rules; prints failures and coverage.
int run_cases(const std::vector<std::string>& paths, std::ostream& out);

/// Prints the Markdown table of every program (clause, kind, amount) for rules/README.md.
int run_table(const std::vector<std::string>& paths, std::ostream& out);

/// Prints every sentence of each pack's source with the rules quoting it or the not_encoded entry
/// covering it; with `markdown_dir`, writes NNN.md per pack there. 1 when a sentence is unaccounted for.
int run_audit(const std::vector<std::string>& paths, const std::string& markdown_dir, std::ostream& out);

/// Today's date on this machine, YYYY-MM-DD.
std::string today();

/// Whether a service envelope says ok (every envelope starts {"ok":true or {"ok":false).
inline bool envelope_ok(const std::string& json) { return json.compare(0, 10, "{\"ok\":true") == 0; }

}  // namespace carecheck::cli
