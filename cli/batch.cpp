// `carecheck batch`: screens many households, one output line per input line or CSV row.
#include "batch.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <tuple>

#include "batch_inputs.h"
#include "batch_stop.h"
#include "batch_summary.h"
#include "csv_mapping.h"
#include "csv_reader.h"
#include "input_encoding.h"
#include "json_depth.h"
#include "carecheck/loader.h"
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

/// Output lines, written out only whole: however the process ends (even killed outright), the
/// output holds whole lines, never the start of one. Lines are collected and handed to the stream
/// in one write of whole lines at a time, then flushed.
class LineOutput {
public:
    explicit LineOutput(std::ostream& out) : out_(out) {}
    ~LineOutput() { flush(); }
    void add(const std::string& stamp, const std::string& envelope) {
        // The service always returns an object starting {"ok":…, so the stamp goes in front.
        pending_ += '{';
        pending_ += stamp;
        pending_ += ',';
        pending_.append(envelope, 1, std::string::npos);
        pending_ += '\n';
        if (pending_.size() >= kFlushBytes)
            flush();
    }
    void flush() {
        out_.write(pending_.data(), static_cast<std::streamsize>(pending_.size()));
        out_.flush();
        pending_.clear();
    }

private:
    static constexpr size_t kFlushBytes = 64 * 1024;
    std::ostream& out_;
    std::string pending_;
};

/// A problem before any row is read: the envelope on stdout (like every command), a line on stderr.
int refuse(const std::vector<Issue>& issues, int code, std::ostream& out, std::ostream& err) {
    out << dump(error_envelope(issues)) << '\n';
    const Issue& first = issues.front();
    err << "carecheck batch: " << first.file << (first.path.empty() ? "" : " at " + first.path)
        << ": " << first.message << '\n';
    return code;
}

/// How to save a file as UTF-8 in the programs offices use.
std::string how_to_save_utf8(bool csv) {
    return csv ? "save it as UTF-8 to skip this: WPS \"另存为 → 文件类型 CSV UTF-8\", Excel "
                 "\"另存为 → CSV UTF-8（逗号分隔）\""
               : "save it as UTF-8 to skip this";
}

/// One line on stderr when the input is not UTF-8: what it is and what is done about it.
void report_encoding(const Utf8Input& text, bool csv, std::ostream& err) {
    if (text.encoding() != TextEncoding::kUtf8) {
        const std::string name =
                text.encoding() == TextEncoding::kGb18030
                        ? "GB18030 (GBK)"
                        : std::string(encoding_name(text.encoding())) +
                                  (text.had_byte_order_mark() ? " (with a byte-order mark)"
                                                              : " (no byte-order mark)");
        err << "carecheck batch: the input is " << name << ", not UTF-8; decoding it to UTF-8 ("
            << how_to_save_utf8(csv) << ")\n";
    } else if (text.not_utf8()) {
        err << "carecheck batch: the input is not UTF-8 (nor GB18030 or UTF-16); it is read as it "
               "is and text that is not UTF-8 shows as U+FFFD ("
            << how_to_save_utf8(csv) << ")\n";
    }
}

/// Reads and checks the mapping against `catalogue`, then the header row (or the mapping's
/// "columns").
std::optional<CsvMapping> open_mapping(const FieldCatalogue& catalogue, const BatchOptions& options,
                                       const std::string& text, CsvReader& reader,
                                       std::ostream& out, std::ostream& err, int& code) {
    IssueList issues(options.map_file);
    const Json doc = parse_json(text, issues);
    // Copying or dumping a value recurses once per level: refuse a deep one before anything does.
    if (const auto deep = issues.empty() ? first_too_deep(doc) : std::nullopt) {
        issues.add("too_deep", *deep,
                   "nested more than " + std::to_string(kMaxJsonDepth) +
                           " arrays or objects deep; a mapping needs a handful");
    }
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

BatchEngine::BatchEngine(const Service& rules, std::string date)
    : ruleset(*rules.ruleset()),
      renderer(*rules.renderer()),
      today(std::move(date)),
      catalogue(FieldCatalogue::from_ruleset(ruleset)),
      no_rows(ruleset) {}

namespace {

/// One household through the typed core: read, evaluated, counted, written. The envelope, and
/// whether it is a result (false: an input error, not counted).
std::pair<std::string, bool> screen_one(const BatchEngine& engine, const BatchItem& item, bool full,
                                        BatchSummary& summary) {
    if (engine.stand_in) {
        if (auto answer = engine.stand_in(full))
            return {*answer, true};
    }
    try {
        IssueList issues;
        const std::optional<Household> household =
                item.is_json ? read_household(item.household_json, engine.ruleset, engine.today, issues)
                             : read_household_text(item.household, engine.ruleset, engine.today, issues);
        if (!household)
            return {dump(error_envelope(issues.items())), false};
        const Evaluation evaluation = evaluate(engine.ruleset, *household, Trace::Record);
        summary.add(evaluation);
        return {full ? engine.renderer.result(evaluation) : engine.renderer.screen(evaluation), true};
    } catch (const std::exception& e) {
        // A bug, or memory running out: this line says so and the run goes on.
        return {dump(error_envelope(Issue{"internal", "", "", std::string("internal error: ") + e.what()})),
                false};
    }
}

}  // namespace

int screen_batch(const BatchEngine& engine, const BatchOptions& options,
                 const std::string& mapping_text, std::istream& in, std::ostream& out,
                 std::ostream& err, std::ostream* summary_out) {
    // Told before any row is read: a GBK or UTF-16 header would match no mapped column.
    Utf8Input text(*in.rdbuf());
    report_encoding(text, options.csv, err);
    std::istream utf8(&text);
    CsvReader reader(utf8);
    std::optional<CsvMapping> mapping;
    std::unique_ptr<BatchInput> input;
    if (options.csv) {
        int code = kOk;
        mapping = open_mapping(engine.catalogue, options, mapping_text, reader, out, err, code);
        if (!mapping)
            return code;
        input = std::make_unique<CsvInput>(reader, *mapping, options.first_line);
        input->number_from(options.first_row);
    } else {
        input = std::make_unique<JsonLinesInput>(utf8);
        input->number_from(options.first_line);
    }

    BatchSummary summary = engine.no_rows;
    Progress progress(options.progress_seconds, options.quiet, err);
    LineOutput lines(out);
    BatchItem item;
    // A stop is looked at between items; an item read while it came may be cut short (the read
    // that the signal interrupted ends the input), so it is not written.
    while (stop_signal() == 0 && input->next(item) && stop_signal() == 0) {
        std::string result = item.error;
        bool ok = false;
        if (result.empty()) {
            std::tie(result, ok) = screen_one(engine, item, options.full, summary);
            if (!ok)
                result = input->explain(result);
        }
        summary.add_row(ok);
        lines.add(item.stamp, result);
        progress.tick(summary, input->unit());
    }
    lines.flush();
    const int stopped = stop_signal();
    if (stopped != 0) {
        err << "carecheck batch: stopped by " << signal_name(stopped) << " after " << summary.rows()
            << ' ' << input->unit()
            << "; every one of them is in the output, the rest were not read\n";
    }
    if (text.replaced() > 0) {
        err << "carecheck batch: " << text.replaced() << " byte sequences were not "
            << encoding_name(text.encoding()) << " and were read as U+FFFD\n";
    }
    err << "carecheck batch: " << summary.rows() << ' ' << input->unit() << ", "
        << summary.screened() << " screened, " << summary.errors() << " with errors\n";
    if (!options.quiet)
        summary.write_table(err);
    if (summary_out) {
        *summary_out << summary.to_json(input->unit(), stopped == 0, encoding_name(text.encoding()))
                                .dump(2, ' ', false, OrderedJson::error_handler_t::replace)
                     << '\n';
    }
    return stopped != 0 ? 128 + stopped : kOk;
}

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
    std::string mapping_text;
    if (options.csv && !read_file(options.map_file, mapping_text)) {
        return refuse({Issue{"io_error", options.map_file, "", "cannot read the mapping file"}},
                      kIoError, out, err);
    }
    const BatchEngine engine(service, today_date);
    const int code = screen_batch(engine, options, mapping_text, in, out, err,
                                  summary_file.is_open() ? &summary_file : nullptr);
    if (summary_file.is_open() && code != kInvalid && !summary_file.flush()) {
        err << "carecheck batch: could not write " << options.summary_file << '\n';
        return kIoError;
    }
    return code;
}

}  // namespace carecheck::cli
