// Bilingual text and citations: the two things every rule carries for people.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace carecheck {

// One JSON type for reading and writing: insertion-ordered, so what is read is echoed in the order
// it was written, and the wasm module carries one instantiation of nlohmann::basic_json, not two.
using Json = nlohmann::ordered_json;
using OrderedJson = nlohmann::ordered_json;

/// A sentence for people, zh-CN first, English second.
struct Text {
    std::string zh;
    std::string en;
    bool empty() const { return zh.empty() && en.empty(); }
};

/// Where a rule comes from: the clause number as printed and the quoted sentence.
struct Cite {
    std::string clause;
    std::string quote;
    bool empty() const { return clause.empty(); }
};

OrderedJson to_json(const Text& text);
OrderedJson to_json(const Cite& cite);

/// Copies a value into the insertion-ordered type used for output (no text round trip).
OrderedJson to_ordered(const Json& value);

/// Builds a Text from two pieces assembled at run time (the engine's own wordings).
Text make_text(std::string zh, std::string en);

/// Formats a number the way people read it: no trailing ".0", at most two decimals.
std::string format_number(double value);

}  // namespace carecheck
