#include "carecheck/ruleset.h"

namespace carecheck {

const Option* Fact::option(const std::string& option_id) const {
    for (const Option& o : options) {
        if (o.id == option_id) return &o;
    }
    return nullptr;
}

const Fact* Ruleset::find_fact(const std::string& id) const {
    auto found = fact_by_id.find(id);
    return found == fact_by_id.end() ? nullptr : found->second;
}

bool Ruleset::has_role(const std::string& id) const {
    for (const Role& role : roles) {
        if (role.id == id) return true;
    }
    return false;
}

int Ruleset::role_index(const std::string& id) const {
    for (size_t i = 0; i < roles.size(); ++i) {
        if (roles[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

void Pack::flatten() {
    flat.assign(nodes.size(), FlatNode{});
    child_ids.clear();
    for (const Condition* node : nodes) {
        FlatNode& f = flat[static_cast<size_t>(node->id)];
        f.node = node;
        f.first_child = static_cast<std::uint32_t>(child_ids.size());
        f.child_count = static_cast<std::uint32_t>(node->children.size());
        for (const auto& child : node->children) child_ids.push_back(child->id);
    }
}

namespace {
const std::pair<Status, const char*> kStatusNames[] = {
    {Status::Eligible, "eligible"},
    {Status::NotEligible, "not_eligible"},
    {Status::NeedsAnswers, "needs_answers"},
    {Status::DependsOnLocal, "depends_on_local_decision"},
    {Status::WorthAsking, "worth_asking"},
};
}  // namespace

const char* status_name(Status status) {
    for (const auto& [value, name] : kStatusNames) {
        if (value == status) return name;
    }
    return "needs_answers";
}

std::optional<Status> parse_status(const std::string& name) {
    for (const auto& [value, text] : kStatusNames) {
        if (name == text) return value;
    }
    return std::nullopt;
}

}  // namespace carecheck
