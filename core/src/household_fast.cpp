// Reading a valid household straight from its JSON text into slots, with no document built:
// a SAX handler over nlohmann's lexer. It accepts only what read_household() accepts, and gives
// up at the first thing it is not sure of (a syntax error, a limit, an unknown key, a wrong type,
// an out-of-range answer); the checking reader then runs and reports the problem exactly, with its
// pointer. Good households, nearly every call, pay for neither a JSON tree nor its walk.
#include "household_fast.h"

#include <cmath>

#include "carecheck/json_read.h"
#include "catching.h"
#include "input_limits.h"

namespace carecheck {

namespace {

class FastReader : public nlohmann::json_sax<Json> {
public:
    FastReader(const Ruleset& ruleset, Household& out) : ruleset_(ruleset), out_(out) {
        out_.facts.assign(ruleset.household_slots, Value());
    }

    bool valid_at_end() const { return where_ == Where::Done; }
    bool saw_as_of() const { return (root_keys_ & kAsOf) != 0; }

    bool null() override {
        if (where_ == Where::FactValue) return answer_null();
        return scalar_elsewhere();
    }
    bool boolean(bool value) override {
        if (where_ == Where::FactValue) {
            if (fact_->type != FactType::Bool) return false;
            return store(value ? 1 : 0);
        }
        return scalar_elsewhere();
    }
    bool number_integer(number_integer_t n) override {
        return number(static_cast<double>(n), Value::Written::Signed, static_cast<std::uint64_t>(n));
    }
    bool number_unsigned(number_unsigned_t n) override {
        return number(static_cast<double>(n), Value::Written::Unsigned, n);
    }
    bool number_float(number_float_t n, const string_t&) override {
        return std::isfinite(n) && number(n, Value::Written::Float, 0);
    }
    bool string(string_t& text) override {
        if (text.size() > kHouseholdLimits.max_string_bytes) return false;
        switch (where_) {
            case Where::RootValue:
                if (root_key_ != kAsOf) return root_key_ == kLang && done_value();
                if (auto date = parse_date(text)) {
                    out_.as_of = *date;
                    return done_value();
                }
                return false;
            case Where::FactValue: return answer_string(text);
            case Where::ManyOfItem: return many_of_item(text);
            case Where::MemberValue:
                if (member_key_ == kId) {
                    if (text.empty() || text.size() > kMaxMemberIdBytes) return false;
                    for (const Member& m : out_.members) {
                        if (m.id == text) return false;
                    }
                    member().id = std::move(text);
                    has_id_ = true;
                    where_ = Where::MemberKey;
                    return true;
                }
                if (member_key_ == kName) {
                    where_ = Where::MemberKey;
                    return true;
                }
                return false;
            case Where::RoleItem: {
                const int role = ruleset_.role_index(text);
                if (role < 0 || ++items_ > kHouseholdLimits.max_array_items) return false;
                member().roles |= std::uint64_t{1} << role;
                return true;
            }
            default: return false;
        }
    }
    bool binary(binary_t&) override { return false; }

    bool start_object(std::size_t) override {
        switch (where_) {
            case Where::Start: where_ = Where::RootKey; return true;
            case Where::RootValue:
                if (root_key_ == kFacts) {
                    facts_about_ = FactAbout::Household;
                    where_ = Where::FactKey;
                    return true;
                }
                if (root_key_ == kParameters) {
                    where_ = Where::ParameterKey;
                    return true;
                }
                return false;
            case Where::MemberItem:
                if (out_.members.size() == kMaxMembers) return false;
                out_.members.emplace_back();
                member().facts.assign(ruleset_.member_slots, Value());
                member_keys_ = 0;
                has_id_ = false;
                where_ = Where::MemberKey;
                return true;
            case Where::MemberValue:
                if (member_key_ != kMemberFacts) return false;
                facts_about_ = FactAbout::Member;
                where_ = Where::FactKey;
                return true;
            default: return false;
        }
    }
    bool key(string_t& text) override {
        if (text.size() > kHouseholdLimits.max_string_bytes) return false;
        switch (where_) {
            case Where::RootKey: return root_key(text);
            case Where::FactKey: {
                fact_ = ruleset_.find_fact(text);
                if (!fact_ || fact_->about != facts_about_) return false;
                if (answers()[fact_->slot].state != Answer::Absent) return false;  // given twice
                where_ = Where::FactValue;
                return true;
            }
            case Where::MemberKey: return member_key(text);
            case Where::ParameterKey:
                if (!declared_parameter(text) || out_.parameters.count(text)) return false;
                parameter_ = std::move(text);
                where_ = Where::ParameterValue;
                return true;
            default: return false;
        }
    }
    bool end_object() override {
        switch (where_) {
            case Where::RootKey: where_ = Where::Done; return true;
            case Where::FactKey:
                where_ = facts_about_ == FactAbout::Household ? Where::RootKey : Where::MemberKey;
                return true;
            case Where::ParameterKey: where_ = Where::RootKey; return true;
            case Where::MemberKey:
                if (!has_id_) return false;
                where_ = Where::MemberItem;
                return true;
            default: return false;
        }
    }
    bool start_array(std::size_t) override {
        if (where_ == Where::FactValue) {
            if (fact_->type != FactType::ManyOf) return false;
            Value& v = answers()[fact_->slot];
            v.state = Answer::Known;
            items_ = 0;
            where_ = Where::ManyOfItem;
            return true;
        }
        if (where_ == Where::RootValue && root_key_ == kMembers) {
            where_ = Where::MemberItem;
            return true;
        }
        if (where_ == Where::MemberValue && member_key_ == kRoles) {
            items_ = 0;
            where_ = Where::RoleItem;
            return true;
        }
        return false;
    }
    bool end_array() override {
        switch (where_) {
            case Where::ManyOfItem: where_ = Where::FactKey; return true;
            case Where::MemberItem: where_ = Where::RootKey; return true;
            case Where::RoleItem: where_ = Where::MemberKey; return true;
            default: return false;
        }
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        return false;
    }

private:
    enum class Where {
        Start, RootKey, RootValue, FactKey, FactValue, ManyOfItem, MemberItem, MemberKey, MemberValue,
        RoleItem, ParameterKey, ParameterValue, Done
    };
    enum RootKeyBit : unsigned { kAsOf = 1, kLang = 2, kFacts = 4, kMembers = 8, kParameters = 16 };
    enum MemberKeyBit : unsigned { kId = 1, kRoles = 2, kName = 4, kMemberFacts = 8 };

    bool root_key(const std::string& text) {
        static const std::pair<const char*, unsigned> kKeys[] = {
            {"as_of", kAsOf}, {"lang", kLang}, {"facts", kFacts}, {"members", kMembers}, {"parameters", kParameters}};
        for (const auto& [name, bit] : kKeys) {
            if (text != name) continue;
            if (root_keys_ & bit) return false;
            root_keys_ |= bit;
            root_key_ = bit;
            where_ = Where::RootValue;
            return true;
        }
        return false;
    }

    bool member_key(const std::string& text) {
        static const std::pair<const char*, unsigned> kKeys[] = {
            {"id", kId}, {"roles", kRoles}, {"name", kName}, {"facts", kMemberFacts}};
        for (const auto& [name, bit] : kKeys) {
            if (text != name) continue;
            if (member_keys_ & bit) return false;
            member_keys_ |= bit;
            member_key_ = bit;
            where_ = Where::MemberValue;
            return true;
        }
        return false;
    }

    bool declared_parameter(const std::string& id) const {
        for (const Pack& pack : ruleset_.packs) {
            for (const Parameter& p : pack.parameters) {
                if (p.id == id) return true;
            }
        }
        return false;
    }

    /// A scalar where only `lang` or a member's `name` may take any value.
    bool scalar_elsewhere() {
        if (where_ == Where::RootValue && root_key_ == kLang) return done_value();
        if (where_ == Where::MemberValue && member_key_ == kName) {
            where_ = Where::MemberKey;
            return true;
        }
        return false;
    }

    bool done_value() {
        where_ = Where::RootKey;
        return true;
    }

    bool number(double value, Value::Written written, std::uint64_t whole) {
        if (where_ == Where::ParameterValue) {
            if (value < 0) return false;
            out_.parameters[parameter_] = value;
            where_ = Where::ParameterKey;
            return true;
        }
        if (where_ != Where::FactValue) return scalar_elsewhere();
        if (fact_->type != FactType::Number) return false;
        if (fact_->integer && value != std::floor(value)) return false;
        if ((fact_->min && value < *fact_->min) || (fact_->max && value > *fact_->max)) return false;
        if (!store(value)) return false;
        Value& v = answers()[fact_->slot];
        v.written = written;
        v.whole = whole;
        return true;
    }

    bool answer_null() {
        answers()[fact_->slot].state = Answer::NotSure;
        where_ = Where::FactKey;
        return true;
    }

    bool answer_string(const std::string& text) {
        switch (fact_->type) {
            case FactType::OneOf: {
                const int option = option_index(text);
                return option >= 0 && store(option);
            }
            case FactType::Date: {
                const auto date = parse_date(text);
                return date && store(day_number(*date));
            }
            case FactType::Region:
                return is_region_code(text) && store(std::stod(text));
            default: return false;
        }
    }

    bool many_of_item(const std::string& text) {
        const int option = option_index(text);
        Value& v = answers()[fact_->slot];
        if (option < 0 || (v.options >> option) & 1 || ++items_ > kHouseholdLimits.max_array_items) return false;
        v.options |= std::uint64_t{1} << option;
        v.order.push_back(static_cast<char>(option));
        return true;
    }

    int option_index(const std::string& id) const {
        for (size_t i = 0; i < fact_->options.size(); ++i) {
            if (fact_->options[i].id == id) return static_cast<int>(i);
        }
        return -1;
    }

    bool store(double number) {
        Value& v = answers()[fact_->slot];
        v.state = Answer::Known;
        v.number = number;
        where_ = Where::FactKey;
        return true;
    }

    std::vector<Value>& answers() { return facts_about_ == FactAbout::Household ? out_.facts : member().facts; }
    Member& member() { return out_.members.back(); }

    const Ruleset& ruleset_;
    Household& out_;
    Where where_ = Where::Start;
    unsigned root_keys_ = 0, root_key_ = 0, member_keys_ = 0, member_key_ = 0;
    bool has_id_ = false;
    FactAbout facts_about_ = FactAbout::Household;
    const Fact* fact_ = nullptr;
    size_t items_ = 0;
    std::string parameter_;
};

}  // namespace

std::optional<Household> read_valid_household(const std::string& text, const Ruleset& ruleset,
                                              const std::string& today) {
    if (text.size() > kHouseholdLimits.max_bytes) return std::nullopt;
    Household household;
    FastReader reader(ruleset, household);
    const bool parsed = catching([&] { return Json::sax_parse(text, &reader); }, [](const char*) { return false; });
    if (!parsed || !reader.valid_at_end()) return std::nullopt;
    if (!reader.saw_as_of()) {
        const auto date = parse_date(today);
        if (!date) return std::nullopt;
        household.as_of = *date;
    }
    IssueList issues;
    if (!derive_facts(ruleset, household, issues)) return std::nullopt;
    return household;
}

}  // namespace carecheck
