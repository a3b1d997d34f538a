// Token-level edits of SQL expression text that CockroachDB makes when it stores an expression:
// finding the columns it mentions, dropping table qualification, following a column rename.
// The text outside the edited names is kept byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/schema.hpp"

namespace strata::cockroachdb {

// The names the expression uses as column references (not function names, not the type after
// `::`, the last part of a qualified name), in order of first use, each once. Text that does not
// lex gives an empty list.
std::vector<std::string> referenced_names(std::string_view expression);

// True when `expression` refers to column `column`.
bool references_column(std::string_view expression, const std::string& column);

// `t.a`, `s.t.a`, `db.s.t.a` written as `a` when `t` is `table`'s name.
std::string dequalify_columns(std::string_view expression, const QualifiedName& table);

// `x::INT`, `x:::INTEGER`, `CAST(x AS INT)` written with INT8: what INT means on CockroachDB, and
// how SHOW CREATE prints it back.
std::string resolve_int_casts(std::string_view expression);

// An expression as CockroachDB stores it for `table`: de-qualified, INT casts resolved.
std::string stored_expression(std::string_view expression, const QualifiedName& table);

// Every column reference to `from` renamed `to` (quoted where needed).
std::string rename_column_references(std::string_view expression, const std::string& from, const std::string& to);

}  // namespace strata::cockroachdb
