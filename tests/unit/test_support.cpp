#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace carecheck::test {

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::vector<RuleFile> data_files(const std::string& folder, const std::vector<std::string>& names) {
    const std::string dir = std::string(CARECHECK_TEST_DATA) + "/" + folder + "/";
    std::vector<RuleFile> files;
    for (const std::string& name : names)
        files.push_back(RuleFile{name, read_text_file(dir + name)});
    return files;
}

Service service_for(const std::vector<RuleFile>& files) {
    Service service;
    const std::string loaded = service.load(files);
    EXPECT_EQ(loaded.rfind("{\"ok\":true", 0), 0u) << loaded;
    return service;
}

std::vector<RuleFile> example_files() {
    return data_files("example", {"facts.json", "example.pack.json"});
}

Service example_service() {
    return service_for(example_files());
}

Service pin_service() {
    return service_for(data_files("pin", {"facts.json", "pin.pack.json"}));
}

std::vector<RuleFile> rule_files() {
    std::vector<RuleFile> files;
    for (const auto& entry : std::filesystem::directory_iterator(CARECHECK_RULES_DIR)) {
        const std::string name = entry.path().filename().string();
        if (entry.path().extension() != ".json" || name.find(".cases.") != std::string::npos) continue;
        files.push_back(RuleFile{"rules/" + name, read_text_file(entry.path().string())});
    }
    std::sort(files.begin(), files.end(), [](const RuleFile& a, const RuleFile& b) { return a.name < b.name; });
    return files;
}

std::vector<std::string> case_households() {
    std::vector<std::string> households;
    for (const auto& entry : std::filesystem::directory_iterator(CARECHECK_RULES_DIR)) {
        if (entry.path().filename().string().find(".cases.json") == std::string::npos) continue;
        const Json cases = Json::parse(read_text_file(entry.path().string()));
        for (const Json& c : cases.at("cases")) households.push_back(c.at("household").dump());
    }
    return households;
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
