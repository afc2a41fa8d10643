#include "carecheck/audit.h"

#include <algorithm>
#include <optional>

#include "carecheck/loader.h"

namespace carecheck {

namespace {

constexpr size_t kMinOverlap = 8;      // characters a quote must share with a sentence
constexpr size_t kMinSentence = 2;     // shorter fragments are not sentences
constexpr size_t kReceiveWindow = 80;  // 为 … 提供: at most this many characters between

struct DecodedChar {
    char32_t code;
    size_t byte;  // offset of its first byte
};

/// Decodes UTF-8; a byte that does not start a valid sequence becomes U+FFFD on its own.
std::vector<DecodedChar> decode(const std::string& text) {
    std::vector<DecodedChar> out;
    for (size_t i = 0; i < text.size();) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        size_t length = lead < 0x80           ? 1
                        : (lead >> 5) == 0x6  ? 2
                        : (lead >> 4) == 0xE  ? 3
                        : (lead >> 3) == 0x1E ? 4
                                              : 0;
        char32_t code = length == 1   ? lead
                        : length == 2 ? lead & 0x1F
                        : length == 3 ? lead & 0x0F
                                      : lead & 0x07;
        for (size_t k = 1; k < length; ++k) {
            const unsigned char next =
                    i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
            if ((next & 0xC0) != 0x80)
                length = 0;
            code = (code << 6) | (next & 0x3F);
        }
        if (length == 0) {
            out.push_back({0xFFFD, i});
            ++i;
            continue;
        }
        out.push_back({code, i});
        i += length;
    }
    return out;
}

std::u32string decode_chars(const std::string& text) {
    std::u32string out;
    for (const DecodedChar& c : decode(text))
        out += c.code;
    return out;
}

/// The characters strip_space removes.
bool is_layout_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x3000 || c == 0xA0;
}

bool is_cjk_or_letter(char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

bool ends_sentence(char32_t c) {
    return c == U'。' || c == U'；' || c == U'！' || c == U'？';
}

/// Where `[bookmark:` … `]` markers sit in one line, to be skipped.
std::vector<bool> bookmark_marks(const std::vector<DecodedChar>& line) {
    static const std::u32string kOpen = U"[bookmark:";
    std::vector<bool> skip(line.size(), false);
    for (size_t i = 0; i + kOpen.size() <= line.size(); ++i) {
        bool open = true;
        for (size_t k = 0; k < kOpen.size() && open; ++k)
            open = line[i + k].code == kOpen[k];
        if (!open)
            continue;
        size_t close = i;
        while (close < line.size() && line[close].code != U']')
            ++close;
        if (close == line.size())
            break;  // no closing bracket: not a marker
        for (size_t k = i; k <= close; ++k)
            skip[k] = true;
        i = close;
    }
    return skip;
}

std::vector<size_t> occurrences(const std::u32string& haystack, const std::u32string& needle,
                                size_t from = 0) {
    std::vector<size_t> out;
    if (needle.empty())
        return out;
    for (size_t at = haystack.find(needle, from); at != std::u32string::npos;
         at = haystack.find(needle, at + 1)) {
        out.push_back(at);
    }
    return out;
}

/// The index of the sentence holding character `at`, or of the first one after it.
std::optional<size_t> sentence_at(const AuditText& text, size_t at) {
    for (size_t i = 0; i < text.sentences.size(); ++i) {
        if (text.sentences[i].end > at)
            return i;
    }
    return std::nullopt;
}

/// The index of the sentence holding character `at`, or of the last one before it.
std::optional<size_t> sentence_up_to(const AuditText& text, size_t at) {
    std::optional<size_t> found;
    for (size_t i = 0; i < text.sentences.size() && text.sentences[i].begin <= at; ++i)
        found = i;
    return found;
}

std::string where(const SourceSentence& sentence) {
    return "line " + std::to_string(sentence.line) + " (byte " +
           std::to_string(sentence.byte_offset) + ")";
}

/// Every cite of the pack with the rule that carries it.
std::vector<std::pair<QuotingRule, std::string>> pack_quotes(const Pack& pack) {
    std::vector<std::pair<QuotingRule, std::string>> out;
    for (const Program& program : pack.programs) {
        for (const Cite& cite : program.citations)
            out.push_back({{program.id, cite.clause}, cite.quote});
        if (program.local)
            out.push_back({{program.id + " local", program.local->cite.clause},
                           program.local->cite.quote});
    }
    for (const Condition* node : pack.nodes) {
        if (!node->cite.empty())
            out.push_back({{node->path, node->cite.clause}, node->cite.quote});
    }
    for (size_t i = 0; i < pack.groups.size(); ++i) {
        out.push_back({{pointer_join("/exclusive_groups", i), pack.groups[i].cite.clause},
                       pack.groups[i].cite.quote});
    }
    return out;
}

}  // namespace

std::string utf8(const std::u32string& chars, size_t begin, size_t end) {
    std::string out;
    for (size_t i = begin; i < end && i < chars.size(); ++i) {
        const char32_t c = chars[i];
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

AuditText split_sentences(const std::string& source) {
    AuditText text;
    std::vector<size_t> line_of, byte_of;  // per kept character
    size_t line_start = 0;
    for (size_t line_number = 1; line_start <= source.size(); ++line_number) {
        size_t line_end = source.find('\n', line_start);
        if (line_end == std::string::npos)
            line_end = source.size();
        std::vector<DecodedChar> line = decode(source.substr(line_start, line_end - line_start));
        const std::vector<bool> bookmark = bookmark_marks(line);
        std::vector<DecodedChar> kept;
        bool has_words = false;
        for (size_t i = 0; i < line.size(); ++i) {
            if (bookmark[i] || is_layout_space(line[i].code))
                continue;
            kept.push_back({line[i].code, line_start + line[i].byte});
            has_words = has_words || is_cjk_or_letter(line[i].code);
        }
        if (has_words) {
            // Sentences end at 。；！？ and at the end of the line (a table cell is a line).
            size_t sentence_begin = text.chars.size();
            for (size_t i = 0; i < kept.size(); ++i) {
                text.chars += kept[i].code;
                line_of.push_back(line_number);
                byte_of.push_back(kept[i].byte);
                const bool last = i + 1 == kept.size();
                if (!ends_sentence(kept[i].code) && !last)
                    continue;
                const size_t sentence_end = text.chars.size();
                if (sentence_end - sentence_begin >= kMinSentence) {
                    SourceSentence sentence;
                    sentence.text = utf8(text.chars, sentence_begin, sentence_end);
                    sentence.line = line_of[sentence_begin];
                    sentence.byte_offset = byte_of[sentence_begin];
                    sentence.begin = sentence_begin;
                    sentence.end = sentence_end;
                    text.sentences.push_back(sentence);
                }
                sentence_begin = sentence_end;
            }
        }
        line_start = line_end + 1;
    }
    return text;
}

bool gives_people_something(const std::string& sentence) {
    const std::u32string s = decode_chars(sentence);
    auto word_at = [&](size_t at, const std::u32string& word) {
        return s.compare(at, word.size(), word) == 0;
    };
    // 为 … 提供/发放/给予, or 提供 … 服务, with at most kReceiveWindow characters between.
    auto followed_within = [&](size_t after, std::initializer_list<const char32_t*> words) {
        for (size_t j = after; j < s.size() && j <= after + kReceiveWindow; ++j) {
            for (const char32_t* word : words) {
                if (word_at(j, word))
                    return true;
            }
        }
        return false;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        if (word_at(i, U"给予") || word_at(i, U"发放"))
            return true;
        if (s[i] == U'为' && followed_within(i + 1, {U"提供", U"发放", U"给予"}))
            return true;
        if (word_at(i, U"提供") && followed_within(i + 2, {U"服务"}))
            return true;
    }
    return false;
}

PackAudit audit_pack(const Pack& pack, const std::string& source) {
    const AuditText text = split_sentences(source);
    PackAudit audit;
    for (const SourceSentence& sentence : text.sentences)
        audit.sentences.push_back(AuditedSentence{sentence, {}, -1});

    for (const auto& quoted : pack_quotes(pack)) {
        // Named, not a structured binding: a lambda below captures it (C++17 forbids that).
        const auto& rule = quoted.first;
        const std::u32string needle = decode_chars(strip_space(quoted.second));
        for (size_t at : occurrences(text.chars, needle)) {
            const size_t quote_end = at + needle.size();
            for (AuditedSentence& entry : audit.sentences) {
                const SourceSentence& s = entry.sentence;
                if (s.end <= at || s.begin >= quote_end)
                    continue;
                const size_t overlap = std::min(s.end, quote_end) - std::max(s.begin, at);
                if (overlap < std::min(s.end - s.begin, kMinOverlap))
                    continue;
                const bool listed =
                        std::any_of(entry.quoted_by.begin(), entry.quoted_by.end(),
                                    [&](const QuotingRule& r) { return r.who == rule.who; });
                if (!listed)
                    entry.quoted_by.push_back(rule);
            }
        }
    }

    const Json& entries = pack.meta.is_object() && pack.meta.contains("not_encoded") &&
                                          pack.meta.at("not_encoded").is_array()
                                  ? pack.meta.at("not_encoded")
                                  : Json::array();
    auto issue = [&](const std::string& code, const std::string& path, const std::string& message) {
        audit.issues.push_back(Issue{code, pack.file, path, message});
    };
    for (size_t i = 0; i < entries.size(); ++i) {
        const std::string at = pointer_join("/meta/not_encoded", i);
        const std::u32string from = decode_chars(strip_space(entries[i].value("from", "")));
        const std::vector<size_t> starts = occurrences(text.chars, from);
        if (starts.empty()) {
            issue("not_encoded_not_in_source", at + "/from",
                  "\"from\" text \"" + entries[i].value("from", "") +
                          "\" does not occur in the source");
            continue;
        }
        if (starts.size() > 1) {
            issue("not_encoded_ambiguous", at + "/from",
                  "\"from\" text \"" + entries[i].value("from", "") + "\" occurs " +
                          std::to_string(starts.size()) + " times in the source; give more words");
            continue;
        }
        size_t last_char = starts.front() + from.size() - 1;
        if (entries[i].contains("to")) {
            const std::u32string to = decode_chars(strip_space(entries[i].value("to", "")));
            const std::vector<size_t> ends = occurrences(text.chars, to, starts.front());
            if (ends.empty()) {
                issue("not_encoded_not_in_source", at + "/to",
                      "\"to\" text \"" + entries[i].value("to", "") +
                              "\" does not occur in the source after \"from\"");
                continue;
            }
            last_char = ends.front() + to.size() - 1;
        }
        const auto first = sentence_at(text, starts.front());
        const auto last = sentence_up_to(text, last_char);
        if (!first || !last)
            continue;
        for (size_t s = *first; s <= *last; ++s) {
            if (audit.sentences[s].covered_by < 0)
                audit.sentences[s].covered_by = static_cast<int>(i);
        }
    }

    for (const AuditedSentence& entry : audit.sentences) {
        const SourceSentence& s = entry.sentence;
        if (!entry.quoted_by.empty()) {
            ++audit.quoted;
            continue;
        }
        if (entry.covered_by < 0) {
            ++audit.uncovered;
            issue("sentence_not_accounted_for", "/meta/not_encoded",
                  where(s) + ": no rule quotes \"" + s.text +
                          "\" and no not_encoded entry covers it");
            continue;
        }
        ++audit.covered;
        const Json& covering = entries[static_cast<size_t>(entry.covered_by)];
        if (gives_people_something(s.text) && !covering.contains("not_a_program")) {
            issue("not_a_program_missing",
                  pointer_join("/meta/not_encoded", static_cast<size_t>(entry.covered_by)),
                  where(s) + ": \"" + s.text +
                          "\" gives people something (为…提供/给予/发放); say in \"not_a_program\" "
                          "why it is not a program");
        }
    }
    return audit;
}

}  // namespace carecheck
