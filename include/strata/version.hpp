// The version of the strata library.
#pragma once

#include "strata/export.hpp"

namespace strata {

// The library's version, "major.minor.patch".
STRATA_EXPORT const char* version();

}  // namespace strata
