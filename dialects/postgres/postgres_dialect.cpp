#include "dialects/postgres/postgres_dialect.hpp"

#include <fmt/format.h>

#include "dialects/postgres/ddl.hpp"
#include "engine/quote.hpp"
#include "strata/errors.hpp"

namespace strata::postgres {

namespace {

// What the model can say that PostgreSQL cannot do: refused before any SQL is sent.
void check_supported(const Schema& schema) {
  const auto& db = schema.database;
  if (!db.primary_region.empty() || !db.regions.empty() || db.survival_goal) {
    throw PlanError(
        "the schema declares database regions or a survival goal, which only CockroachDB has; "
        "remove them from 'database' to use PostgreSQL");
  }
  for (const auto& table : schema.tables) {
    const std::string name = to_string(table.name);
    if (table.locality) {
      throw PlanError(fmt::format("table {} declares a locality, which only multi-region CockroachDB has", name));
    }
    for (const auto& column : table.columns) {
      if (column.hidden) {
        throw PlanError(fmt::format("column {} of table {} is hidden (NOT VISIBLE), which only CockroachDB has",
                                    quote_ident(column.name), name));
      }
      if (column.generated && column.generated->kind == GeneratedKind::Virtual) {
        throw PlanError(
            fmt::format("column {} of table {} is a virtual computed column; PostgreSQL 15 has only "
                        "stored ones (set `stored: true`)",
                        quote_ident(column.name), name));
      }
    }
    for (const auto& index : table.indexes) {
      if (index.shard_buckets) {
        throw PlanError(fmt::format("index {} of table {} is hash-sharded, which only CockroachDB has",
                                    quote_ident(index.name), name));
      }
    }
  }
}

}  // namespace

std::vector<std::string> PostgresDialect::create_statements(const Schema& schema) const {
  check_supported(schema);
  std::vector<std::string> out;
  for (const auto& name : schema.schemas) out.push_back(create_schema_sql(name));
  for (const auto& e : schema.enums) out.push_back(create_enum_sql(e));
  for (const auto& s : schema.sequences) out.push_back(create_sequence_sql(s));
  for (const auto& table : schema.tables) out.push_back(create_table_sql(table));
  for (const auto& table : schema.tables) {
    for (const auto& index : table.indexes) out.push_back(create_index_sql(table, index));
  }
  for (const auto& table : schema.tables) {
    for (const auto& fk : table.foreign_keys) out.push_back(add_foreign_key_sql(table, fk));
  }
  return out;
}

std::string PostgresDialect::quote(std::string_view identifier) const {
  return quote_ident(identifier);
}

}  // namespace strata::postgres
