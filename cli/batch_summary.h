// carecheck::BatchSummary — what a batch run found, counted per pack, program and status.
//
// Every screened household adds exactly one status to each household program, and each member
// a program is evaluated for adds one to that per-member program, so a program's counts add up
// to the households (or members) it was evaluated for. Programs come from describe() in rule
// order, so a program nobody qualified for still shows, with zeros.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "text.h"

namespace carecheck {

class BatchSummary {
public:
    // "worth_asking" (related policies) is counted in a column of its own, never with "eligible".
    static constexpr std::array<const char*, 5> kStatuses = {
            "eligible", "depends_on_local_decision", "needs_answers", "not_eligible", "worth_asking"};

    /// `describe` is Service::describe() output: the packs and programs, with their names.
    explicit BatchSummary(const Json& describe);

    /// Counts the results of one Service::screen() line ({"ok":true,"results":[…]}).
    void add_screen(const std::string& screen_json);
    /// Counts the results of one Service::check() result ({"ok":true,"packs":[…]}).
    void add_check(const std::string& check_json);
    /// Counts one input line or row; `ok` false for an error row.
    void add_row(bool ok) { ok ? ++screened_ : ++errors_; }

    size_t rows() const { return screened_ + errors_; }
    size_t screened() const { return screened_; }
    size_t errors() const { return errors_; }

    /// {"unit","rows","screened","errors","complete","encoding","packs":[{"pack","title",
    /// "programs":[{"program","name","per","eligible",…,"total"}]}]}; `unit` is "lines" or "rows"
    /// (what the input counts); `complete` false when the run was stopped before the end of the
    /// input; `encoding` what the input was read as ("UTF-8", "GB18030", …).
    OrderedJson to_json(const std::string& unit, bool complete = true,
                        const std::string& encoding = "UTF-8") const;
    /// The same counts as a table for people, one block per pack.
    void write_table(std::ostream& out) const;

private:
    struct Program {
        std::string pack, id, name;
        bool per_member = false;
        std::array<size_t, kStatuses.size()> counts{};
        size_t total() const {
            size_t sum = 0;
            for (size_t n : counts) sum += n;
            return sum;
        }
    };
    void add(const std::string& pack, const std::string& program, bool member,
             const std::string& status);

    std::vector<Program> programs_;
    std::map<std::string, std::string> pack_titles_;
    std::map<std::pair<std::string, std::string>, size_t> index_;
    size_t screened_ = 0, errors_ = 0;
};

}  // namespace carecheck
