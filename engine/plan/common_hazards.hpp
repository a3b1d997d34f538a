// The hazards every server has, whatever its SQL: dropping a table or a column deletes data, and a
// NOT NULL column added without a default fails on a table with rows. Each dialect's own rules
// (dialects/*/hazards.cpp) come after these.
#pragma once

#include <vector>

#include "strata/change.hpp"
#include "strata/plan.hpp"

namespace strata {

std::vector<Hazard> common_hazards(const Change& change);

}  // namespace strata
