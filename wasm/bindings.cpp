// Embind face of carecheck::Service for the web page and the Node tests.
//
// The boundary is JSON strings in, JSON strings out, exactly as the CLI prints them.
// No C++ exception may cross into JavaScript (it would arrive as a bare pointer): the module
// is built without exceptions (wasm/CMakeLists.txt), and every failure is the project's error
// envelope, made by carecheck::Service (or here, for a malformed file list).
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carecheck/service.h"

namespace {

// ordered_json keeps "ok" first, as the engine prints it.
using json = nlohmann::ordered_json;

/// The envelope every failed call returns: {"ok":false,"error":{code,message}}.
std::string error_envelope(const std::string& code, const std::string& message) {
    json out = {{"ok", false}, {"error", {{"code", code}, {"message", message}}}};
    // `replace` keeps a malformed UTF-8 message from throwing inside the error path.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// Reads the page's file list, [{"name": "...", "text": "..."}], into RuleFiles.
/// Returns false (with `problem` set) when the list itself is malformed.
bool parse_rule_files(const std::string& files_json, std::vector<carecheck::RuleFile>& files,
                      std::string& problem) {
    const json list = json::parse(files_json, nullptr, /*allow_exceptions=*/false);
    if (list.is_discarded() || !list.is_array()) {
        problem = "expected a JSON array of {\"name\", \"text\"} objects";
        return false;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& item = list[i];
        if (!item.is_object() || !item.contains("name") || !item["name"].is_string() ||
            !item.contains("text") || !item["text"].is_string()) {
            problem = "item " + std::to_string(i) + " needs string \"name\" and \"text\"";
            return false;
        }
        files.push_back({item["name"].get<std::string>(), item["text"].get<std::string>()});
    }
    return true;
}

/// The object JavaScript sees as `new Module.Carecheck()`.
class Carecheck {
public:
    std::string load(const std::string& files_json) {
        std::vector<carecheck::RuleFile> files;
        std::string problem;
        if (!parse_rule_files(files_json, files, problem)) {
            return error_envelope("bad_file_list", problem);
        }
        return service_.load(files);
    }

    std::string check(const std::string& household_json, const std::string& today) const {
        return service_.check(household_json, today);
    }

    std::string screen(const std::string& household_json, const std::string& today) const {
        return service_.screen(household_json, today);
    }

    std::string questions(const std::string& household_json, const std::string& today) const {
        return service_.questions(household_json, today);
    }

    std::string validate_household(const std::string& household_json) const {
        return service_.validate_household(household_json);
    }

    std::string describe() const {
        return service_.describe();
    }

private:
    carecheck::Service service_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(carecheck) {
    emscripten::class_<Carecheck>("Carecheck")
        .constructor<>()
        .function("load", &Carecheck::load)
        .function("check", &Carecheck::check)
        .function("screen", &Carecheck::screen)
        .function("questions", &Carecheck::questions)
        .function("validateHousehold", &Carecheck::validate_household)
        .function("describe", &Carecheck::describe);
}
