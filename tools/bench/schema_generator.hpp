// Synthetic schemas for benchmarks: N tables of 8-12 mixed columns, 2-3 indexes, 1-2 foreign
// keys and a check each, and a few enums. Deterministic for a given seed.
#pragma once

#include <cstdint>

#include "strata/schema.hpp"

namespace strata::bench {

Schema generate_schema(int tables, std::uint32_t seed = 42);

}  // namespace strata::bench
