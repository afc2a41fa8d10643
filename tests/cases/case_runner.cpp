// Registers one GoogleTest per case in every *.cases.json under rules/ (and the example
// pack's cases), named Pack.CaseId; plus, per pack, "every condition seen true and false"
// and "every quote occurs in the source document".
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "carecheck/cases.h"
#include "carecheck/loader.h"
#include "unit/test_support.h"

namespace carecheck {
namespace {

namespace fs = std::filesystem;

struct LoadedRules {
    std::string dir;
    LoadResult result;
    std::vector<std::pair<const Pack*, std::shared_ptr<CaseFile>>> case_files;
};

std::vector<std::string> sorted_json(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".json") names.push_back(entry.path().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

bool is_cases(const std::string& name) { return name.size() > 11 && name.compare(name.size() - 11, 11, ".cases.json") == 0; }

std::shared_ptr<LoadedRules> load_dir(const std::string& dir) {
    auto rules = std::make_shared<LoadedRules>();
    rules->dir = dir;
    std::vector<RuleFile> files;
    for (const std::string& name : sorted_json(dir)) {
        if (!is_cases(name)) files.push_back(RuleFile{name, test::read_text_file(name)});
    }
    rules->result = load_ruleset(files);
    return rules;
}

std::string test_name(std::string id) {
    for (char& c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return id;
}

class CaseTest : public ::testing::Test {
public:
    CaseTest(std::shared_ptr<LoadedRules> rules, const Pack* pack, std::shared_ptr<CaseFile> file, size_t index)
        : rules_(std::move(rules)), pack_(pack), file_(std::move(file)), index_(index) {}
    void TestBody() override {
        const Case& c = file_->cases[index_];
        for (const std::string& failure : run_case(*rules_->result.ruleset, *pack_, c, nullptr)) {
            ADD_FAILURE() << c.clause << " — " << c.description << "\n  " << failure;
        }
    }

private:
    std::shared_ptr<LoadedRules> rules_;
    const Pack* pack_;
    std::shared_ptr<CaseFile> file_;
    size_t index_;
};

class CoverageTest : public ::testing::Test {
public:
    CoverageTest(std::shared_ptr<LoadedRules> rules, const Pack* pack, std::shared_ptr<CaseFile> file)
        : rules_(std::move(rules)), pack_(pack), file_(std::move(file)) {}
    void TestBody() override {
        Coverage coverage;
        for (const Case& c : file_->cases) run_case(*rules_->result.ruleset, *pack_, c, &coverage);
        for (const std::string& gap : coverage_gaps(*pack_, coverage)) ADD_FAILURE() << "condition " << gap;
    }

private:
    std::shared_ptr<LoadedRules> rules_;
    const Pack* pack_;
    std::shared_ptr<CaseFile> file_;
};

void register_dir(const std::string& dir) {
    auto rules = load_dir(dir);
    const std::string where = dir;
    if (!rules->result.ruleset) {
        std::string message;
        for (const Issue& issue : rules->result.issues) message += issue.file + "#" + issue.path + ": " + issue.message + "\n";
        ::testing::RegisterTest("RuleSet", test_name(dir).c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                [message]() -> ::testing::Test* {
                                    struct Failing : ::testing::Test {
                                        std::string m;
                                        explicit Failing(std::string s) : m(std::move(s)) {}
                                        void TestBody() override { ADD_FAILURE() << "rules do not load:\n" << m; }
                                    };
                                    return new Failing(message);
                                });
        return;
    }
    for (const Pack& pack : rules->result.ruleset->packs) {
        const Pack* p = &pack;
        ::testing::RegisterTest(test_name(pack.id).c_str(), "EveryQuoteOccursInTheSource", nullptr, nullptr, __FILE__,
                                __LINE__, [rules, p]() -> ::testing::Test* {
                                    struct Quotes : ::testing::Test {
                                        std::shared_ptr<LoadedRules> r;
                                        const Pack* pack;
                                        Quotes(std::shared_ptr<LoadedRules> rr, const Pack* pp) : r(std::move(rr)), pack(pp) {}
                                        void TestBody() override {
                                            const std::string source = r->dir + "/" + pack->meta.value("source", "");
                                            ASSERT_TRUE(fs::exists(source)) << source;
                                            for (const Issue& issue : check_quotes(*pack, test::read_text_file(source))) {
                                                ADD_FAILURE() << issue.path << ": " << issue.message;
                                            }
                                        }
                                    };
                                    return new Quotes(rules, p);
                                });
    }
    for (const std::string& name : sorted_json(dir)) {
        if (!is_cases(name)) continue;
        IssueList issues(name);
        auto file = std::make_shared<CaseFile>(read_case_file(test::read_text_file(name), issues));
        const Pack* pack = find_pack(*rules->result.ruleset, file->pack);
        if (!issues.empty() || !pack) {
            const std::string message = issues.empty() ? "no pack " + file->pack : issues.items().front().path + ": " + issues.items().front().message;
            ::testing::RegisterTest("CaseFile", test_name(name).c_str(), nullptr, nullptr, __FILE__, __LINE__,
                                    [message]() -> ::testing::Test* {
                                        struct Failing : ::testing::Test {
                                            std::string m;
                                            explicit Failing(std::string s) : m(std::move(s)) {}
                                            void TestBody() override { ADD_FAILURE() << m; }
                                        };
                                        return new Failing(message);
                                    });
            continue;
        }
        const std::string suite = test_name(pack->id);
        for (size_t i = 0; i < file->cases.size(); ++i) {
            ::testing::RegisterTest(suite.c_str(), test_name(file->cases[i].id).c_str(), nullptr,
                                    file->cases[i].clause.c_str(), __FILE__, __LINE__,
                                    [rules, pack, file, i]() -> ::testing::Test* { return new CaseTest(rules, pack, file, i); });
        }
        ::testing::RegisterTest(suite.c_str(), "EveryConditionSeenTrueAndFalse", nullptr, nullptr, __FILE__, __LINE__,
                                [rules, pack, file]() -> ::testing::Test* { return new CoverageTest(rules, pack, file); });
    }
}

}  // namespace
}  // namespace carecheck

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    carecheck::register_dir(CARECHECK_RULES_DIR);
    carecheck::register_dir(std::string(CARECHECK_TEST_DATA) + "/example");
    return RUN_ALL_TESTS();
}
