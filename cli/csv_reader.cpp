#include "csv_reader.h"

namespace carecheck {

namespace {
constexpr int kEof = std::char_traits<char>::eof();
}

int CsvReader::get() {
    int c;
    if (replay_at_ < replay_.size()) {
        c = static_cast<unsigned char>(replay_[replay_at_++]);
    } else {
        replay_.clear();
        replay_at_ = 0;
        c = in_.sbumpc();
    }
    if (quoted_lines_ > 0 && c != kEof)
        since_break_.push_back(static_cast<char>(c));
    return c;
}

int CsvReader::peek() {
    return replay_at_ < replay_.size() ? static_cast<unsigned char>(replay_[replay_at_])
                                       : in_.sgetc();
}

void CsvReader::skip_bom() {
    // A UTF-8 byte-order mark belongs to the file, not to the first header name.
    static const char kBom[] = "\xEF\xBB\xBF";
    while (replay_.size() < 3 && in_.sgetc() == static_cast<unsigned char>(kBom[replay_.size()])) {
        replay_.push_back(static_cast<char>(in_.sbumpc()));
    }
    if (replay_.size() == 3)
        replay_.clear();
}

void CsvReader::start_quote() {
    quoted_lines_ = 0;
    since_break_.clear();
}

bool CsvReader::quote_runs_away(int c) {
    if (c == '\n') {
        ++line_;
        if (++quoted_lines_ == 1)
            resume_line_ = line_;
    }
    return quoted_lines_ > kMaxQuotedLines || since_break_.size() > kMaxFieldBytes;
}

void CsvReader::resume_after_quote_start() {
    // Read again what the quote took after its first line break, then what was still waiting.
    replay_ = since_break_ + replay_.substr(replay_at_);
    replay_at_ = 0;
    line_ = resume_line_;
    start_quote();
}

void CsvReader::append(CsvRecord& record, std::string& field, char c) {
    if (field.size() < kMaxFieldBytes) {
        field.push_back(c);
    } else {
        record.oversized = true;
    }
}

void CsvReader::end_field(CsvRecord& record, std::string& field) {
    if (record.fields.size() < kMaxFields) {
        record.fields.push_back(std::move(field));
    } else {
        record.too_many_fields = true;
    }
    field.clear();
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.unterminated = record.oversized = record.too_many_fields = false;
    record.line = line_;
    if (!started_) {
        started_ = true;
        skip_bom();
    }
    int c = get();
    if (c == kEof)
        return false;
    std::string field;
    bool quoted = false;   // inside a quoted section
    bool at_start = true;  // nothing of this field read yet: only here does a quote open one
    for (;; c = get()) {
        if (quoted) {
            if (c == kEof || quote_runs_away(c)) {
                record.unterminated = true;
                if (quoted_lines_ > 0)
                    resume_after_quote_start();
                break;
            }
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    append(record, field, '"');
                } else {
                    quoted = false;
                    start_quote();  // closed: nothing to read again
                }
                continue;
            }
            append(record, field, static_cast<char>(c));
            continue;
        }
        if (c == kEof)
            break;
        if (c == ',') {
            end_field(record, field);
            at_start = true;
            continue;
        }
        if (c == '\r' && peek() == '\n')
            continue;  // CRLF: the LF ends the record
        if (c == '\n' || c == '\r') {
            ++line_;
            break;
        }
        if (c == '"' && at_start) {
            quoted = true;
            at_start = false;
            start_quote();
            continue;
        }
        // Elsewhere a quote is an ordinary character (as Python's csv module reads it), and
        // text after a closing quote is kept: `"ab"c` reads as `abc`.
        at_start = false;
        append(record, field, static_cast<char>(c));
    }
    end_field(record, field);
    return true;
}

}  // namespace carecheck
