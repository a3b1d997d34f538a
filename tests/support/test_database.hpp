// Test support: one fresh database per test on the throwaway test server.
//
// The server: tools/check starts a throwaway PostgreSQL and exports STRATA_TEST_PG_URL;
// a plain `ctest` in a build directory starts one through the ctest fixture "postgres"
// and hands the tests STRATA_TEST_PG_URL_FILE (see tests/CMakeLists.txt and
// tools/pg-throwaway). CockroachDB tests use the server named by STRATA_TEST_CRDB_URL
// and are skipped when it is unset (STRATA_REQUIRE_CRDB()).
//
// Note: inside namespace strata, `testing::` names this namespace; write `::testing::`
// for GoogleTest's.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace strata::testing {

// URL of the PostgreSQL test server's admin database: env STRATA_TEST_PG_URL, else the
// contents of the file named by env STRATA_TEST_PG_URL_FILE. Throws std::runtime_error
// (saying how to get a server) when neither is set.
std::string admin_url();

// URL of the CockroachDB test server (env STRATA_TEST_CRDB_URL), if one is given.
std::optional<std::string> crdb_url();

enum class Server { postgres, cockroachdb };

std::string to_string(Server server);

// GoogleTest prints a Server parameter by its name.
inline void PrintTo(Server server, std::ostream* out) {
  *out << to_string(server);
}

// The servers the integration suite runs against: PostgreSQL always, CockroachDB
// too when STRATA_TEST_CRDB_URL is set. Meant for INSTANTIATE_TEST_SUITE_P.
std::vector<Server> servers_under_test();

// `url` with its database replaced by `database`. Handles postgres:// and
// postgresql:// URLs (user, host, port and query parameters are kept) and
// keyword/value connection strings ("host=... port=...").
std::string with_database(std::string_view url, std::string_view database);

// A database of its own for the current test: created (after dropping any stale one of
// the same name) by the constructor, dropped by the destructor. The name is made from
// the current GoogleTest suite and test name, the pid and a counter, so that tests can
// run in parallel, in one process or many.
class TestDatabase {
 public:
  explicit TestDatabase(Server server = Server::postgres);
  // A database on the CockroachDB server of STRATA_TEST_CRDB_URL (throws when unset:
  // call STRATA_REQUIRE_CRDB() first).
  static TestDatabase on_cockroachdb();
  ~TestDatabase();

  TestDatabase(TestDatabase&& other) noexcept;
  TestDatabase& operator=(TestDatabase&&) = delete;
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // URL of this database (the server URL with the database replaced).
  const std::string& url() const { return url_; }
  // URL of the admin database of the server this database lives on.
  const std::string& server_url() const { return server_url_; }
  Server server() const { return server_; }

 private:
  Server server_;
  std::string server_url_;
  std::string name_;
  std::string url_;
};

// A database name for the current test: lower-cased suite and test name, non
// alphanumerics as '_', then _<pid>_<counter>; at most 63 bytes.
std::string unique_database_name();

}  // namespace strata::testing

// Skip the current test (with a message saying why) unless a CockroachDB is given.
#define STRATA_REQUIRE_CRDB()                                                      \
  do {                                                                             \
    if (!::strata::testing::crdb_url()) {                                          \
      GTEST_SKIP() << "CockroachDB test skipped: STRATA_TEST_CRDB_URL is not set"; \
    }                                                                              \
  } while (false)
