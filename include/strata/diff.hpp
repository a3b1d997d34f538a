// Comparing two schemas: what must change to turn `from` (the live schema) into `to` (the
// declared one).
#pragma once

#include "strata/change.hpp"
#include "strata/dialect.hpp"
#include "strata/export.hpp"
#include "strata/schema.hpp"

namespace strata {

// Pure: no SQL, no I/O. Objects are paired by name; tables and columns are renamed only where
// `to` says so (renamed_from), never guessed; an index whose definition is unchanged under a new
// name is renamed. Comparisons use the dialect's canonical form (Dialect::normalize), while the
// changes carry the declared objects as written. The database name is ignored.
STRATA_EXPORT ChangeSet diff(const Schema& from, const Schema& to, const Dialect& dialect);

}  // namespace strata
