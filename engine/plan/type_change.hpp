// How a column type change affects existing values: shared by the dialects' hazard rules.
#pragma once

#include <string>

namespace strata {

struct TypeChange {
  bool lossless = false;  // every value of the old type converts exactly (a widening)
  bool in_place = false;  // PostgreSQL converts without rewriting the table (binary coercible)
};

// Both types in canonical spelling (canonical_type with the dialect's IntWidth).
TypeChange classify_type_change(const std::string& from, const std::string& to);

// True for a default that is evaluated per row with a different value each time
// (gen_random_uuid(), random(), clock_timestamp(), nextval…): adding such a column fills every
// existing row, which rewrites the table.
bool is_volatile_default(const std::string& expression);

}  // namespace strata
