#include "strata/dialect.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/connection.hpp"
#include "strata/errors.hpp"

namespace strata {

std::unique_ptr<Dialect> make_dialect(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "postgres" || lower == "postgresql") return std::make_unique<postgres::PostgresDialect>();
  if (lower == "cockroachdb" || lower == "crdb") {
    throw UsageError("the CockroachDB dialect is not part of this build yet");
  }
  throw UsageError(fmt::format("unknown dialect '{}': expected postgres or cockroachdb", name));
}

std::unique_ptr<Dialect> detect_dialect(Connection& connection) {
  const std::string& version = connection.server_version();
  if (version.find("CockroachDB") != std::string::npos) return make_dialect("cockroachdb");
  if (version.starts_with("PostgreSQL")) return make_dialect("postgres");
  throw UsageError(fmt::format("cannot tell which database {} is from its version: {}", connection.display_url(),
                               version.substr(0, 80)));
}

}  // namespace strata
