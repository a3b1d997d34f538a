#include "support/test_database.hpp"

#include "engine/db/connection.hpp"

#include <fmt/format.h>
#include <pqxx/pqxx>

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace strata::testing {

namespace {

constexpr std::size_t max_identifier_bytes = 63;  // PostgreSQL's NAMEDATALEN - 1

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string{value};
}

std::string trim(std::string s) {
  auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && space(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && space(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string server_url_for(Server server) {
  if (server == Server::postgres) return admin_url();
  auto url = crdb_url();
  if (!url) {
    throw std::runtime_error(
        "a CockroachDB test database was asked for, but STRATA_TEST_CRDB_URL is not set "
        "(start the test with STRATA_REQUIRE_CRDB())");
  }
  return *url;
}

std::string drop_statement(Server server, pqxx::connection& c, const std::string& name) {
  const std::string quoted = c.quote_name(name);
  return server == Server::postgres ? "DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)"
                                    : "DROP DATABASE IF EXISTS " + quoted + " CASCADE";
}

}  // namespace

std::string admin_url() {
  if (auto url = env("STRATA_TEST_PG_URL")) return *url;
  if (auto file = env("STRATA_TEST_PG_URL_FILE")) {
    std::ifstream in{*file};
    std::stringstream content;
    content << in.rdbuf();
    std::string url = trim(content.str());
    if (!in || url.empty()) {
      throw std::runtime_error(
          fmt::format("STRATA_TEST_PG_URL_FILE={} cannot be read or is empty: the test PostgreSQL "
                      "server is not running. Run the tests through ctest (its postgres_start fixture "
                      "starts one) or tools/check, or set STRATA_TEST_PG_URL.",
                      *file));
    }
    return url;
  }
  throw std::runtime_error(
      "no PostgreSQL test server: run the suite with tools/check (or ctest in the build "
      "directory, which starts a throwaway server), or set STRATA_TEST_PG_URL to the URL of "
      "a server where the tests may create and drop databases, e.g. "
      "STRATA_TEST_PG_URL=$(tools/pg-throwaway start /tmp/strata-pg)");
}

std::optional<std::string> crdb_url() {
  return env("STRATA_TEST_CRDB_URL");
}

std::string to_string(Server server) {
  return server == Server::postgres ? "postgres" : "cockroachdb";
}

std::vector<Server> servers_under_test() {
  std::vector<Server> servers{Server::postgres};
  if (crdb_url()) servers.push_back(Server::cockroachdb);
  return servers;
}

std::string with_database(std::string_view url, std::string_view database) {
  return url_with_database(url, database);
}

std::string unique_database_name() {
  static std::atomic<unsigned> counter{0};
  std::string base = "strata_test";
  if (const auto* info = ::testing::UnitTest::GetInstance()->current_test_info()) {
    base = std::string{info->test_suite_name()} + "_" + info->name();
  }
  std::string stem;
  for (unsigned char c : base) {
    const char mapped = std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
    if (mapped == '_' && !stem.empty() && stem.back() == '_') continue;  // no runs of _
    stem += mapped;
  }
  const std::string suffix = fmt::format("_{}_{}", static_cast<long>(::getpid()), ++counter);
  if (stem.size() + suffix.size() > max_identifier_bytes) {
    stem.resize(max_identifier_bytes - suffix.size());
  }
  return stem + suffix;
}

TestDatabase::TestDatabase(Server server)
    : server_{server}, server_url_{server_url_for(server)}, name_{unique_database_name()} {
  url_ = with_database(server_url_, name_);
  try {
    pqxx::connection admin{server_url_};
    pqxx::nontransaction tx{admin};
    tx.exec0(drop_statement(server_, admin, name_));
    tx.exec0("CREATE DATABASE " + admin.quote_name(name_));
  } catch (const std::exception& e) {
    throw std::runtime_error(
        fmt::format("cannot create test database {} on the {} test server: {}", name_, to_string(server_), e.what()));
  }
}

TestDatabase TestDatabase::on_cockroachdb() {
  return TestDatabase{Server::cockroachdb};
}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : server_{other.server_},
      server_url_{std::move(other.server_url_)},
      name_{std::exchange(other.name_, std::string{})},
      url_{std::move(other.url_)} {}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;  // moved from
  try {
    pqxx::connection admin{server_url_};
    pqxx::nontransaction tx{admin};
    tx.exec0(drop_statement(server_, admin, name_));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "warning: cannot drop test database %s: %s\n", name_.c_str(), e.what());
  } catch (...) {
    std::fprintf(stderr, "warning: cannot drop test database %s\n", name_.c_str());
  }
}

}  // namespace strata::testing
