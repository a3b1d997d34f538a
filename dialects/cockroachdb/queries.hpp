// Every catalog query of the CockroachDB dialect. CockroachDB prints the canonical CREATE statement
// of every object; strata reads them in bulk through SHOW statements (which CockroachDB keeps
// working when allow_unsafe_internals refuses crdb_internal) and parses them (ddl/parser.hpp),
// which the corpus tests cover. A constant number of round trips, whatever the table count.
// Each query's release is a fact in releases.hpp, held against the release catalogue.
#pragma once

namespace strata::cockroachdb::queries {

// current_database()
extern const char* const kCurrentDatabase;
// nspname: user schemas (pg_namespace, corpus: catalog_differences.md item 21); $1 a STRING[] of
// schema names to read, or NULL for every user schema.
extern const char* const kSchemas;
// create_statement: CREATE TYPE … AS ENUM (…) of every enum of the current database, every schema
// (Feature::ShowCreateAllTypes).
extern const char* const kTypes;
// create_statement: tables, views and sequences in dependency order, then each foreign key as an
// ALTER TABLE … ADD CONSTRAINT, a comment row and the VALIDATE CONSTRAINT statements
// (Feature::ShowCreateAllTables).
extern const char* const kCreateStatements;
// primary_region, regions ("{a,b}"), survival_goal of the current database (SHOW DATABASES,
// Feature::ShowDatabasesRegions; corpus item 39).
extern const char* const kDatabase;

}  // namespace strata::cockroachdb::queries
