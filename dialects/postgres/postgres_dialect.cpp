#include "dialects/postgres/postgres_dialect.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace strata::postgres {

// INSERT … ON CONFLICT (key) DO UPDATE SET c = excluded.c for every other column.
std::string PostgresDialect::upsert_sql(const UpsertStatement& upsert) const {
  std::vector<std::string> assignments;
  for (const auto column : upsert.columns) {
    if (column != upsert.key) assignments.push_back(fmt::format("{0} = excluded.{0}", column));
  }
  return fmt::format("INSERT INTO {} ({}) {} ON CONFLICT ({}) DO UPDATE SET {}", upsert.table,
                     fmt::join(upsert.columns, ", "), upsert.values, upsert.key, fmt::join(assignments, ", "));
}

}  // namespace strata::postgres
