#include "batch_inputs.h"

#include <algorithm>
#include <cstring>

#include <vector>

#include "carecheck/service.h"
#include "cell_values.h"

namespace carecheck::cli {

namespace {

std::string dump(const OrderedJson& json) {
    return json.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

/// The error envelope of an item that never reached the service.
std::string error_envelope_of(const std::vector<CellIssue>& cells) {
    OrderedJson issues = OrderedJson::array();
    for (const CellIssue& cell : cells) {
        OrderedJson issue{{"code", cell.code}, {"message", cell.message}};
        if (!cell.path.empty())
            issue["path"] = cell.path;
        if (!cell.column.empty()) {
            issue["column"] = cell.column;
            issue["value"] = cell.value;
        }
        issues.push_back(std::move(issue));
    }
    return dump(
            OrderedJson{{"ok", false}, {"error", issues.front()}, {"issues", std::move(issues)}});
}

/// Reads one line but keeps at most `limit` + 1 bytes of it (the rest is read and dropped), so a
/// 200 MB line costs 1 MiB of memory and comes back from the service as too large.
bool only_spaces(const std::string& text) {
    return text.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

bool BatchInput::next(BatchItem& item) {
    while (!kept_) {
        const Read what = read();
        if (what == Read::kEnd)
            return false;  // blank items still waiting end the input: they are no rows
        ++number_;
        if (what == Read::kContent) {
            kept_ = true;
        } else if (blanks_++ == 0) {
            first_blank_ = number_;
            first_blank_line_ = line();
        }
    }
    item.stamp.clear();
    item.household.clear();
    item.household_json = Json();
    item.is_json = false;
    item.error.clear();
    if (blanks_ > 0) {
        --blanks_;
        make_blank_item(first_blank_++, first_blank_line_++, item);
        return true;
    }
    kept_ = false;
    make_item(number_, item);
    return true;
}

bool LineReader::next(std::string& line, size_t limit) {
    line.clear();
    bool read_any = false;
    for (;;) {
        if (pos_ == block_.size()) {
            if (ended_)
                return read_any;
            block_.resize(kBlockBytes);
            const std::streamsize got = source_.sgetn(&block_[0], static_cast<std::streamsize>(kBlockBytes));
            block_.resize(got > 0 ? static_cast<size_t>(got) : 0);
            pos_ = 0;
            if (block_.empty()) {
                ended_ = true;  // the end, an error, or a stop signal
                return read_any;
            }
        }
        read_any = true;
        const char* start = block_.data() + pos_;
        const size_t available = block_.size() - pos_;
        const char* end = static_cast<const char*>(std::memchr(start, '\n', available));
        const size_t length = end ? static_cast<size_t>(end - start) : available;
        if (line.size() <= limit)  // one byte past the limit tells the reader it was too long
            line.append(start, std::min(length, limit + 1 - line.size()));
        pos_ += length;
        if (end) {
            ++pos_;
            return true;
        }
    }
}

BatchInput::Read JsonLinesInput::read() {
    if (!lines_in_.next(text_, Service::kMaxInputBytes))
        return Read::kEnd;
    ++lines_;
    if (!text_.empty() && text_.back() == '\r')
        text_.pop_back();
    return only_spaces(text_) ? Read::kBlank : Read::kContent;
}

void JsonLinesInput::make_item(size_t number, BatchItem& item) {
    item.stamp = "\"line\":" + std::to_string(number);
    item.household = std::move(text_);
}

void JsonLinesInput::make_blank_item(size_t number, size_t, BatchItem& item) const {
    item.stamp = "\"line\":" + std::to_string(number);
    item.error = error_envelope_of(
            {{"empty_line", "", "", "", "line " + std::to_string(number) + " is empty"}});
}

BatchInput::Read CsvInput::read() {
    if (!reader_.next(record_))
        return Read::kEnd;
    if (first_record_ && first_line_ > 0)  // lines are shifted from the first data row on
        line_shift_ = static_cast<long long>(first_line_) - static_cast<long long>(record_.line);
    first_record_ = false;
    const bool flagged = record_.unterminated || record_.oversized || record_.too_many_fields;
    // A blank cell holds only spaces (trim_cell), never a line break: one physical line.
    const bool blank =
            !flagged && record_.fields.size() == 1 && trim_cell(record_.fields[0]).empty();
    return blank ? Read::kBlank : Read::kContent;
}

void CsvInput::make_item(size_t number, BatchItem& item) {
    row_ = number;
    converted_ = record_problem();
    if (converted_.issues.empty())
        converted_ = mapping_.convert(record_.fields, row_);
    item.stamp = "\"row\":" + std::to_string(row_);
    if (converted_.id)
        item.stamp += ",\"id\":" + dump(OrderedJson(*converted_.id));
    if (converted_.issues.empty()) {
        item.household_json = std::move(converted_.household);
        item.is_json = true;
    } else {
        item.error = error_envelope_of(converted_.issues);
    }
}

void CsvInput::make_blank_item(size_t number, size_t line, BatchItem& item) const {
    item.stamp = "\"row\":" + std::to_string(number);
    item.error = error_envelope_of(
            {{"empty_row", "", "", "",
              "row " + std::to_string(number) + " (line " + std::to_string(line) + ") is empty"}});
}

std::string CsvInput::explain(const std::string& envelope) const {
    OrderedJson json = OrderedJson::parse(envelope, nullptr, false);
    if (!json.is_object())
        return envelope;
    // Which column each answer came from: noted now, for this row only.
    const ConvertedRow traced = mapping_.convert(record_.fields, row_, true);
    const auto annotate = [&](OrderedJson& issue) {
        const std::string prefix = "row " + std::to_string(row_);
        const CellSource* source = traced.source_of(issue.value("path", std::string()));
        if (!source) {
            issue["message"] = prefix + ": " + issue.value("message", std::string());
            return;
        }
        const std::string shown = quote_value(source->value);  // a long cell is cut, as in bad_cell
        issue["message"] = prefix + ", column " + dump(OrderedJson(source->column)) + " = " +
                           dump(OrderedJson(shown)) + ": " + issue.value("message", std::string());
        issue["column"] = source->column;
        issue["value"] = shown;
    };
    if (json.contains("error"))
        annotate(json["error"]);
    if (json.contains("issues")) {
        for (OrderedJson& issue : json["issues"])
            annotate(issue);
    }
    return dump(json);
}

ConvertedRow CsvInput::record_problem() const {
    ConvertedRow out;
    const std::string at =
            "row " + std::to_string(row_) + " (line " + std::to_string(shifted(record_.line)) + ")";
    if (record_.unterminated) {
        out.issues.push_back({"unterminated_quote", "", "", "",
                              at + ": a quote opened on this row is not closed within " +
                                      std::to_string(CsvReader::kMaxQuotedLines) +
                                      " line breaks or before the end of the input; reading goes "
                                      "on at the next line"});
    } else if (record_.too_many_fields) {
        out.issues.push_back({"too_many_fields", "", "", "",
                              at + ": more than " + std::to_string(CsvReader::kMaxFields) +
                                      " fields (Excel's column limit)"});
    } else if (record_.oversized) {
        out.issues.push_back({"field_too_long", "", "", "",
                              at + ": a field is longer than 1 MiB (a stray quote?)"});
    }
    return out;
}

}  // namespace carecheck::cli
