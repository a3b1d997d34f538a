// Issue 12's round trip, through the front door: a database an application's DDL built (views
// over joins, a trigger keeping updated_at, a materialized view with an index, comments,
// pgcrypto) is inspected to YAML; that YAML is applied to an empty database, which inspects the
// same. PostgreSQL 15, real servers; nothing of CockroachDB is claimed here.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::run_command;
using testing::strata_binary;

const std::filesystem::path kSource = STRATA_SOURCE_DIR;

// inspect's YAML without its first line (`database: {name: …}`, which names the database read).
std::string without_database_name(const std::string& yaml) {
  return yaml.starts_with("database:") ? yaml.substr(yaml.find('\n') + 1) : yaml;
}

TEST(CliRoundTrip, ARealisticDatabaseInspectsToYamlThatBuildsTheSameDatabase) {
  testing::TestDatabase built;
  const auto psql = run_command({"/usr/bin/psql", "-v", "ON_ERROR_STOP=1", "-q", "-X", "-f",
                                 (kSource / "tests/schemas/realistic.sql").string(), built.url()});
  ASSERT_EQ(psql.exit_code, 0) << psql.err;
  const auto first = run_command({strata_binary(), "inspect", "--url", built.url()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.err, "") << "nothing of this database is left out";
  for (const char* part : {"\nextensions:\n  pgcrypto:", "\nfunctions:\n", "\ntriggers:", "customer_revenue",
                           "order_lines", "comment: People who buy"}) {
    EXPECT_NE(first.out.find(part), std::string::npos) << part << " is not in:\n" << first.out;
  }

  testing::MigrationDir scratch;
  std::ofstream(scratch.path() / "inspected.yaml") << first.out;
  testing::TestDatabase empty;
  const auto apply = run_command({strata_binary(), "apply", "--url", empty.url(), "--schema", scratch.path().string(),
                                  "--auto-approve", "--allow-hazards", "view-refresh"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  const auto second = run_command({strata_binary(), "inspect", "--url", empty.url()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(without_database_name(second.out), without_database_name(first.out));

  // And the trigger runs: an update moves updated_at.
  const auto touched =
      run_command({"/usr/bin/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", empty.url(), "-c",
                   "INSERT INTO customers (email, updated_at) VALUES ('a@b.c', '2000-01-01'); "
                   "UPDATE customers SET name = 'A'; SELECT updated_at > '2000-01-02' FROM customers"});
  EXPECT_EQ(touched.out, "t\n") << touched.err;
}

}  // namespace
}  // namespace strata
