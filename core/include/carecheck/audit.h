// The clause audit: every sentence of a pack's source text, with the rules that quote it or the
// `meta.not_encoded` entry that says why no rule does (docs/rule-format.md "Clause audit").
#pragma once

#include <string>
#include <vector>

#include "carecheck/issues.h"
#include "carecheck/ruleset.h"

namespace carecheck {

/// One sentence of a source text, as the audit splits it.
struct SourceSentence {
    std::string text;           // whitespace removed, UTF-8
    size_t line = 0;            // 1-based line of its first character in the original text
    size_t byte_offset = 0;     // byte offset of its first character in the original text
    size_t begin = 0, end = 0;  // character range in the audit text (AuditText::chars)
};

/// A source text with whitespace and conversion noise removed, split into sentences.
struct AuditText {
    std::u32string chars;  // the kept characters, in order
    std::vector<SourceSentence> sentences;
};

/// Removes whitespace (as the quote check does), `[bookmark: …]` markers and lines with no CJK
/// character or letter (page numbers), then splits at 。；！？ and at line ends; fragments shorter
/// than two characters are dropped.
AuditText split_sentences(const std::string& source);

/// Whether a sentence gives a named group something (为…提供/发放/给予 within 80 characters,
/// 给予, 发放, or 提供…服务): such a sentence, when no rule quotes it, needs `not_a_program`.
bool gives_people_something(const std::string& sentence);

/// A rule that quotes a sentence: a program id, or a JSON pointer into the pack.
struct QuotingRule {
    std::string
            who;  // "home-foster-care", "home-foster-care local", "/programs/0/conditions/all/1"
    std::string clause;  // the cite's clause
};

struct AuditedSentence {
    SourceSentence sentence;
    std::vector<QuotingRule> quoted_by;  // empty: not quoted
    int covered_by = -1;                 // index into meta.not_encoded, or -1
};

struct PackAudit {
    std::vector<AuditedSentence> sentences;
    size_t quoted = 0, covered = 0, uncovered = 0;
    std::vector<Issue>
            issues;  // uncovered sentences, entries not in the source, missing not_a_program
};

/// Audits `pack` against its source text `source`. The overlap a quote needs with a sentence
/// is min(sentence length, 8) characters.
PackAudit audit_pack(const Pack& pack, const std::string& source);

/// UTF-8 of a run of characters of the audit text.
std::string utf8(const std::u32string& chars, size_t begin, size_t end);

}  // namespace carecheck
