// Turns the JSON of a condition (or an amount) into a checked Condition tree.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carecheck/issues.h"
#include "carecheck/ruleset.h"

namespace carecheck {

/// Compiles the conditions of one pack. Named conditions and programs must already carry
/// their ids (references are resolved by id); the compiler numbers every node for coverage.
class ConditionCompiler {
public:
    ConditionCompiler(const Ruleset& ruleset, Pack& pack, IssueList& issues);

    /// `member_context`: whether member facts may be read here (inside a quantifier or a
    /// for_each program). `require_text`: the node must explain itself (text + cite).
    std::unique_ptr<Condition> compile(const Json& json, const std::string& path, bool member_context,
                                       bool require_text);

    std::unique_ptr<Amount> compile_amount(const Json& json, const std::string& path, bool member_context);

    /// After every condition of the pack is compiled: reference cycles, and named conditions
    /// that read member facts used where no member is in context.
    void check_references();

private:
    void read_payee(const Json& json, const std::string& path, Amount& amount);
    bool flag(const Json& json, const char* key, const std::string& path);
    std::unique_ptr<Condition> node(const Json& json, const std::string& path, bool member_context,
                                    int depth);
    void compile_fact_test(const Json& json, const std::string& path, bool member_context, Condition& out);
    void compile_quantifier(const Json& json, const std::string& key, const std::string& path,
                            bool member_context, int depth, Condition& out);
    bool read_cmp(const Json& json, const std::string& path, Cmp& cmp, Json& operand);
    bool reads_member_fact(const Condition& condition, std::vector<int>& visiting) const;

    struct PendingRef {
        const Condition* node;
        bool member_context;
        int owner;  // named condition index, or -(program index + 1)
    };
    const Ruleset& ruleset_;
    Pack& pack_;
    IssueList& issues_;
    int owner_ = 0;
    std::vector<PendingRef> refs_;

public:
    /// Which named condition (>= 0) or program (-(index+1)) the next compile() belongs to.
    void set_owner(int owner) { owner_ = owner; }
};

/// The region prefix a code covers: "130700" → "1307", "130000" → "13", "130722" → "130722".
std::string region_prefix(const std::string& code);

}  // namespace carecheck
