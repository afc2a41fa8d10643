// carecheck::BatchSummary — what a batch run found, counted per pack, program and status.
//
// Every screened household adds exactly one status to each household program, and each member
// a program is evaluated for adds one to that per-member program, so a program's counts add up
// to the households (or members) it was evaluated for. Programs come from the rule set in rule
// order, so a program nobody qualified for still shows, with zeros. Counts are read from each
// household's Evaluation, never from the text written for it.
#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "carecheck/evaluation.h"

namespace carecheck {

class BatchSummary {
public:
    // "worth_asking" (related policies) is counted in a column of its own, never with "eligible".
    static constexpr std::array<const char*, 5> kStatuses = {
            "eligible", "depends_on_local_decision", "needs_answers", "not_eligible", "worth_asking"};

    explicit BatchSummary(const Ruleset& ruleset);

    /// Counts every outcome of one household: one status per program and subject.
    void add(const Evaluation& evaluation);
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
    std::vector<Program> programs_;             // every program of every pack, in rule order
    std::vector<size_t> first_program_;         // per pack: its first program's index in programs_
    std::map<std::string, std::string> pack_titles_;
    size_t screened_ = 0, errors_ = 0;
};

}  // namespace carecheck
