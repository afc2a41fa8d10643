// The CLI's subcommands. Each returns the process exit code (see main.cpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "carecheck/service.h"

namespace carecheck::cli {

enum ExitCode { kOk = 0, kInvalid = 1, kUsage = 2, kIoError = 3 };

/// Streams JSON Lines from `in` to `out`: one output line per input line, errors included.
int run_batch(const Service& service, const std::string& today, bool full, std::istream& in, std::ostream& out,
              std::ostream& err);

/// Runs every *.cases.json under `paths` against the loaded rules; prints failures and coverage.
int run_cases(const std::vector<std::string>& paths, std::ostream& out);

/// Prints the Markdown table of every program (clause, kind, amount) for rules/README.md.
int run_table(const std::vector<std::string>& paths, std::ostream& out);

/// Today's date on this machine, YYYY-MM-DD.
std::string today();

}  // namespace carecheck::cli
