#include "app/dialect_factory.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/releases.hpp"
#include "dialects/postgres/postgres_dialect.hpp"
#include "engine/db/connection.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

// "24.3", "v24.3.1" -> {24, 3}; empty -> {0, 0} (no release named: the dialect assumes one). A
// release named is held to the same policy as a server's (cockroachdb::check_release): one older
// than strata supports is refused.
cockroachdb::Version release(std::string_view text) {
  if (text.empty()) return {};
  std::string_view rest = text;
  if (rest.starts_with('v') || rest.starts_with('V')) rest.remove_prefix(1);
  cockroachdb::Version version;
  const char* last = rest.data() + rest.size();
  const auto major = std::from_chars(rest.data(), last, version.major);
  if (major.ec == std::errc() && major.ptr < last && *major.ptr == '.') {
    const auto minor = std::from_chars(major.ptr + 1, last, version.minor);
    if (minor.ec == std::errc() && minor.ptr != major.ptr + 1 && (minor.ptr == last || *minor.ptr == '.')) {
      cockroachdb::check_release(version, fmt::format("--server-version {}", text));
      return version;
    }
  }
  throw UsageError(fmt::format("expected a server version as MAJOR.MINOR (e.g. 24.3), found '{}'", text));
}

}  // namespace

std::unique_ptr<ServerDialect> make_server_dialect(std::string_view name, std::string_view database,
                                                   std::string_view server_version) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "postgres" || lower == "postgresql") return std::make_unique<postgres::PostgresDialect>();
  if (lower == "cockroachdb" || lower == "crdb") {
    return std::make_unique<cockroachdb::CockroachDialect>(std::string(database), release(server_version));
  }
  throw UsageError(fmt::format("unknown dialect '{}': expected postgres or cockroachdb", name));
}

std::unique_ptr<Dialect> make_dialect(std::string_view name, std::string_view database,
                                      std::string_view server_version) {
  return make_server_dialect(name, database, server_version);
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
