// `carecheck batch`: screens many households, one output line per input line or CSV row.
#include <chrono>
#include <ctime>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>

#include "batch_summary.h"
#include "commands.h"
#include "csv_mapping.h"
#include "csv_reader.h"
#include "loader.h"
#include "rule_files.h"

namespace carecheck::cli {

std::string today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

namespace {

std::string dump(const OrderedJson& json) {
    return json.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

/// One input item: what starts its output line ("line":7 or "row":7,"id":…) and either the
/// household to screen or the error envelope that takes its place.
struct BatchItem {
    std::string stamp;
    std::string household;
    std::string error;
};

/// Where the households come from. Both kinds give one item per input line or row, in order.
class BatchInput {
public:
    virtual ~BatchInput() = default;
    virtual bool next(BatchItem& item) = 0;
    /// The service's error envelope for the last item, with whatever the input knows added.
    virtual std::string explain(const std::string& envelope) const { return envelope; }
    /// What one item is called in messages: "lines" or "rows".
    virtual const char* unit() const = 0;
};

/// JSON Lines: each line is a household as it stands.
class JsonLinesInput : public BatchInput {
public:
    /// `first_line`: the number of the first line (not 1 for a piece of a split file).
    JsonLinesInput(std::istream& in, size_t first_line) : in_(in), number_(first_line - 1) {}
    bool next(BatchItem& item) override {
        if (!std::getline(in_, item.household))
            return false;
        if (!item.household.empty() && item.household.back() == '\r')
            item.household.pop_back();
        item.stamp = "\"line\":" + std::to_string(++number_);
        item.error.clear();
        return true;
    }
    const char* unit() const override { return "lines"; }

private:
    std::istream& in_;
    size_t number_;
};

/// CSV rows, converted to households by a mapping; errors name the row, column and value.
class CsvInput : public BatchInput {
public:
    /// `first_row` and `first_line` (0: as read) renumber a piece of a split file as the whole.
    CsvInput(CsvReader& reader, const CsvMapping& mapping, size_t first_row, size_t first_line)
        : reader_(reader), mapping_(mapping), row_(first_row - 1), first_line_(first_line) {}

    bool next(BatchItem& item) override {
        if (!reader_.next(record_))
            return false;
        if (first_record_ && first_line_ > 0)  // lines are shifted from the first data row on
            line_shift_ = static_cast<long long>(first_line_) - static_cast<long long>(record_.line);
        first_record_ = false;
        ++row_;
        converted_ = record_problem();
        if (converted_.issues.empty())
            converted_ = mapping_.convert(record_.fields, row_);
        item.stamp = "\"row\":" + std::to_string(row_);
        if (converted_.id)
            item.stamp += ",\"id\":" + dump(OrderedJson(*converted_.id));
        item.error.clear();
        item.household.clear();
        if (converted_.issues.empty()) {
            item.household =
                    converted_.household.dump(-1, ' ', false, Json::error_handler_t::replace);
        } else {
            item.error = dump(cell_errors());
        }
        return true;
    }

    std::string explain(const std::string& envelope) const override {
        OrderedJson json = OrderedJson::parse(envelope, nullptr, false);
        if (!json.is_object())
            return envelope;
        const auto annotate = [&](OrderedJson& issue) {
            const std::string prefix = "row " + std::to_string(row_);
            const CellSource* source = converted_.source_of(issue.value("path", std::string()));
            if (!source) {
                issue["message"] = prefix + ": " + issue.value("message", std::string());
                return;
            }
            issue["message"] = prefix + ", column " + dump(OrderedJson(source->column)) + " = " +
                               dump(OrderedJson(source->value)) + ": " +
                               issue.value("message", std::string());
            issue["column"] = source->column;
            issue["value"] = source->value;
        };
        if (json.contains("error"))
            annotate(json["error"]);
        if (json.contains("issues")) {
            for (OrderedJson& issue : json["issues"])
                annotate(issue);
        }
        return dump(json);
    }

    const char* unit() const override { return "rows"; }

private:
    /// A record the reader could not split cleanly is an error row before any cell is read.
    ConvertedRow record_problem() const {
        ConvertedRow out;
        const std::string at = "row " + std::to_string(row_) + " (line " +
                               std::to_string(static_cast<long long>(record_.line) + line_shift_) +
                               ")";
        if (record_.unterminated) {
            out.issues.push_back(
                    {"unterminated_quote", "", "", "",
                     at + ": a quote opened on this row is not closed within " +
                             std::to_string(CsvReader::kMaxQuotedLines) +
                             " line breaks or before the end of the input; reading goes on at "
                             "the next line"});
        } else if (record_.too_many_fields) {
            out.issues.push_back({"too_many_fields", "", "", "",
                                  at + ": more than " + std::to_string(CsvReader::kMaxFields) +
                                          " fields (Excel's column limit)"});
        } else if (record_.oversized) {
            out.issues.push_back({"field_too_long", "", "", "",
                                  at + ": a field is longer than 1 MiB (a stray quote?)"});
        } else if (record_.blank()) {
            out.issues.push_back({"empty_row", "", "", "", at + " is empty"});
        }
        return out;
    }

    OrderedJson cell_errors() const {
        OrderedJson issues = OrderedJson::array();
        for (const CellIssue& cell : converted_.issues) {
            OrderedJson issue{{"code", cell.code}, {"message", cell.message}};
            if (!cell.path.empty())
                issue["path"] = cell.path;
            if (!cell.column.empty()) {
                issue["column"] = cell.column;
                issue["value"] = cell.value;
            }
            issues.push_back(std::move(issue));
        }
        return OrderedJson{{"ok", false}, {"error", issues.front()}, {"issues", std::move(issues)}};
    }

    CsvReader& reader_;
    const CsvMapping& mapping_;
    CsvRecord record_;
    ConvertedRow converted_;
    size_t row_;
    const size_t first_line_;
    bool first_record_ = true;
    long long line_shift_ = 0;  // the whole file's line number minus this input's
};

/// A progress line on stderr every `every` seconds; nothing for runs shorter than that.
class Progress {
public:
    Progress(double every, bool quiet, std::ostream& err)
        : every_(every), quiet_(quiet), err_(err) {}

    void tick(const BatchSummary& summary, const char* unit) {
        if (quiet_)
            return;
        const auto now = Clock::now();
        if (std::chrono::duration<double>(now - last_).count() < every_)
            return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        err_ << "carecheck batch: " << summary.rows() << ' ' << unit << ", "
             << static_cast<long long>(seconds > 0 ? summary.rows() / seconds : 0) << ' ' << unit
             << "/s, " << summary.errors() << " with errors\n"
             << std::flush;
    }

private:
    using Clock = std::chrono::steady_clock;
    double every_;
    bool quiet_;
    std::ostream& err_;
    Clock::time_point start_ = Clock::now(), last_ = start_;
};

/// A problem before any row is read: the envelope on stdout (like every command), a line on stderr.
int refuse(const std::vector<Issue>& issues, int code, std::ostream& out, std::ostream& err) {
    out << dump(error_envelope(issues)) << '\n';
    const Issue& first = issues.front();
    err << "carecheck batch: " << first.file << (first.path.empty() ? "" : " at " + first.path)
        << ": " << first.message << '\n';
    return code;
}

/// Reads and checks the mapping, then the header row (or the mapping's "columns").
/// `describe` is the parsed Service::describe(): the catalogue the mapping is checked against.
std::optional<CsvMapping> open_mapping(const Json& describe, const BatchOptions& options,
                                       CsvReader& reader, std::ostream& out, std::ostream& err,
                                       int& code) {
    std::string text;
    if (!read_file(options.map_file, text)) {
        code = refuse({Issue{"io_error", options.map_file, "", "cannot read the mapping file"}},
                      kIoError, out, err);
        return std::nullopt;
    }
    IssueList issues(options.map_file);
    const Json doc = parse_json(text, issues);
    const FieldCatalogue catalogue = FieldCatalogue::from_describe(describe);
    std::optional<CsvMapping> mapping;
    if (issues.empty())
        mapping = CsvMapping::load(doc, options.map_file, catalogue, issues);
    std::vector<std::string> header;
    if (mapping && options.no_header) {
        header = mapping->columns();
        if (header.empty())
            issues.add("missing_field", "/columns", "--no-header needs the mapping's \"columns\"");
    } else if (mapping) {
        CsvRecord record;
        if (reader.next(record))
            header = record.fields;
        if (record.too_many_fields) {
            issues.add("too_many_fields", "",
                       "the CSV header row has more than " + std::to_string(CsvReader::kMaxFields) +
                               " fields");
        }
    }
    if (mapping && issues.empty())
        mapping->bind(header, issues);
    if (!issues.empty()) {
        code = refuse(issues.items(), kInvalid, out, err);
        return std::nullopt;
    }
    return mapping;
}

}  // namespace

int run_batch(const Service& service, const std::string& today_date, const BatchOptions& options,
              std::istream& in, std::ostream& out, std::ostream& err) {
    std::ofstream summary_file;
    if (!options.summary_file.empty()) {
        summary_file.open(options.summary_file);
        if (!summary_file) {
            return refuse(
                    {Issue{"io_error", options.summary_file, "", "cannot write the summary file"}},
                    kIoError, out, err);
        }
    }
    // Parsed once per run: the mapping's catalogue and the summary's programs both come from it.
    const Json describe = Json::parse(service.describe());
    CsvReader reader(in);
    std::optional<CsvMapping> mapping;
    std::unique_ptr<BatchInput> input;
    if (options.csv) {
        int code = kOk;
        mapping = open_mapping(describe, options, reader, out, err, code);
        if (!mapping)
            return code;
        input = std::make_unique<CsvInput>(reader, *mapping, options.first_row, options.first_line);
    } else {
        input = std::make_unique<JsonLinesInput>(in, options.first_line > 0 ? options.first_line : 1);
    }

    BatchSummary summary(describe);
    Progress progress(options.progress_seconds, options.quiet, err);
    BatchItem item;
    while (input->next(item)) {
        std::string result = item.error;
        if (result.empty()) {
            result = options.full ? service.check(item.household, today_date)
                                  : service.screen(item.household, today_date);
        }
        // The service always returns an object starting {"ok":…, so the stamp goes in front.
        const bool ok = envelope_ok(result);
        if (!ok && item.error.empty())
            result = input->explain(result);
        if (ok)
            options.full ? summary.add_check(result) : summary.add_screen(result);
        summary.add_row(ok);
        out << '{' << item.stamp << ',' << result.substr(1) << '\n';
        progress.tick(summary, input->unit());
    }
    out.flush();
    err << "carecheck batch: " << summary.rows() << ' ' << input->unit() << ", "
        << summary.screened() << " screened, " << summary.errors() << " with errors\n";
    if (!options.quiet)
        summary.write_table(err);
    if (summary_file.is_open()) {
        summary_file << summary.to_json(input->unit())
                                .dump(2, ' ', false, OrderedJson::error_handler_t::replace)
                     << '\n';
        if (!summary_file.flush()) {
            err << "carecheck batch: could not write " << options.summary_file << '\n';
            return kIoError;
        }
    }
    return kOk;
}

}  // namespace carecheck::cli
