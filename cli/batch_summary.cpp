#include "batch_summary.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace carecheck {

namespace {

std::string zh_of(const Json& object, const char* key) {
    const Json text = object.value(key, Json::object());
    return text.is_object() ? text.value("zh", std::string()) : std::string();
}

/// The string value that starts right after `key` (e.g. `"status":"`) at or after `from`;
/// `from` moves past it. Ids and status names never contain escaped quotes.
bool read_after(const std::string& text, const char* key, size_t& from, std::string& value) {
    const size_t at = text.find(key, from);
    if (at == std::string::npos)
        return false;
    const size_t start = at + std::char_traits<char>::length(key);
    const size_t end = text.find('"', start);
    if (end == std::string::npos)
        return false;
    value.assign(text, start, end - start);
    from = end + 1;
    return true;
}

}  // namespace

BatchSummary::BatchSummary(const Json& describe) {
    for (const Json& pack : describe.value("packs", Json::array())) {
        const std::string pack_id = pack.value("id", std::string());
        pack_titles_[pack_id] = zh_of(pack, "title");
        for (const Json& program : pack.value("programs", Json::array())) {
            const std::string id = program.value("id", std::string());
            index_[{pack_id, id}] = programs_.size();
            programs_.push_back(
                    Program{pack_id, id, zh_of(program, "name"), program.contains("for_each"), {}});
        }
    }
}

void BatchSummary::add(const std::string& pack, const std::string& program, bool member,
                       const std::string& status) {
    auto found = index_.find({pack, program});
    if (found == index_.end()) {  // not in describe(): still counted, never dropped
        found = index_.emplace(std::make_pair(pack, program), programs_.size()).first;
        programs_.push_back(Program{pack, program, "", member, {}});
    }
    const auto s = std::find_if(kStatuses.begin(), kStatuses.end(),
                                [&](const char* name) { return status == name; });
    if (s != kStatuses.end())
        ++programs_[found->second].counts[static_cast<size_t>(s - kStatuses.begin())];
}

void BatchSummary::add_screen(const std::string& screen_json) {
    // The screen line has a fixed shape, {"pack":…,"program":…,("member":…,)"status":…}; scanning
    // it costs far less than parsing it, and `{"pack":"` cannot occur inside a JSON string.
    size_t at = 0;
    std::string pack, program, status;
    while (read_after(screen_json, "{\"pack\":\"", at, pack) &&
           read_after(screen_json, "\"program\":\"", at, program)) {
        const bool member = screen_json.compare(at, 10, ",\"member\":") == 0;
        if (!read_after(screen_json, ",\"status\":\"", at, status))
            return;
        add(pack, program, member, status);
    }
}

void BatchSummary::add_check(const std::string& check_json) {
    const Json result = Json::parse(check_json, nullptr, false);
    if (!result.is_object())
        return;
    for (const Json& pack : result.value("packs", Json::array())) {
        for (const Json& program : pack.value("programs", Json::array())) {
            add(pack.value("id", std::string()), program.value("id", std::string()),
                program.contains("member"), program.value("status", std::string()));
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
