// Running a pack's case files: expectations per case, and which conditions the cases
// never saw true or never saw false. Used by `carecheck cases` and the GoogleTest runner.
#pragma once

#include <string>
#include <vector>

#include "carecheck/evaluation.h"
#include "carecheck/issues.h"

namespace carecheck {

struct Case {
    std::string id;
    std::string clause;
    std::string description;
    Json household;
    Json expect;
    std::string expect_error;  // an input-error code the household must be rejected with
};

struct CaseFile {
    std::string pack;
    std::vector<Case> cases;
};

/// Reads a cases file; problems become issues with JSON pointers.
CaseFile read_case_file(const std::string& text, IssueList& issues);

/// Runs one case against its pack; returns what did not match (empty: the case passes).
/// Coverage, if given, accumulates every condition node the evaluation reached.
std::vector<std::string> run_case(const Ruleset& ruleset, const Pack& pack, const Case& c, Coverage* coverage);

/// Condition nodes never seen true or never seen false, as "path: never true" lines.
std::vector<std::string> coverage_gaps(const Pack& pack, const Coverage& coverage);

const Pack* find_pack(const Ruleset& ruleset, const std::string& id);

}  // namespace carecheck
