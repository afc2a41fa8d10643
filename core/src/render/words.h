// The engine's own sentences: statuses and amounts, zh-CN and English.
#pragma once

#include "carecheck/render.h"

namespace carecheck {

Text status_text(Status status);


}  // namespace carecheck
