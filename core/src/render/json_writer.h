// A small append-only JSON writer for the documents written per household (screening lines),
// where building a JSON tree first cost more than the evaluation itself. Its output is byte for
// byte what nlohmann::json::dump() writes for the same values (tests compare the two).
#pragma once

#include <string>

#include "carecheck/text.h"

namespace carecheck {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    JsonWriter& raw(const char* text) {
        out_ += text;
        return *this;
    }
    JsonWriter& raw(const std::string& text) {
        out_ += text;
        return *this;
    }
    /// `"key":` (the key is written as given: keys are the engine's own ASCII names).
    JsonWriter& key(const char* name) {
        out_ += '"';
        out_ += name;
        out_ += "\":";
        return *this;
    }
    JsonWriter& string(const std::string& text);
    JsonWriter& number(double value);
    JsonWriter& integer(long long value) {
        out_ += std::to_string(value);
        return *this;
    }
    JsonWriter& boolean(bool value) {
        out_ += value ? "true" : "false";
        return *this;
    }
    /// {"zh":…,"en":…} and {"clause":…,"quote":…}, as to_json() makes them.
    JsonWriter& text(const Text& text) {
        raw("{\"zh\":").string(text.zh).raw(",\"en\":").string(text.en);
        return raw("}");
    }
    JsonWriter& cite(const Cite& cite) {
        raw("{\"clause\":").string(cite.clause).raw(",\"quote\":").string(cite.quote);
        return raw("}");
    }
    /// Any JSON value, through nlohmann (for the few values kept as JSON).
    JsonWriter& json(const OrderedJson& value) {
        out_ += value.dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
        return *this;
    }
    JsonWriter& null() {
        out_ += "null";
        return *this;
    }

private:
    std::string& out_;
};

}  // namespace carecheck
