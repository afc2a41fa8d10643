// `carecheck batch` between its files: everything the command does once the rules are loaded,
// the mapping read and the summary file opened, on streams only. The CLI (run_batch) and the
// fuzz target (tests/fuzz/fuzz_csv.cpp) run exactly this; no file is opened and no process is
// started, so a fuzzer can run it thousands of times a second.
#pragma once

#include <iosfwd>
#include <string>

#include "carecheck/service.h"
#include "commands.h"
#include "text.h"

namespace carecheck::cli {

/// What every run of one batch process shares: the loaded rules and their describe(), parsed
/// once (the mapping's catalogue and the summary's programs both come from it).
struct BatchEngine {
    const Service& service;
    const Json& describe;
    std::string today;
};

/// Screens `in` to `out` as run_batch does. `mapping_text` is the mapping file's content
/// (options.map_file only names it in errors; unused for JSON Lines). `summary`, if not null,
/// gets the counts as JSON at the end, "complete": false when a stop signal ended the run.
/// Returns the exit code: kOk, kInvalid (a bad mapping or header), or 128 + the signal.
int screen_batch(const BatchEngine& engine, const BatchOptions& options,
                 const std::string& mapping_text, std::istream& in, std::ostream& out,
                 std::ostream& err, std::ostream* summary);

}  // namespace carecheck::cli
