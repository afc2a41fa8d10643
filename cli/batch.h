// `carecheck batch` between its files: everything the command does once the rules are loaded,
// the mapping read and the summary file opened, on streams only. The CLI (run_batch) and the
// fuzz target (tests/fuzz/fuzz_csv.cpp) run exactly this; no file is opened and no process is
// started, so a fuzzer can run it thousands of times a second.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include "batch_summary.h"
#include "carecheck/render.h"
#include "carecheck/service.h"
#include "cell_values.h"
#include "commands.h"
#include "carecheck/text.h"

namespace carecheck::cli {

/// What every run of one batch process shares: the loaded rules (typed: each household is read,
/// evaluated, counted and written without passing through JSON text in between), the catalogue a
/// mapping is checked against and the summary's programs (all zeros).
struct BatchEngine {
    /// `service` must hold a loaded rule set.
    BatchEngine(const Service& service, std::string today);

    const Ruleset& ruleset;
    const Renderer& renderer;
    std::string today;
    FieldCatalogue catalogue;
    BatchSummary no_rows;
    /// A stand-in answer instead of evaluating (nullopt: evaluate). The fuzz target gives one after
    /// the first rows of each input: the engine is fuzz_household's to fuzz, and would otherwise
    /// take nearly all of fuzz_csv's time.
    std::function<std::optional<std::string>(bool full)> stand_in;
};

/// Screens `in` to `out` as run_batch does. `mapping_text` is the mapping file's content
/// (options.map_file only names it in errors; unused for JSON Lines). `summary`, if not null,
/// gets the counts as JSON at the end, "complete": false when a stop signal ended the run.
/// Returns the exit code: kOk, kInvalid (a bad mapping or header), or 128 + the signal.
int screen_batch(const BatchEngine& engine, const BatchOptions& options,
                 const std::string& mapping_text, std::istream& in, std::ostream& out,
                 std::ostream& err, std::ostream* summary);

}  // namespace carecheck::cli
