// Loading a rule set: JSON texts in, a compiled Ruleset or the list of every issue out.
#pragma once

#include <memory>
#include <vector>

#include "carecheck/service.h"
#include "carecheck/issues.h"
#include "carecheck/ruleset.h"

namespace carecheck {

struct LoadResult {
    std::unique_ptr<Ruleset> ruleset;  // null when there are issues
    std::vector<Issue> issues;
};

/// A facts catalogue as parsed by one load, kept for the next: the page loads its county's packs
/// and then all of them with the same catalogue, and it is read again but not parsed again.
/// Holds one catalogue (a different text replaces it), and only one that parsed with no issue.
struct CatalogueMemo {
    std::string text;
    std::shared_ptr<const Json> json;
};

/// Parses and checks the catalogue and packs among `files` (kind told by each file's "format").
/// With `memo`, a catalogue whose text is the memo's is not parsed again, and a newly parsed one
/// is kept there.
LoadResult load_ruleset(const std::vector<RuleFile>& files, CatalogueMemo* memo = nullptr);

/// Parses JSON text; on a syntax error adds a "json_syntax" issue (with the byte offset) and
/// returns a discarded value.
Json parse_json(const std::string& text, IssueList& issues, const std::string& path = "");

/// `text` without spaces, tabs, line ends, U+3000 and U+00A0: quotes match whatever the layout.
std::string strip_space(const std::string& text);

/// The quotes of `pack` that do not occur in `source` (whitespace ignored), as issues.
std::vector<Issue> check_quotes(const Pack& pack, const std::string& source);

}  // namespace carecheck
