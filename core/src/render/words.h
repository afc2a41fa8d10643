// The engine's own sentences: statuses and amounts, zh-CN and English.
#pragma once

#include "carecheck/render.h"

namespace carecheck {

/// `related_policy`: the program is a related policy (kind related_policy), of which a text says
/// only that it goes on for some families: "no" means the text does not point this family to it.
Text status_text(Status status, bool related_policy = false);

}  // namespace carecheck
