// Must not compile: the core including a public header the app layer owns.
#include "strata/apply.hpp"
