// `carecheck batch` between its files: everything the command does once the rules are loaded,
// the mapping read and the summary file opened, on streams only. The CLI (run_batch) and the
// fuzz target (tests/fuzz/fuzz_csv.cpp) run exactly this; no file is opened and no process is
// started, so a fuzzer can run it thousands of times a second.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "batch_summary.h"
#include "carecheck/service.h"
#include "cell_values.h"
#include "commands.h"
#include "text.h"

namespace carecheck::cli {

/// What every run of one batch process shares: the loaded rules, and what their describe() says,
/// read once: the catalogue a mapping is checked against and the summary's programs (all zeros).
struct BatchEngine {
    BatchEngine(const Service& service, std::string today);

    const Service& service;
    std::string today;
    FieldCatalogue catalogue;
    BatchSummary no_rows;
    /// How one household is evaluated; unset: the service's check() (`full`) or screen(). The
    /// fuzz target sets a cheaper one after the first rows of each input: the engine is
    /// fuzz_household's to fuzz, and would otherwise take nearly all of fuzz_csv's time.
    std::function<std::string(const std::string& household, bool full)> evaluate;

private:
    BatchEngine(const Service& service, std::string today, const Json& describe);
};

/// Screens `in` to `out` as run_batch does. `mapping_text` is the mapping file's content
/// (options.map_file only names it in errors; unused for JSON Lines). `summary`, if not null,
/// gets the counts as JSON at the end, "complete": false when a stop signal ended the run.
/// Returns the exit code: kOk, kInvalid (a bad mapping or header), or 128 + the signal.
int screen_batch(const BatchEngine& engine, const BatchOptions& options,
                 const std::string& mapping_text, std::istream& in, std::ostream& out,
                 std::ostream& err, std::ostream* summary);

}  // namespace carecheck::cli
