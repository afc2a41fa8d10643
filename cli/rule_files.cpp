#include "rule_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace carecheck::cli {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<std::string> json_files_in(const std::string& folder) {
    std::vector<std::string> out;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());  // stable order: the same errors in the same order every run
    return out;
}

}  // namespace

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return !in.bad();
}

std::string parent_dir(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

std::vector<RuleFile> read_rule_files(const std::vector<std::string>& paths, IssueList& issues) {
    std::vector<RuleFile> files;
    for (const std::string& path : paths) {
        std::vector<std::string> names;
        if (fs::is_directory(path)) {
            for (const std::string& name : json_files_in(path)) {
                if (!ends_with(name, ".cases.json") && fs::path(name).filename() != "index.json") names.push_back(name);
            }
        } else {
            names.push_back(path);
        }
        for (const std::string& name : names) {
            RuleFile file{name, ""};
            if (!read_file(name, file.text)) {
                issues.add("io_error", "", "cannot read " + name);
                continue;
            }
            files.push_back(std::move(file));
        }
    }
    return files;
}

std::vector<std::string> find_case_files(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const std::string& path : paths) {
        if (fs::is_directory(path)) {
            for (const std::string& name : json_files_in(path)) {
                if (ends_with(name, ".cases.json")) out.push_back(name);
            }
        } else if (ends_with(path, ".cases.json")) {
            out.push_back(path);
        }
    }
    return out;
}

}  // namespace carecheck::cli
