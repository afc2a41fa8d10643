// carecheck::CsvReader — streams RFC 4180 records from a byte stream, one record at a time.
//
// Knows nothing about facts or households: it only splits text into fields. Accepts what
// spreadsheet programs write: quoted fields with commas, doubled quotes and line breaks inside;
// CRLF or LF line ends; a UTF-8 byte-order mark before the first record (Excel, WPS). It never
// throws and never holds more than one record in memory; a malformed record is reported in the
// record's flags and reading goes on with the next one.
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
    bool unterminated = false;  // the input ended inside a quoted field
    bool oversized = false;     // a field was longer than CsvReader::kMaxFieldBytes and was cut
    bool blank() const { return fields.size() == 1 && fields[0].empty(); }
};

class CsvReader {
public:
    /// A field longer than this is cut (and its record flagged), so a stray quote that runs
    /// to the end of a very large file cannot exhaust memory.
    static constexpr size_t kMaxFieldBytes = 1 << 20;

    explicit CsvReader(std::istream& in) : in_(*in.rdbuf()) {}

    /// Reads the next record into `record`; false at the end of the input.
    bool next(CsvRecord& record);

private:
    int get();
    int peek();
    void skip_bom();
    void append(CsvRecord& record, std::string& field, char c);

    std::streambuf& in_;
    std::string pending_;  // bytes read while looking for a byte-order mark that was not one
    size_t line_ = 1;
    bool started_ = false;
};

}  // namespace carecheck
