#include "csv_mapping.h"

#include <algorithm>

#include "carecheck/json_read.h"

namespace carecheck {

namespace {

constexpr const char* kDoc = "docs/batch.md";

/// The pseudo-fact the "as_of" column is read as.
const FieldCatalogue::Fact kAsOfFact{"as_of", false, "date", {}};

/// `text` quoted for a message. Cells are whatever bytes the file holds (a GBK export is not
/// UTF-8), so bytes that are not UTF-8 show as U+FFFD instead of making the dump throw.
std::string as_json_string(const std::string& text) {
    return Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// A cell the mapping cannot read. The cell is quoted cut to 80 characters (quote_value), and
/// `why` quotes no more of it: a 1 MiB cell would otherwise fill its row's error line many times.
CellIssue bad_cell(const std::string& path, const std::string& header, const std::string& reads_as,
                   const std::string& cell, size_t row, const std::string& why) {
    const std::string shown = quote_value(cell);
    return {"bad_cell", path, header, shown,
            "row " + std::to_string(row) + ", column " + as_json_string(header) + " (" + reads_as +
                    "): " + as_json_string(shown) + " " + why};
}

}  // namespace

const CellSource* ConvertedRow::source_of(const std::string& path) const {
    for (const CellSource& source : sources) {
        if (path == source.path || path.compare(0, source.path.size() + 1, source.path + "/") == 0)
            return &source;
    }
    return nullptr;
}

std::optional<CsvMapping> CsvMapping::load(const Json& doc, const std::string& file,
                                           const FieldCatalogue& catalogue, IssueList& issues) {
    const size_t before = issues.size();
    issues.set_file(file);
    if (!doc.is_object()) {
        issues.add("wrong_type", "", "a mapping is a JSON object (see docs/batch.md)");
        return std::nullopt;
    }
    check_keys(doc, "", {"format", "id", "as_of", "columns", "household", "parameters", "members"},
               issues, kDoc);
    CsvMapping mapping;
    mapping.file_ = file;
    mapping.catalogue_ = &catalogue;
    mapping.roles_ = catalogue.roles;
    if (doc.contains("id"))
        mapping.id_ = mapping.read_column(doc["id"], "/id", issues);
    if (doc.contains("as_of")) {
        const Json& as_of = doc["as_of"];
        check_keys(as_of, "/as_of", {"column", "value"}, issues, kDoc);
        if (!as_of.is_object() || as_of.size() != 1) {
            issues.add("wrong_type", "/as_of",
                       "\"as_of\" is {\"column\": header} or {\"value\": \"YYYY-MM-DD\"}");
        } else if (as_of.contains("column")) {
            mapping.as_of_column_ = mapping.read_column(as_of["column"], "/as_of/column", issues);
        } else if (as_of.contains("value")) {
            std::string why;
            const auto date = as_of["value"].is_string()
                                      ? convert_cell(as_of["value"].get<std::string>(), kAsOfFact,
                                                     nullptr, why)
                                      : std::nullopt;
            if (date) {
                mapping.as_of_ = date->get<std::string>();
            } else {
                issues.add("bad_value", "/as_of/value",
                           "\"as_of\" value " + as_of["value"].dump() + " is not a date");
            }
        }
    }
    if (doc.contains("columns")) {
        const Json& columns = doc["columns"];
        if (!columns.is_array() || !std::all_of(columns.begin(), columns.end(),
                                                [](const Json& c) { return c.is_string(); })) {
            issues.add("wrong_type", "/columns",
                       "\"columns\" is a list of header names, in the order of the fields");
        } else {
            for (const Json& c : columns)
                mapping.columns_.push_back(c.get<std::string>());
        }
    }
    if (doc.contains("household")) {
        mapping.read_facts(doc["household"], "/household", false, issues, mapping.household_);
    }
    if (doc.contains("parameters"))
        mapping.read_parameters(doc["parameters"], issues);
    if (doc.contains("members")) {
        const Json& members = doc["members"];
        if (!members.is_array()) {
            issues.add("wrong_type", "/members",
                       "\"members\" is a list of {\"id\", \"roles\", \"facts\"}");
        } else {
            for (size_t i = 0; i < members.size(); ++i)
                mapping.read_member(members[i], pointer_join("/members", i), issues);
        }
    }
    for (size_t i = 0; i < mapping.members_.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (mapping.members_[i].id == mapping.members_[j].id) {
                issues.add(
                        "duplicate_member", pointer_join(pointer_join("/members", i), "id"),
                        "member id " + as_json_string(mapping.members_[i].id) + " is used twice");
            }
        }
    }
    mapping.catalogue_ = nullptr;  // only needed while loading; the caller may let it go
    if (issues.size() != before)
        return std::nullopt;
    return mapping;
}

std::optional<CsvMapping::Column> CsvMapping::read_column(const Json& value,
                                                          const std::string& pointer,
                                                          IssueList& issues) {
    if (!value.is_string() || trim_cell(value.get<std::string>()).empty()) {
        issues.add("wrong_type", pointer,
                   "a column is named by its header text (a non-empty string)");
        return std::nullopt;
    }
    return Column{trim_cell(value.get<std::string>()), pointer, 0};
}

ValueTable CsvMapping::read_values(const Json& object, const std::string& pointer,
                                   IssueList& issues) {
    ValueTable table;
    if (!object.is_object()) {
        issues.add("wrong_type", pointer, "a value table is an object of cell text → answer");
        return table;
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        table[trim_cell(it.key())] = it.value();
    return table;
}

void CsvMapping::read_facts(const Json& object, const std::string& pointer, bool member,
                            IssueList& issues, std::vector<FactColumn>& out) {
    if (!object.is_object()) {
        issues.add("wrong_type", pointer, "facts are an object of column header → fact id");
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string at = pointer_join(pointer, it.key());
        const Json& entry = it.value();
        const Json* fact_id = &entry;
        if (entry.is_object()) {
            check_keys(entry, at, {"fact", "values"}, issues, kDoc);
            fact_id = entry.contains("fact") ? &entry["fact"] : nullptr;
        }
        if (!fact_id || !fact_id->is_string()) {
            issues.add("wrong_type", at,
                       "a column maps to a fact id, or to {\"fact\": id, \"values\": {…}}");
            continue;
        }
        const std::string id = fact_id->get<std::string>();
        const std::string fact_at = entry.is_object() ? pointer_join(at, "fact") : at;
        const FieldCatalogue::Fact* fact = catalogue_->fact(id);
        if (!fact) {
            issues.add("unknown_fact", fact_at,
                       "column " + as_json_string(it.key()) + " maps to " + as_json_string(id) +
                               ", which is not a fact of the loaded rules");
            continue;
        }
        if (fact->member != member) {
            issues.add("wrong_subject", fact_at,
                       as_json_string(id) + " is a fact about " +
                               (fact->member ? "each member" : "the household") +
                               "; map it under " +
                               (fact->member ? "a member's \"facts\"" : "\"household\""));
            continue;
        }
        auto column = read_column(Json(it.key()), at, issues);
        if (!column)
            continue;
        FactColumn mapped{*column, *fact, {}};
        if (entry.is_object() && entry.contains("values")) {
            const std::string values_at = pointer_join(at, "values");
            mapped.values = read_values(entry["values"], values_at, issues);
            // Every code in the table must itself read as an answer, so a typo fails now, not per
            // row.
            for (const auto& [code, answer] : mapped.values) {
                std::string why;
                if (!convert_cell(code, mapped.fact, &mapped.values, why)) {
                    issues.add("bad_value", pointer_join(values_at, code),
                               as_json_string(code) + " → " + answer.dump() + ": the answer " +
                                       why + " for " + as_json_string(id));
                }
            }
        }
        out.push_back(std::move(mapped));
    }
}

void CsvMapping::read_parameters(const Json& object, IssueList& issues) {
    if (!object.is_object()) {
        issues.add("wrong_type", "/parameters",
                   "\"parameters\" is an object of column header → parameter id");
        return;
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string at = pointer_join("/parameters", it.key());
        if (!it.value().is_string()) {
            issues.add("wrong_type", at, "a column maps to a parameter id (a string)");
            continue;
        }
        const std::string id = it.value().get<std::string>();
        // The same test the engine applies to a household's "parameters", made when the mapping
        // loads so a typo stops the run instead of failing every row.
        if (!catalogue_->has_parameter(id)) {
            issues.add("unknown_parameter", at,
                       "column " + as_json_string(it.key()) + " maps to " + as_json_string(id) +
                               ", which is not a parameter of the loaded rules");
            continue;
        }
        if (auto column = read_column(Json(it.key()), at, issues))
            parameters_.push_back({*column, {id, false, "number", {}}, {}});
    }
}

void CsvMapping::read_member(const Json& object, const std::string& pointer, IssueList& issues) {
    if (!object.is_object()) {
        issues.add("wrong_type", pointer,
                   "a member is {\"id\", \"roles\", \"roles_column\", \"facts\"}");
        return;
    }
    check_keys(object, pointer, {"id", "roles", "roles_column", "role_values", "optional", "facts"},
               issues, kDoc);
    MemberMap member;
    member.id = read_string(object, "id", pointer, issues, true).value_or("");
    if (object.contains("role_values")) {
        member.role_values =
                read_values(object["role_values"], pointer_join(pointer, "role_values"), issues);
    }
    if (object.contains("roles")) {
        const Json& roles = object["roles"];
        const std::string at = pointer_join(pointer, "roles");
        if (!roles.is_array())
            issues.add("wrong_type", at, "\"roles\" is a list of role ids");
        for (size_t i = 0; roles.is_array() && i < roles.size(); ++i) {
            std::string why;
            const auto ids = roles[i].is_string() ? convert_roles(roles[i].get<std::string>(),
                                                                  roles_, nullptr, why)
                                                  : std::nullopt;
            if (!ids) {
                issues.add("unknown_role", pointer_join(at, i),
                           roles[i].dump() + " is not a role of the loaded rules");
                continue;
            }
            member.roles.insert(member.roles.end(), ids->begin(), ids->end());
        }
    }
    if (object.contains("roles_column")) {
        member.roles_column =
                read_column(object["roles_column"], pointer_join(pointer, "roles_column"), issues);
    }
    if (object.contains("optional")) {
        if (!object["optional"].is_boolean()) {
            issues.add("wrong_type", pointer_join(pointer, "optional"),
                       "\"optional\" is true or false");
        } else {
            member.optional = object["optional"].get<bool>();
        }
    }
    if (object.contains("facts"))
        read_facts(object["facts"], pointer_join(pointer, "facts"), true, issues, member.facts);
    members_.push_back(std::move(member));
}

std::vector<CsvMapping::Column*> CsvMapping::all_columns() {
    std::vector<Column*> columns;
    if (id_)
        columns.push_back(&*id_);
    if (as_of_column_)
        columns.push_back(&*as_of_column_);
    for (FactColumn& f : household_)
        columns.push_back(&f.column);
    for (FactColumn& p : parameters_)
        columns.push_back(&p.column);
    for (MemberMap& m : members_) {
        if (m.roles_column)
            columns.push_back(&*m.roles_column);
        for (FactColumn& f : m.facts)
            columns.push_back(&f.column);
    }
    return columns;
}

bool CsvMapping::bind(const std::vector<std::string>& header, IssueList& issues) {
    const size_t before = issues.size();
    issues.set_file(file_);
    std::vector<std::string> names;
    for (const std::string& name : header)
        names.push_back(trim_cell(name));
    for (Column* column : all_columns()) {
        const auto found = std::find(names.begin(), names.end(), column->header);
        if (found == names.end()) {
            issues.add(
                    "missing_column", column->pointer,
                    "column " + as_json_string(column->header) + " is not in the CSV header row");
        } else if (std::find(found + 1, names.end(), column->header) != names.end()) {
            issues.add("duplicate_column", column->pointer,
                       "the CSV header has column " + as_json_string(column->header) +
                               " more than once");
        } else {
            column->index = static_cast<size_t>(found - names.begin());
        }
    }
    width_ = header.size();
    return issues.size() == before;
}

void CsvMapping::convert_facts(const std::vector<FactColumn>& columns,
                               const std::vector<std::string>& fields, const std::string& base,
                               size_t row, ConvertedRow& out, Json& facts) const {
    for (const FactColumn& mapped : columns) {
        const std::string cell = trim_cell(fields[mapped.column.index]);
        if (cell.empty())
            continue;  // not known: the fact stays unanswered
        std::string why;
        auto value = convert_cell(cell, mapped.fact,
                                  mapped.values.empty() ? nullptr : &mapped.values, why);
        if (!value) {
            out.issues.push_back(bad_cell(pointer_join(base, mapped.fact.id), mapped.column.header,
                                          mapped.fact.id, cell, row, why));
            continue;
        }
        facts[mapped.fact.id] = std::move(*value);
        if (out.keep_sources)
            out.sources.push_back({pointer_join(base, mapped.fact.id), mapped.column.header, cell});
    }
}

ConvertedRow CsvMapping::convert(const std::vector<std::string>& fields, size_t row,
                                 bool keep_sources) const {
    ConvertedRow out;
    out.keep_sources = keep_sources;
    if (id_ && id_->index < fields.size())
        out.id = trim_cell(fields[id_->index]);
    if (fields.size() != width_) {
        out.issues.push_back({"wrong_field_count", "", "", "",
                              "row " + std::to_string(row) + " has " +
                                      std::to_string(fields.size()) + " fields, the header has " +
                                      std::to_string(width_)});
        return out;
    }
    out.household = Json{{"facts", Json::object()}, {"members", Json::array()}};
    if (!as_of_.empty())
        out.household["as_of"] = as_of_;
    if (as_of_column_) {
        const std::vector<FactColumn> as_of{{*as_of_column_, kAsOfFact, {}}};
        Json holder = Json::object();
        convert_facts(as_of, fields, "", row, out, holder);
        if (holder.contains("as_of"))
            out.household["as_of"] = holder["as_of"];
    }
    convert_facts(household_, fields, "/facts", row, out, out.household["facts"]);
    if (!parameters_.empty()) {
        out.household["parameters"] = Json::object();
        convert_facts(parameters_, fields, "/parameters", row, out, out.household["parameters"]);
    }
    for (const MemberMap& member : members_) {
        const bool empty =
                std::all_of(member.facts.begin(), member.facts.end(),
                            [&](const FactColumn& f) {
                                return trim_cell(fields[f.column.index]).empty();
                            }) &&
                (!member.roles_column || trim_cell(fields[member.roles_column->index]).empty());
        if (member.optional && empty)
            continue;
        const std::string base = pointer_join("/members", out.household["members"].size());
        Json entry{{"id", member.id}, {"roles", member.roles}, {"facts", Json::object()}};
        if (member.roles_column) {
            const std::string cell = trim_cell(fields[member.roles_column->index]);
            std::string why;
            const ValueTable* table = member.role_values.empty() ? nullptr : &member.role_values;
            const auto roles =
                    cell.empty()
                            ? std::optional<std::vector<std::string>>(std::vector<std::string>())
                            : convert_roles(cell, roles_, table, why);
            if (!roles) {
                out.issues.push_back(bad_cell(pointer_join(base, "roles"),
                                              member.roles_column->header, "roles", cell, row,
                                              why));
            } else {
                for (const std::string& role : *roles) {
                    if (std::find(member.roles.begin(), member.roles.end(), role) ==
                        member.roles.end()) {
                        entry["roles"].push_back(role);
                    }
                }
                if (!cell.empty() && out.keep_sources)
                    out.sources.push_back(
                            {pointer_join(base, "roles"), member.roles_column->header, cell});
            }
        }
        convert_facts(member.facts, fields, pointer_join(base, "facts"), row, out, entry["facts"]);
        out.household["members"].push_back(std::move(entry));
    }
    return out;
}

}  // namespace carecheck
