// Reading rule files from disk for the CLI: folders expand to their *.json files.
#pragma once

#include <string>
#include <vector>

#include "carecheck/service.h"
#include "carecheck/issues.h"

namespace carecheck::cli {

/// Reads the rule files named by `paths` (files, or folders whose *.json files are taken,
/// except *.cases.json). Unreadable paths become "io_error" issues.
std::vector<RuleFile> read_rule_files(const std::vector<std::string>& paths, IssueList& issues);

/// The *.cases.json files under `paths` (folders searched one level deep).
std::vector<std::string> find_case_files(const std::vector<std::string>& paths);

/// Reads a whole file; false if it cannot be read.
bool read_file(const std::string& path, std::string& out);

/// The directory part of a path ("rules/x.json" → "rules").
std::string parent_dir(const std::string& path);

}  // namespace carecheck::cli
