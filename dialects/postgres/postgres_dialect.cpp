#include "dialects/postgres/postgres_dialect.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "dialects/postgres/routines.hpp"
#include "dialects/postgres/views.hpp"
#include "engine/db/connection.hpp"

namespace strata::postgres {

void PostgresDialect::check(const Schema&, const Schema& declared) const {
  check_view_queries(declared);
  check_routines(declared);
}

// INSERT … ON CONFLICT (key) DO UPDATE SET c = excluded.c for every other column.
std::string PostgresDialect::upsert_sql(const UpsertStatement& upsert) const {
  std::vector<std::string> assignments;
  for (const auto column : upsert.columns) {
    if (column != upsert.key) assignments.push_back(fmt::format("{0} = excluded.{0}", column));
  }
  return fmt::format("INSERT INTO {} ({}) {} ON CONFLICT ({}) DO UPDATE SET {}", upsert.table,
                     fmt::join(upsert.columns, ", "), upsert.values, upsert.key, fmt::join(assignments, ", "));
}

std::optional<SessionIdentity> PostgresDialect::session_identity(Connection& connection) const {
  const auto rows = connection.exec(
      "SELECT pid, extract(epoch FROM backend_start)::bigint FROM pg_stat_activity WHERE pid = pg_backend_pid()");
  if (rows.empty()) return std::nullopt;
  return SessionIdentity{rows[0][0].as<std::int64_t>(), rows[0][1].as<std::int64_t>()};
}

// Another role's session shows its pid but not its start to a user without pg_read_all_stats:
// then it cannot be told from a session that reused the pid.
std::optional<bool> PostgresDialect::session_running(Connection& connection, const SessionIdentity& identity) const {
  const auto rows = connection.exec_params(
      "SELECT extract(epoch FROM backend_start)::bigint FROM pg_stat_activity WHERE pid = $1", identity.pid);
  if (rows.empty()) return false;
  if (rows[0][0].is_null()) return std::nullopt;
  return rows[0][0].as<std::int64_t>() == identity.started;
}

std::vector<std::string> PostgresDialect::database_names(Connection& connection) const {
  std::vector<std::string> names;
  for (const auto& row : connection.exec("SELECT datname FROM pg_database")) names.emplace_back(row[0].c_str());
  return names;
}

}  // namespace strata::postgres
