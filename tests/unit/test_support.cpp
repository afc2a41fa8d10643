#include "test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace carecheck::test {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<RuleFile> example_files() {
    const std::string dir = std::string(CARECHECK_TEST_DATA) + "/example/";
    return {RuleFile{"facts.json", read_text_file(dir + "facts.json")},
            RuleFile{"example.pack.json", read_text_file(dir + "example.pack.json")}};
}

Service example_service() {
    Service service;
    const std::string loaded = service.load(example_files());
    EXPECT_EQ(loaded.rfind("{\"ok\":true", 0), 0u) << loaded;
    return service;
}

Json parse(const std::string& text) { return Json::parse(text); }

Json program_result(const Json& result, const std::string& program, const std::string& member) {
    for (const Json& pack : result.at("packs")) {
        for (const Json& entry : pack.at("programs")) {
            if (entry.at("id") != program) continue;
            if (!member.empty() && entry.value("member", "") != member) continue;
            return entry;
        }
    }
    ADD_FAILURE() << "no result for " << program << " " << member;
    return Json::object();
}

Json household(const Json& facts, const Json& members) {
    // `{member}` with one element brace-initialises to that element, not a one-item array.
    const Json list = members.is_array() ? members : Json::array({members});
    return Json{{"as_of", "2026-11-23"}, {"facts", facts.is_null() ? Json::object() : facts}, {"members", list}};
}

}  // namespace carecheck::test
