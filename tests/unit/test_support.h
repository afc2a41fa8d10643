// Shared helpers for the engine tests: load the example pack, run a household, find a program.
#pragma once

#include <string>
#include <vector>

#include "carecheck/service.h"
#include "carecheck/text.h"

namespace carecheck::test {

std::string read_text_file(const std::string& path);

/// The rule files `names` (catalogue first) of the test rule set in tests/data/`folder`.
std::vector<RuleFile> data_files(const std::string& folder, const std::vector<std::string>& names);

/// A Service with `files` loaded (fails the test if they do not load).
Service service_for(const std::vector<RuleFile>& files);

/// The example rule set under tests/data/example (catalogue + pack).
std::vector<RuleFile> example_files();

/// A Service with the example rules loaded (fails the test if they do not load).
Service example_service();

/// A Service with tests/data/pin's catalogue and pin pack: the behaviours pinned before the
/// evaluation core is rewritten (province codes, `gt` ages, `local.unless`, `by_case` amounts).
Service pin_service();

/// The project's own rule set (rules/: the catalogue and every pack).
std::vector<RuleFile> rule_files();

/// Every household of every rules/*.cases.json, as JSON text.
std::vector<std::string> case_households();

/// Parses the JSON a Service returned.
Json parse(const std::string& text);

/// The result entry of `program` (and `member` for per-member programs) in a check result.
Json program_result(const Json& result, const std::string& program, const std::string& member = "");

/// A household in the example's terms: region, poor, and members as {id, roles, facts}.
Json household(const Json& facts, const Json& members);

}  // namespace carecheck::test
