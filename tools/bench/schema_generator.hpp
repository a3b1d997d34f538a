// Synthetic schemas for benchmarks: N tables of 8-12 mixed columns, 2-3 indexes, 1-2 foreign
// keys and a check each, and a few enums. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>

#include "strata/schema.hpp"

namespace strata::bench {

Schema generate_schema(int tables, std::uint32_t seed = 42);

// The PostgreSQL server the benchmarks run on: $STRATA_BENCH_PG_URL, an admin URL (tools/pg-throwaway
// start DIR prints one); exits with a message when it is not set.
std::string server_url();

}  // namespace strata::bench
