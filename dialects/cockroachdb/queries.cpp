#include "dialects/cockroachdb/queries.hpp"

namespace strata::cockroachdb::queries {

#define STRATA_CRDB_USER_SCHEMA(column)                                                                  \
  " " column " NOT IN ('crdb_internal', 'information_schema', 'pg_catalog', 'pg_extension') AND " column \
  " NOT LIKE 'pg\\_temp%' AND ($1::STRING[] IS NULL OR " column " = ANY ($1::STRING[])) "

const char* const kCurrentDatabase = "SELECT current_database()";

const char* const kSchemas =
    "SELECT nspname FROM pg_catalog.pg_namespace WHERE " STRATA_CRDB_USER_SCHEMA("nspname") " ORDER BY nspname";

const char* const kTypes =
    "SELECT create_statement FROM crdb_internal.create_type_statements "
    "WHERE database_name = current_database() AND " STRATA_CRDB_USER_SCHEMA("schema_name") " ORDER BY descriptor_id";

const char* const kCreateStatements =
    "SELECT schema_name, descriptor_name, create_nofks FROM crdb_internal.create_statements "
    "WHERE database_name = current_database() AND descriptor_type IN ('table', 'sequence') "
    "AND " STRATA_CRDB_USER_SCHEMA("schema_name") " ORDER BY descriptor_id";

const char* const kAlterStatements =
    "SELECT unnest(alter_statements) FROM crdb_internal.create_statements "
    "WHERE database_name = current_database() AND descriptor_type = 'table' AND " STRATA_CRDB_USER_SCHEMA(
        "schema_name") " ORDER BY descriptor_id";

const char* const kDatabase =
    "SELECT primary_region, regions::STRING, survival_goal FROM [SHOW DATABASES] "
    "WHERE database_name = current_database()";

#undef STRATA_CRDB_USER_SCHEMA

}  // namespace strata::cockroachdb::queries
