// The comparison rules of canonical_expression() applied to a parsed tree: casts of literals, of
// bare columns to text and of known functions to their own result type are dropped; x = ANY
// (ARRAY[…]) becomes IN; ~~ becomes LIKE; pg_catalog. is dropped from calls, public. from
// nextval's argument; function spellings of SUBSTRING, POSITION, TRIM and OVERLAY become the
// SQL-standard forms; AND and OR chains are flattened. Given the table's column types, the casts
// PostgreSQL adds to coerce a column implicitly to the other operand's type are dropped too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/expr/expression.hpp"
#include "engine/expr/node.hpp"

namespace strata::expr {

void canonicalize(Node& node, const ColumnTypes* columns = nullptr);

// A date, time, timestamp or timestamptz literal ('2020-01-01', '2020-01-01T10:00:00.5+02') as
// PostgreSQL prints a value of `type` (the canonical type name), a timestamptz in UTC; nullopt
// when `text` is not such a literal in ISO form. (cast_type.cpp)
std::optional<std::string> datetime_literal(std::string_view text, std::string_view type);

}  // namespace strata::expr
