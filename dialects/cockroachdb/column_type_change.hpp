// How CockroachDB changes a column's type (ALTER COLUMN … SET DATA TYPE), from its
// schemachange.ClassifyConversion: a trivial conversion only rewrites the descriptor; any other
// one runs only with the session setting enable_experimental_alter_column_type_general (in the
// legacy schema changer every non-trivial one, in the declarative one those that backfill); a
// conversion without an assignment cast needs USING, and USING always means a backfill (which
// CockroachDB refuses for a column in an index or a constraint).
#pragma once

#include <string>

namespace strata::cockroachdb {

// Both model types (canonical spellings). True for a wider integer, string, varchar or decimal.
bool converts_in_place(const std::string& from, const std::string& to);

// True when no assignment cast goes from `from` to `to` (types of different families: text to
// integer, integer to boolean…), so that the statement needs `USING column::to`.
bool needs_using(const std::string& from, const std::string& to);

}  // namespace strata::cockroachdb
