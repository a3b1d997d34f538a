#include "dialects/cockroachdb/queries.hpp"

namespace strata::cockroachdb::queries {

const char* const kCurrentDatabase = "SELECT current_database()";

const char* const kSchemas =
    "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT IN ('crdb_internal', 'information_schema', "
    "'pg_catalog', 'pg_extension') AND nspname NOT LIKE 'pg\\_temp%' AND ($1::STRING[] IS NULL OR nspname = ANY "
    "($1::STRING[])) ORDER BY nspname";

const char* const kTypes = "SHOW CREATE ALL TYPES";

const char* const kCreateStatements = "SHOW CREATE ALL TABLES";

const char* const kDatabase =
    "SELECT primary_region, regions::STRING, survival_goal FROM [SHOW DATABASES] "
    "WHERE database_name = current_database()";

}  // namespace strata::cockroachdb::queries
