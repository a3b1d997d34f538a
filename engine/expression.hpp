// Canonical form of SQL scalar expressions (defaults, CHECK expressions, partial-index predicates,
// index and computed-column expressions), so that what a user declared and what PostgreSQL or
// CockroachDB prints back compare equal.
//
// The canonical string is valid SQL with the input's meaning, except for the casts dropped for
// comparison. It is built from a parse tree (PostgreSQL's operator precedence) and:
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

#include <string>
#include <string_view>

namespace strata {

// Canonical spelling of an SQL scalar expression, so that a declared expression and the one a
// server prints back compare equal. Never throws: input it cannot parse comes back with only
// whitespace and keyword case normalised.
std::string canonical_expression(std::string_view sql);

// canonical_expression(a) == canonical_expression(b).
bool same_expression(std::string_view a, std::string_view b);

}  // namespace strata
