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
// one they are refused. `server_version` is the release of the server the SQL is for, "MAJOR.MINOR"
// ("24.3", "v24.1.3"): the CockroachDB dialect checks and writes what that release accepts, as it
// does for a connected server of that release, and a release older than strata supports (v24.3)
// is refused as a server of it would be; empty: no release is assumed, and what some supported
// release lacks is refused. PostgreSQL's dialect does not differ by release (the version is not
// read). Throws UsageError for a version it cannot read or does not support.
STRATA_EXPORT std::unique_ptr<Dialect> make_dialect(std::string_view name, std::string_view database = "",
                                                    std::string_view server_version = "");

}  // namespace strata
