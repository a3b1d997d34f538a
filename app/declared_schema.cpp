// Declared schemas in YAML and SQL: the loader with the dialects' SQL readers plugged in (the app
// layer is the one that may name a dialect).
#include "strata/declared_schema.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/dialect_factory.hpp"
#include "dialects/cockroachdb/sql_schema_reader.hpp"
#include "dialects/postgres/sql/sql_schema_reader.hpp"
#include "engine/db/connection.hpp"
#include "engine/load/sql_reader.hpp"
#include "strata/plan.hpp"

namespace strata {

namespace {

// The canonical name of a dialect's spelling ("postgresql" -> "postgres"); unknown names pass.
std::string canonical_dialect(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (name == "postgresql" || name == "pg") return "postgres";
  if (name == "crdb" || name == "cockroach") return "cockroachdb";
  return name;
}

load::SqlReading reading(const SchemaLoadOptions& options) {
  load::SqlReading sql;
  sql.default_dialect = canonical_dialect(options.sql_dialect);
  if (!sql.default_dialect.empty() && sql.default_dialect != "postgres" && sql.default_dialect != "cockroachdb") {
    throw UsageError(fmt::format("unknown dialect '{}': expected postgres or cockroachdb", options.sql_dialect));
  }
  if (options.server_dialect) sql.ask_dialect = [ask = options.server_dialect] { return canonical_dialect(ask()); };
  sql.readers = [](std::string_view name) -> std::unique_ptr<load::SqlSchemaReader> {
    const std::string dialect = canonical_dialect(std::string(name));
    if (dialect == "postgres") return postgres::make_sql_schema_reader();
    if (dialect == "cockroachdb") return cockroachdb::make_sql_schema_reader();
    return nullptr;
  };
  return sql;
}

LoadedSchema loaded(load::LoadedFiles files) {
  LoadedSchema out;
  out.schema = std::move(files.schema);
  for (auto& note : files.notes) out.notes.push_back({std::move(note.position), std::move(note.message)});
  return out;
}

}  // namespace

LoadedSchema load_declared_schema(const std::vector<std::string>& paths, const SchemaLoadOptions& options) {
  return loaded(load::load_paths(paths, reading(options)));
}

LoadedSchema load_declared_texts(const std::vector<std::pair<std::string, std::string>>& files,
                                 const SchemaLoadOptions& options) {
  return loaded(load::load_texts(files, reading(options)));
}

std::string schema_to_sql(const Schema& schema, const Dialect& dialect) {
  std::string out = fmt::format("-- strata:dialect {}\n", dialect.name());
  for (const auto& statement : create_statements(schema, dialect)) out += statement + ";\n";
  return out;
}

std::string server_dialect_name(const std::string& url, const ConnectOptions& connect) {
  Connection connection(url, connect);
  return std::string(detect_dialect(connection)->name());
}

}  // namespace strata
