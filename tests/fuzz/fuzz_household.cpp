// Any bytes as a household against the real rule packs: check, questions and screen must
// answer with an envelope, never crash, hang or throw.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "carecheck/evaluation.h"
#include "carecheck/render.h"
#include "carecheck/service.h"
#include "household_fast.h"
#include "input_limits.h"

namespace {
carecheck::Service& service() {
    static carecheck::Service instance = [] {
        carecheck::Service s;
        std::vector<carecheck::RuleFile> files;
        for (const auto& entry : std::filesystem::directory_iterator(CARECHECK_RULES_DIR)) {
            const std::string name = entry.path().string();
            if (entry.path().extension() != ".json" || name.find(".cases.") != std::string::npos) continue;
            std::ifstream in(name, std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            files.push_back({name, text.str()});
        }
        if (s.load(files).rfind("{\"ok\":true", 0) != 0) __builtin_trap();
        return s;
    }();
    return instance;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    for (const std::string& out : {service().check(input, "2026-11-23"), service().questions(input, "2026-11-23"),
                                   service().screen(input, "2026-11-23"), service().validate_household(input)}) {
        if (out.rfind("{\"ok\":", 0) != 0) __builtin_trap();
        // "internal" is a caught exception: the wasm module has none to catch (core/src/catching.h).
        if (out.find("\"code\":\"internal\"") != std::string::npos) __builtin_trap();
    }
    // The fast reader accepts only what the checking reader accepts, and reads it the same.
    const carecheck::Ruleset& rules = *service().ruleset();
    if (const auto fast = carecheck::read_valid_household(input, rules, "2026-11-23")) {
        carecheck::IssueList issues;
        const carecheck::Json json = carecheck::parse_limited(input, carecheck::kHouseholdLimits, issues);
        std::optional<carecheck::Household> checked;
        if (issues.empty()) checked = carecheck::read_household(json, rules, "2026-11-23", issues);
        if (!checked) __builtin_trap();
        const carecheck::Renderer& render = *service().renderer();
        if (render.result(carecheck::evaluate(rules, *fast, carecheck::Trace::Record)) !=
            render.result(carecheck::evaluate(rules, *checked, carecheck::Trace::Record))) {
            __builtin_trap();
        }
    }
    return 0;
}
