// Canonical form of SQL scalar expressions (defaults, CHECK expressions, partial-index predicates,
// index and computed-column expressions), so that what a user declared and what PostgreSQL or
// CockroachDB prints back compare equal.
//
// The canonical string is valid SQL with the input's meaning, except for the casts dropped for
// comparison. It is built from a parse tree (PostgreSQL's operator precedence; `grammar` says how
// the server the text comes from scans it and where its precedence differs) and:
//  - prints keywords upper-case and names lower-case, quoting only names that need it ("Col",
//    "user"), one space around binary operators and after commas, none inside brackets, around ::
//    or before a call's "(", and only the parentheses the tree needs;
//  - drops a cast of a literal ('a'::text, (0)::numeric, 123:::INT8, '{}'::jsonb; '-1'::integer is -1),
//    of a bare column to text or varchar ((name)::text), and of now(), gen_random_uuid(),
//    unique_rowid()… to the function's own result type (now():::TIMESTAMPTZ); keeps other casts
//    with canonical type names (int4 -> integer, character varying -> varchar, public.t -> t…);
//  - folds PostgreSQL's rewrites back: x = ANY (ARRAY[a, b]) -> x IN (a, b), x <> ALL (…) -> NOT IN,
//    x IN (a) -> x = a, BETWEEN -> >= AND <=, ~~ -> LIKE, btrim(s, x) -> TRIM(BOTH x FROM s),
//    "substring"(s, 1, 2) -> SUBSTRING(s FROM 1 FOR 2), CASE without ELSE -> ELSE NULL;
//  - drops pg_catalog. from function names and public. from nextval's sequence name.
// It is idempotent: canonical_expression(canonical_expression(x)) == canonical_expression(x).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "strata/sql_grammar.hpp"

namespace strata {

// The columns of the table an expression belongs to: name -> canonical type (Column::type).
using ColumnTypes = std::map<std::string, std::string, std::less<>>;

// Canonical spelling of an SQL scalar expression, so that a declared expression and the one a
// server prints back compare equal. Never throws: input it cannot parse comes back with only
// whitespace and keyword case normalised.
std::string canonical_expression(std::string_view sql, const SqlGrammar& grammar = {});

// The same, for an expression of a table with `columns` (a check, an index expression or
// predicate, a computed column). Also drops the casts PostgreSQL adds where it coerces a column
// implicitly to the type of the other operand: price * (qty)::numeric, with qty an integer and
// price numeric, is price * qty. A cast that changes the meaning (qty::numeric / 3) is kept.
std::string canonical_expression(std::string_view sql, const ColumnTypes& columns, const SqlGrammar& grammar = {});

// True when `sql` may refer to column `column` (unqualified): it names it, or it does not parse.
bool mentions_column(std::string_view sql, std::string_view column, const SqlGrammar& grammar = {});

// The canonical form of `sql` with the columns `renames` names (old -> new) renamed, the way the
// server rewrites a check or an index expression when a column is renamed. Input that does not
// parse comes back unchanged.
std::string rename_columns(std::string_view sql, const std::map<std::string, std::string>& renames,
                           const SqlGrammar& grammar = {});

// canonical_expression(a) == canonical_expression(b).
bool same_expression(std::string_view a, std::string_view b, const SqlGrammar& grammar = {});

}  // namespace strata
