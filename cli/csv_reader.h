// carecheck::CsvReader — streams RFC 4180 records from a byte stream, one record at a time.
//
// Knows nothing about facts or households: it only splits text into fields. Accepts what
// spreadsheet programs write: quoted fields with commas, doubled quotes and line breaks inside;
// CRLF or LF line ends; a UTF-8 byte-order mark before the first record (Excel, WPS). It never
// throws and never holds more than one record in memory; a malformed record is reported in the
// record's flags and reading goes on with the next one.
//
// A quote that is never closed would otherwise take the rest of the file into one field, and
// every later row with it. So a quoted field may span at most kMaxQuotedLines line breaks (and
// kMaxFieldBytes after its first one); past that, or at the end of the input, the record is
// flagged `unterminated` and reading starts again at the line after the one the quote opened on,
// re-reading the bytes it had taken (at most about kMaxFieldBytes). An unclosed quote then costs
// one row. (A stray quote closed by another stray quote a few lines on still joins those lines
// into one record: CSV cannot tell that from a cell with line breaks.)
//
// A record keeps at most kMaxFields fields: a line of a million commas would otherwise become a
// million empty strings in memory. Past that the record is flagged `too_many_fields`, the rest of
// it is read and dropped, and reading goes on with the next record as usual.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace carecheck {

/// One record as read. `line` is the physical line it starts on (1 = first line of the input).
struct CsvRecord {
    std::vector<std::string> fields;
    size_t line = 0;
    bool unterminated = false;     // a quoted field was not closed in time (see above)
    bool oversized = false;        // a field was longer than CsvReader::kMaxFieldBytes and was cut
    bool too_many_fields = false;  // more than CsvReader::kMaxFields fields; the rest were dropped
    bool blank() const { return fields.size() == 1 && fields[0].empty(); }
};

class CsvReader {
public:
    /// A field longer than this is cut (and its record flagged), so a stray quote that runs
    /// to the end of a very large file cannot exhaust memory.
    static constexpr size_t kMaxFieldBytes = 1 << 20;
    /// More line breaks than this in one quoted field mean its quote was never closed.
    static constexpr size_t kMaxQuotedLines = 100;
    /// Fields kept of one record: Excel's column limit (column XFD), so no row Excel exports is
    /// wider, and a record with more is not a row of a table (a line of commas, the wrong file).
    /// It bounds a record's field list (an empty field still costs a std::string) to about half
    /// a MiB.
    static constexpr size_t kMaxFields = 16384;

    explicit CsvReader(std::istream& in) : in_(*in.rdbuf()) {}

    /// Reads the next record into `record`; false at the end of the input.
    bool next(CsvRecord& record);

private:
    int get();
    int peek();
    void skip_bom();
    void append(CsvRecord& record, std::string& field, char c);
    void end_field(CsvRecord& record, std::string& field);
    void start_quote();
    /// In a quoted field, after `c` (a byte of it): true if the quote must be given up on now.
    bool quote_runs_away(int c);
    void resume_after_quote_start();

    std::streambuf& in_;
    // Bytes to read again before the stream: a start that was not a byte-order mark, or what an
    // unclosed quote took after its first line break.
    std::string replay_;
    size_t replay_at_ = 0;
    size_t line_ = 1;
    bool started_ = false;
    // The quoted field being read: its line breaks, the line after its first one, and the bytes
    // read since that break (kept so they can be read again if the quote is never closed).
    size_t quoted_lines_ = 0;
    size_t resume_line_ = 0;
    std::string since_break_;
};

}  // namespace carecheck
