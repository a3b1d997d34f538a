#include "app/dialect_factory.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/db/connection.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"

namespace strata {

std::unique_ptr<ServerDialect> make_server_dialect(std::string_view name, std::string_view database) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "postgres" || lower == "postgresql") return std::make_unique<postgres::PostgresDialect>();
  if (lower == "cockroachdb" || lower == "crdb") {
    return std::make_unique<cockroachdb::CockroachDialect>(std::string(database), cockroachdb::Version{});
  }
  throw UsageError(fmt::format("unknown dialect '{}': expected postgres or cockroachdb", name));
}

std::unique_ptr<Dialect> make_dialect(std::string_view name, std::string_view database) {
  return make_server_dialect(name, database);
}

std::unique_ptr<ServerDialect> detect_dialect(Connection& connection) {
  const std::string& version = connection.server_version();
  if (version.find("CockroachDB") != std::string::npos) {
    const cockroachdb::Version release = cockroachdb::parse_version(version);
    if (const auto warning = cockroachdb::check_release(release, version); warning) {
      if (connection.options().on_warning) connection.options().on_warning(*warning);
    }
    const std::string database = connection.exec("SELECT current_database()")[0][0].c_str();
    auto dialect = std::make_unique<cockroachdb::CockroachDialect>(database, release);
    dialect->prepare_session(connection);
    return dialect;
  }
  if (version.starts_with("PostgreSQL")) return make_server_dialect("postgres");
  throw UsageError(fmt::format("cannot tell which database {} is from its version: {}", connection.display_url(),
                               version.substr(0, 80)));
}

}  // namespace strata
