// Declared schemas in YAML and in SQL. A schema may be YAML files, SQL files, or both, split
// across files in any order:
//
//   strata::LoadedSchema loaded = strata::load_declared_schema({"schema/"}, {.sql_dialect = "postgres"});
//
// SQL is read by the dialect it is written in: PostgreSQL's with PostgreSQL's own parser
// (libpg_query), CockroachDB's with strata's CockroachDB DDL parser. Which one: the file's first
// line `-- strata:dialect postgres|cockroachdb`, else `sql_dialect`, else the answer of
// `server_dialect` (a connected command asks its server), else the file is an error.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "strata/connect.hpp"
#include "strata/dialect.hpp"
#include "strata/errors.hpp"
#include "strata/export.hpp"
#include "strata/schema.hpp"

namespace strata {

// A statement or clause the SQL held that strata does not manage, left out of the schema (a
// COMMENT ON, a GRANT, a function, a storage option).
struct SchemaNote {
  SourcePosition position;
  std::string message;
};

struct SchemaLoadOptions {
  std::string sql_dialect;                      // "postgres" or "cockroachdb"; empty: see below
  std::function<std::string()> server_dialect;  // asked once, only for a file no one else names
};

struct LoadedSchema {
  Schema schema;
  std::vector<SchemaNote> notes;  // each left-out statement or clause, once, in file order
};

// Loads YAML (*.yaml, *.yml) and SQL (*.sql) files and directories (searched recursively, in name
// order) as one schema. Throws LoadError with every problem at file:line:column; UsageError for an
// unknown dialect name.
STRATA_EXPORT LoadedSchema load_declared_schema(const std::vector<std::string>& paths,
                                                const SchemaLoadOptions& options = {});

// The same from texts in memory: pairs of (file name, text); a name ending in .sql is SQL.
STRATA_EXPORT LoadedSchema load_declared_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                               const SchemaLoadOptions& options = {});

// The schema as `dialect`'s SQL: the statements that create it in an empty database, after a
// first line naming the dialect. Loaded back with load_declared_schema it is the same schema.
STRATA_EXPORT std::string schema_to_sql(const Schema& schema, const Dialect& dialect);

// The kind of server `url` names ("postgres" or "cockroachdb"), from its `SELECT version()`.
STRATA_EXPORT std::string server_dialect_name(const std::string& url, const ConnectOptions& connect = {});

}  // namespace strata
