#include "json_depth.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "carecheck/issues.h"

namespace carecheck {

std::optional<std::string> first_too_deep(const Json& doc, size_t max_depth) {
    struct Open {
        const Json* value;
        std::string pointer;
        size_t depth;
    };
    std::vector<Open> todo{{&doc, "", 1}};
    while (!todo.empty()) {
        Open open = std::move(todo.back());
        todo.pop_back();
        if (!open.value->is_structured())
            continue;
        if (open.depth > max_depth)
            return open.pointer;
        // Children pushed last first, so the first one found is the first in the document.
        const size_t at = todo.size();
        if (open.value->is_object()) {
            for (auto it = open.value->begin(); it != open.value->end(); ++it)
                todo.push_back({&it.value(), pointer_join(open.pointer, it.key()), open.depth + 1});
        } else {
            for (size_t i = 0; i < open.value->size(); ++i)
                todo.push_back({&(*open.value)[i], pointer_join(open.pointer, i), open.depth + 1});
        }
        std::reverse(todo.begin() + static_cast<std::ptrdiff_t>(at), todo.end());
    }
    return std::nullopt;
}

}  // namespace carecheck
