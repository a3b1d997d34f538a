#pragma once

namespace strata {

// The library's version, "major.minor.patch".
const char* version();

}  // namespace strata
