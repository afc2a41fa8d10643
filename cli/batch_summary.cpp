#include "batch_summary.h"

#include <algorithm>
#include <cstring>
#include <iomanip>
#include <ostream>

namespace carecheck {

namespace {

/// Status → its column in kStatuses, worked out once from the statuses' names.
size_t column_of(Status status) {
    static const std::array<size_t, BatchSummary::kStatuses.size()> columns = [] {
        std::array<size_t, BatchSummary::kStatuses.size()> c{};
        for (size_t s = 0; s < c.size(); ++s) {
            for (size_t i = 0; i < c.size(); ++i) {
                if (std::strcmp(status_name(static_cast<Status>(s)), BatchSummary::kStatuses[i]) == 0)
                    c[s] = i;
            }
        }
        return c;
    }();
    return columns[static_cast<size_t>(status)];
}

}  // namespace

BatchSummary::BatchSummary(const Ruleset& ruleset) {
    for (const Pack& pack : ruleset.packs) {
        pack_titles_[pack.id] = pack.title.zh;
        first_program_.push_back(programs_.size());
        for (const carecheck::Program& program : pack.programs)
            programs_.push_back(Program{pack.id, program.id, program.name.zh, program.per_member, {}});
    }
}

void BatchSummary::add(const Evaluation& evaluation) {
    for (size_t p = 0; p < evaluation.packs.size(); ++p) {
        const PackEvaluation& pack = evaluation.packs[p];
        for (size_t i = 0; i < pack.listed; ++i) {
            const Outcome& o = pack.outcomes[i];
            ++programs_[first_program_[p] + o.program->index].counts[column_of(o.status)];
        }
    }
}

OrderedJson BatchSummary::to_json(const std::string& unit, bool complete,
                                  const std::string& encoding) const {
    OrderedJson packs = OrderedJson::array();
    for (const Program& p : programs_) {
        if (packs.empty() || packs.back()["pack"] != p.pack) {
            packs.push_back(OrderedJson{
                    {"pack", p.pack},
                    {"title", pack_titles_.count(p.pack) ? pack_titles_.at(p.pack) : ""},
                    {"programs", OrderedJson::array()}});
        }
        OrderedJson entry{{"program", p.id},
                          {"name", p.name},
                          {"per", p.per_member ? "member" : "household"}};
        for (size_t i = 0; i < kStatuses.size(); ++i)
            entry[kStatuses[i]] = p.counts[i];
        entry["total"] = p.total();
        packs.back()["programs"].push_back(std::move(entry));
    }
    return OrderedJson{{"unit", unit},      {unit, rows()},         {"screened", screened_},
                       {"errors", errors_}, {"complete", complete}, {"encoding", encoding},
                       {"packs", packs}};
}

void BatchSummary::write_table(std::ostream& out) const {
    size_t width = 7;
    for (const Program& p : programs_)
        width = std::max(width, p.id.size());
    const auto row = [&](const std::string& id, const std::string& per,
                         const std::array<std::string, BatchSummary::kStatuses.size()>& cells,
                         const std::string& name) {
        out << "  " << std::left << std::setw(static_cast<int>(width)) << id << "  " << std::setw(9)
            << per << std::right;
        for (const std::string& cell : cells)
            out << std::setw(16) << cell;
        out << "  " << name << '\n';
    };
    std::string pack;
    for (const Program& p : programs_) {
        if (p.pack != pack || &p == &programs_.front()) {
            pack = p.pack;
            out << "\n"
                << pack << "  " << (pack_titles_.count(pack) ? pack_titles_.at(pack) : "") << '\n';
            row("program", "counts",
                {"eligible", "local decision", "needs answers", "not eligible", "worth asking"}, "");
        }
        std::array<std::string, kStatuses.size()> cells;
        for (size_t i = 0; i < cells.size(); ++i)
            cells[i] = std::to_string(p.counts[i]);
        row(p.id, p.per_member ? "members" : "families", cells, p.name);
    }
}

}  // namespace carecheck
