// The comparison rules of canonical_expression() applied to a parsed tree: casts of literals, of
// bare columns to text and of known functions to their own result type are dropped; x = ANY
// (ARRAY[…]) becomes IN; ~~ becomes LIKE; pg_catalog. is dropped from calls, public. from
// nextval's argument; function spellings of SUBSTRING, POSITION, TRIM and OVERLAY become the
// SQL-standard forms; AND and OR chains are flattened.
#pragma once

#include "expression_node.hpp"

namespace strata::expr {

void canonicalize(Node& node);

}  // namespace strata::expr
