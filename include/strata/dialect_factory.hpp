// Making a dialect by name, for work that needs no server: `strata ddl`, offline plans, tests.
// Commands that connect choose the dialect from the server's version instead.
#pragma once

#include <memory>
#include <string_view>

#include "strata/dialect.hpp"
#include "strata/export.hpp"

namespace strata {

// "postgres" / "postgresql" or "cockroachdb" / "crdb"; throws UsageError for anything else.
// `database` names the database that multi-region statements (ALTER DATABASE) act on; without
// one they are refused.
STRATA_EXPORT std::unique_ptr<Dialect> make_dialect(std::string_view name, std::string_view database = "");

}  // namespace strata
