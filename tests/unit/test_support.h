// Shared helpers for the engine tests: load the example pack, run a household, find a program.
#pragma once

#include <string>
#include <vector>

#include "carecheck/service.h"
#include "text.h"

namespace carecheck::test {

std::string read_text_file(const std::string& path);

/// The example rule set under tests/data/example (catalogue + pack).
std::vector<RuleFile> example_files();

/// A Service with the example rules loaded (fails the test if they do not load).
Service example_service();

/// Parses the JSON a Service returned.
Json parse(const std::string& text);

/// The result entry of `program` (and `member` for per-member programs) in a check result.
Json program_result(const Json& result, const std::string& program, const std::string& member = "");

/// A household in the example's terms: region, poor, and members as {id, roles, facts}.
Json household(const Json& facts, const Json& members);

}  // namespace carecheck::test
