// carecheck::CsvMapping — how the columns of an office's spreadsheet become a household.
//
// A mapping file (docs/batch.md) names, for each CSV header, the fact it answers: household
// facts, and for each member their id, roles and facts; optionally an id column copied into
// every output row, an "as of" date and the household's local figures ("parameters"). load() checks
// it against the loaded catalogue, bind() against the header row, then convert() turns one row into
// the household JSON the Service reads. Nothing here knows a fact id or a policy: all of it comes
// from the mapping and the catalogue.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cell_values.h"
#include "carecheck/issues.h"

namespace carecheck {

/// A cell that could not be read: where its answer would go, its column, what it held and why.
struct CellIssue {
    std::string code;
    std::string path;  // JSON pointer into the household ("/members/0/facts/age")
    std::string column;
    std::string value;
    std::string message;
};

/// Which column an answer in the household came from, to point later errors back to it.
struct CellSource {
    std::string path;
    std::string column;
    std::string value;
};

/// One row, converted. `issues` empty: `household` is ready for Service::screen/check.
struct ConvertedRow {
    Json household;
    std::optional<std::string> id;
    std::vector<CellIssue> issues;
    std::vector<CellSource> sources;  // only when converted with keep_sources
    bool keep_sources = false;

    /// The column whose answer sits at `path` or above it (e.g. a many_of item), if any.
    const CellSource* source_of(const std::string& path) const;
};

class CsvMapping {
public:
    /// Reads a mapping document. Problems become issues naming `file` and a JSON pointer into it.
    static std::optional<CsvMapping> load(const Json& doc, const std::string& file,
                                          const FieldCatalogue& catalogue, IssueList& issues);

    /// Finds every mapped column in the header row. A header the mapping names but the CSV
    /// lacks (or has twice) is an issue at the mapping's pointer for it.
    bool bind(const std::vector<std::string>& header, IssueList& issues);

    /// The mapping's "columns": the header to use for input without a header row (may be empty).
    const std::vector<std::string>& columns() const { return columns_; }

    /// Converts the fields of data row `row` (1 = first row after the header).
    /// `keep_sources`: also note which column each answer came from (only needed to annotate
    /// an error the engine finds later, so a row is converted again with it only then).
    ConvertedRow convert(const std::vector<std::string>& fields, size_t row,
                         bool keep_sources = false) const;

private:
    struct Column {
        std::string header;
        std::string pointer;  // where the mapping names it
        size_t index = 0;     // position in the bound header
    };
    struct FactColumn {
        Column column;
        FieldCatalogue::Fact fact;  // a copy: the mapping outlives the catalogue it was read with
        ValueTable values;
    };
    struct MemberMap {
        std::string id;
        std::vector<std::string> roles;
        std::optional<Column> roles_column;
        ValueTable role_values;
        bool optional = false;
        std::vector<FactColumn> facts;
    };

    void read_facts(const Json& object, const std::string& pointer, bool member, IssueList& issues,
                    std::vector<FactColumn>& out);
    void read_member(const Json& object, const std::string& pointer, IssueList& issues);
    void read_parameters(const Json& object, IssueList& issues);
    std::optional<Column> read_column(const Json& value, const std::string& pointer,
                                      IssueList& issues);
    ValueTable read_values(const Json& object, const std::string& pointer, IssueList& issues);
    std::vector<Column*> all_columns();
    void convert_facts(const std::vector<FactColumn>& columns,
                       const std::vector<std::string>& fields, const std::string& base, size_t row,
                       ConvertedRow& out, Json& facts) const;

    std::string file_;
    const FieldCatalogue* catalogue_ = nullptr;  // while loading
    std::vector<FieldCatalogue::Choice> roles_;
    std::optional<Column> id_, as_of_column_;
    std::string as_of_;
    std::vector<std::string> columns_;
    std::vector<FactColumn> household_;
    std::vector<FactColumn> parameters_;  // each read as a number fact named by the parameter id
    std::vector<MemberMap> members_;
    size_t width_ = 0;
};

}  // namespace carecheck
