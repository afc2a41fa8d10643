#include "csv_reader.h"

namespace carecheck {

namespace {
constexpr int kEof = std::char_traits<char>::eof();
}

int CsvReader::get() {
    if (pending_.empty())
        return in_.sbumpc();
    const int c = static_cast<unsigned char>(pending_.front());
    pending_.erase(0, 1);
    return c;
}

int CsvReader::peek() {
    return pending_.empty() ? in_.sgetc() : static_cast<unsigned char>(pending_.front());
}

void CsvReader::skip_bom() {
    // A UTF-8 byte-order mark belongs to the file, not to the first header name.
    static const char kBom[] = "\xEF\xBB\xBF";
    while (pending_.size() < 3 &&
           in_.sgetc() == static_cast<unsigned char>(kBom[pending_.size()])) {
        pending_.push_back(static_cast<char>(in_.sbumpc()));
    }
    if (pending_.size() == 3)
        pending_.clear();
}

void CsvReader::append(CsvRecord& record, std::string& field, char c) {
    if (field.size() < kMaxFieldBytes) {
        field.push_back(c);
    } else {
        record.oversized = true;
    }
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.unterminated = record.oversized = false;
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
            if (c == kEof) {
                record.unterminated = true;
                break;
            }
            if (c == '"') {
                if (peek() == '"') {
                    get();
                    append(record, field, '"');
                } else {
                    quoted = false;
                }
                continue;
            }
            if (c == '\n')
                ++line_;
            append(record, field, static_cast<char>(c));
            continue;
        }
        if (c == kEof)
            break;
        if (c == ',') {
            record.fields.push_back(std::move(field));
            field.clear();
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
            continue;
        }
        // Elsewhere a quote is an ordinary character (as Python's csv module reads it), and
        // text after a closing quote is kept: `"ab"c` reads as `abc`.
        at_start = false;
        append(record, field, static_cast<char>(c));
    }
    record.fields.push_back(std::move(field));
    return true;
}

}  // namespace carecheck
