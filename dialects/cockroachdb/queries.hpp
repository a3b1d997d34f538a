// Every catalog query of the CockroachDB dialect. CockroachDB prints the canonical CREATE
// statement of each object (crdb_internal.create_statements and create_type_statements, v20.2+):
// strata reads those in bulk and parses them (ddl/parser.hpp), which the corpus tests cover.
// $1 is a STRING[] of schema names to read, or NULL for every user schema.
#pragma once

namespace strata::cockroachdb::queries {

// current_database()
extern const char* const kCurrentDatabase;
// nspname: user schemas (pg_namespace, corpus: catalog_differences.md item 21).
extern const char* const kSchemas;
// create_statement of every enum type: CREATE TYPE … AS ENUM (…).
extern const char* const kTypes;
// schema_name, descriptor_name, create_nofks: tables (without their foreign keys) and sequences,
// in descriptor order.
extern const char* const kCreateStatements;
// One row per ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY of those tables (alter_statements).
extern const char* const kAlterStatements;
// primary_region, regions ("{a,b}"), survival_goal of the current database (SHOW DATABASES,
// corpus item 39).
extern const char* const kDatabase;

}  // namespace strata::cockroachdb::queries
