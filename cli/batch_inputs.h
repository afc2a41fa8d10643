// Where `carecheck batch` gets its households: JSON Lines as they stand, or CSV rows through a
// mapping. Both give one item per input line or row, in order, each with the stamp that starts
// its output line, and share what a blank line means (docs/batch.md "Blank lines"): blank lines
// (nothing but spaces and tabs) between rows are error items of their own, blank lines at the end
// of the input are none (a spreadsheet's trailing empty lines are not records).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "csv_mapping.h"
#include "csv_reader.h"

namespace carecheck::cli {

/// One input item: what starts its output line ("line":7 or "row":7,"id":…) and either the
/// household to screen or the error envelope that takes its place.
struct BatchItem {
    std::string stamp;
    std::string household;    // JSON text (JSON Lines)
    Json household_json;      // or the household a mapping made of a CSV row
    bool is_json = false;
    std::string error;
};

class BatchInput {
public:
    virtual ~BatchInput() = default;
    /// The next item; false at the end of the input.
    bool next(BatchItem& item);
    /// The service's error envelope for the last item, with whatever the input knows added.
    virtual std::string explain(const std::string& envelope) const { return envelope; }
    /// What one item is called in messages: "lines" or "rows".
    virtual const char* unit() const = 0;
    /// Numbers items from `first` instead of 1: a piece of a split file keeps the whole file's
    /// numbers (tools/dask_batch.py, `--first-line` / `--first-row`).
    void number_from(size_t first) { number_ = first > 0 ? first - 1 : 0; }

protected:
    enum class Read { kEnd, kBlank, kContent };
    /// Reads the next line or record and keeps it; says which it was.
    virtual Read read() = 0;
    /// The physical input line the kept line or record starts on.
    virtual size_t line() const = 0;
    /// The item for the kept, non-blank line or record, item number `number` (1 = first).
    virtual void make_item(size_t number, BatchItem& item) = 0;
    /// The error item for the blank item `number`, on physical line `line`.
    virtual void make_blank_item(size_t number, size_t line, BatchItem& item) const = 0;

private:
    size_t number_ = 0;  // items read, blank ones included
    // Blank items read but not yet given out: only a non-blank item after them makes them rows.
    // A count, not a list, so a million blank lines cost nothing: a blank line or record is
    // always one physical line, so their numbers follow from the first.
    size_t blanks_ = 0, first_blank_ = 0, first_blank_line_ = 0;
    bool kept_ = false;  // a non-blank item is read and waits behind the blank ones
};

/// Lines read a block at a time; a line longer than `limit` keeps `limit` + 1 bytes (so the
/// reader can say it was too long) and the rest of it is skipped, never held.
class LineReader {
public:
    explicit LineReader(std::streambuf& source) : source_(source) {}
    /// The next line without its "\n"; false at the end of the input.
    bool next(std::string& line, size_t limit);

private:
    static constexpr size_t kBlockBytes = 64 * 1024;
    std::streambuf& source_;
    std::string block_;
    size_t pos_ = 0;
    bool ended_ = false;
};

/// JSON Lines: each line is a household as it stands.
class JsonLinesInput : public BatchInput {
public:
    explicit JsonLinesInput(std::istream& in) : lines_in_(*in.rdbuf()) {}
    const char* unit() const override { return "lines"; }

protected:
    Read read() override;
    size_t line() const override { return lines_; }
    void make_item(size_t number, BatchItem& item) override;
    void make_blank_item(size_t number, size_t line, BatchItem& item) const override;

private:
    LineReader lines_in_;
    std::string text_;
    size_t lines_ = 0;
};

/// CSV rows, converted to households by a mapping; errors name the row, column and value.
class CsvInput : public BatchInput {
public:
    /// `first_line` (0: as read) is the whole file's line of this input's first record.
    CsvInput(CsvReader& reader, const CsvMapping& mapping, size_t first_line = 0)
        : reader_(reader), mapping_(mapping), first_line_(first_line) {}
    std::string explain(const std::string& envelope) const override;
    const char* unit() const override { return "rows"; }

protected:
    Read read() override;
    size_t line() const override { return shifted(record_.line); }
    void make_item(size_t number, BatchItem& item) override;
    void make_blank_item(size_t number, size_t line, BatchItem& item) const override;

private:
    /// A record the reader could not split cleanly is an error row before any cell is read.
    ConvertedRow record_problem() const;
    size_t shifted(size_t line) const { return static_cast<size_t>(static_cast<long long>(line) + line_shift_); }

    CsvReader& reader_;
    const CsvMapping& mapping_;
    CsvRecord record_;
    ConvertedRow converted_;
    size_t row_ = 0;
    const size_t first_line_;
    bool first_record_ = true;
    long long line_shift_ = 0;  // the whole file's line number minus this input's
};

}  // namespace carecheck::cli
