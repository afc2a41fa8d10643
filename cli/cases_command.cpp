#include <ostream>

#include "carecheck/cases.h"
#include "commands.h"
#include "carecheck/loader.h"
#include "rule_files.h"

namespace carecheck::cli {

int run_cases(const std::vector<std::string>& paths, std::ostream& out) {
    IssueList issues;
    const std::vector<RuleFile> files = read_rule_files(paths, issues);
    LoadResult loaded = load_ruleset(files);
    if (!issues.empty() || !loaded.ruleset) {
        for (const Issue& issue : loaded.issues) out << issue.file << "#" << issue.path << ": " << issue.message << "\n";
        for (const Issue& issue : issues.items()) out << issue.message << "\n";
        return kInvalid;
    }
    size_t passed = 0, failed = 0, gaps_total = 0;
    for (const std::string& name : find_case_files(paths)) {
        std::string text;
        if (!read_file(name, text)) {
            out << name << ": cannot read\n";
            ++failed;
            continue;
        }
        IssueList case_issues(name);
        const CaseFile file = read_case_file(text, case_issues);
        const Pack* pack = find_pack(*loaded.ruleset, file.pack);
        if (!case_issues.empty() || !pack) {
            for (const Issue& issue : case_issues.items()) out << name << "#" << issue.path << ": " << issue.message << "\n";
            if (!pack) out << name << ": no pack \"" << file.pack << "\" is loaded\n";
            ++failed;
            continue;
        }
        Coverage coverage;
        for (const Case& c : file.cases) {
            const std::vector<std::string> failures = run_case(*loaded.ruleset, *pack, c, &coverage);
            if (failures.empty()) {
                ++passed;
                continue;
            }
            ++failed;
            out << "FAIL " << pack->id << "/" << c.id << " (" << c.clause << ")\n";
            for (const std::string& failure : failures) out << "  " << failure << "\n";
        }
        const std::vector<std::string> gaps = coverage_gaps(*pack, coverage);
        gaps_total += gaps.size();
        out << pack->id << ": " << file.cases.size() << " cases, " << pack->nodes.size() << " conditions, "
            << gaps.size() << " not exercised both ways\n";
        for (const std::string& gap : gaps) out << "  coverage " << gap << "\n";
    }
    out << passed << " passed, " << failed << " failed\n";
    return failed == 0 && gaps_total == 0 ? kOk : kInvalid;
}

}  // namespace carecheck::cli
