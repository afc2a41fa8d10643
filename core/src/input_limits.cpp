#include "input_limits.h"

#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catching.h"

namespace carecheck {

namespace {

/// One open array or object: where it is, how many items it has, and the key just read (for
/// the pointer of the value that follows).
struct Open {
    bool object = false;
    size_t items = 0;
    std::string key;
};

/// Checks limits event by event, stops the parse (returns false) at the first excess, and builds
/// the document from the events that pass: one pass over the text, and nothing over a limit is
/// ever built.
class LimitChecker : public nlohmann::json_sax<Json> {
public:
    LimitChecker(const InputLimits& limits, IssueList& issues, std::string path, Json& result)
        : limits_(limits), issues_(issues), root_(std::move(path)), root_value_(result) {}

    bool null() override { return value() && put(Json()); }
    bool boolean(bool b) override { return value() && put(Json(b)); }
    bool number_integer(number_integer_t n) override { return value() && put(Json(n)); }
    bool number_unsigned(number_unsigned_t n) override { return value() && put(Json(n)); }
    bool number_float(number_float_t number, const string_t& text) override {
        if (!std::isfinite(number)) {
            return refuse("number_out_of_range", here(), "the number " + quote_value(text) + " is too large");
        }
        return value() && put(Json(number));
    }
    bool string(string_t& text) override {
        if (!short_enough(text)) return false;
        return value() && put(Json(std::move(text)));
    }
    bool binary(binary_t&) override { return value() && put(Json()); }
    bool start_object(std::size_t) override { return open(true); }
    bool key(string_t& text) override {
        Open& top = stack_.back();
        if (text.size() > limits_.max_string_bytes) {
            return refuse("too_long", here(), "a key is longer than " + std::to_string(limits_.max_string_bytes) +
                                                   " bytes: " + quote_value(Json(text)));
        }
        if (++top.items > limits_.max_object_members) {
            return refuse("too_many_items", here(),
                          "an object has more than " + std::to_string(limits_.max_object_members) + " members");
        }
        top.key = text;
        if (containers_.back()->contains(text)) {
            return refuse("duplicate_key", here(), "the key " + quote_value(Json(text)) + " is given twice");
        }
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t position, const std::string& last_read, const nlohmann::detail::exception&) override {
        if (!refused_) {
            issues_.add("json_syntax", root_, "not valid JSON near byte " + std::to_string(position) + " (after " +
                                                  quote_value(Json(last_read), 40) + ")");
            refused_ = true;
        }
        return false;
    }

private:
    /// A scalar or a container begins where the current key or index points.
    bool value() {
        if (!stack_.empty() && !stack_.back().object && ++stack_.back().items > limits_.max_array_items) {
            return refuse("too_many_items", pointer(stack_.size() - 1),
                          "an array has more than " + std::to_string(limits_.max_array_items) + " items");
        }
        return true;
    }
    bool open(bool object) {
        if (!value()) return false;
        if (stack_.size() + 1 > limits_.max_depth) {
            return refuse("too_deep", here(), "values nest deeper than " + std::to_string(limits_.max_depth) + " levels");
        }
        // Placed under the parent's key before this container becomes the innermost one.
        containers_.push_back(place(object ? Json::object() : Json::array()));
        stack_.push_back(Open{object, 0, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        containers_.pop_back();
        return true;
    }
    /// The document is built as it is read: a value goes into the open container (under the key
    /// just read) or becomes the root.
    Json* place(Json value) {
        if (containers_.empty()) {
            root_value_ = std::move(value);
            return &root_value_;
        }
        Json& parent = *containers_.back();
        if (parent.is_object()) return &(parent[stack_.back().key] = std::move(value));
        parent.push_back(std::move(value));
        return &parent.back();
    }
    bool put(Json value) {
        place(std::move(value));
        return true;
    }

    bool short_enough(const std::string& text) {
        if (text.size() <= limits_.max_string_bytes) return true;
        return refuse("too_long", here(), "a text is longer than " + std::to_string(limits_.max_string_bytes) +
                                               " bytes: " + quote_value(Json(text)));
    }
    /// The pointer of the value being read now.
    std::string here() const { return pointer(stack_.size()); }
    /// The pointer through the first `levels` open containers.
    std::string pointer(size_t levels) const {
        std::string path = root_;
        for (size_t i = 0; i < levels && i < stack_.size(); ++i) {
            const Open& open = stack_[i];
            path = open.object ? pointer_join(path, open.key) : pointer_join(path, open.items > 0 ? open.items - 1 : 0);
        }
        return path;
    }
    bool refuse(const char* code, const std::string& at, const std::string& message) {
        issues_.add(code, at, message);
        refused_ = true;
        return false;
    }

    const InputLimits& limits_;
    IssueList& issues_;
    std::string root_;
    std::vector<Open> stack_;
    bool refused_ = false;
    Json& root_value_;
    std::vector<Json*> containers_;  // the open arrays and objects being built, innermost last
};

}  // namespace

Json parse_limited(const std::string& text, const InputLimits& limits, IssueList& issues, const std::string& path) {
    if (text.size() > limits.max_bytes) {
        issues.add("too_large", path, "the input has more than " + std::to_string(limits.max_bytes) +
                                          " bytes, the most that is read");
        return Json(Json::value_t::discarded);
    }
    const size_t before = issues.items().size();
    Json result;
    LimitChecker checker(limits, issues, path, result);
    std::optional<std::string> thrown;
    const bool passed = catching([&] { return Json::sax_parse(text, &checker); },
                                 [&](const char* what) {
                                     thrown = what;
                                     return false;
                                 });
    if (thrown) {
        issues.add("json_syntax", path, "not valid JSON: " + quote_value(*thrown, 200));
        return Json(Json::value_t::discarded);
    }
    if (!passed || issues.items().size() > before) return Json(Json::value_t::discarded);
    return result;
}

}  // namespace carecheck
