// A small append-only JSON writer for the documents written per household (screening lines),
// where building a JSON tree first cost more than the evaluation itself. Its output is byte for
// byte what nlohmann::json::dump() writes for the same values (tests compare the two).
#pragma once

#include <string>

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
    JsonWriter& null() {
        out_ += "null";
        return *this;
    }

private:
    std::string& out_;
};

}  // namespace carecheck
