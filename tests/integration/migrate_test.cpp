// Versioned migrations on the real PostgreSQL, through the library: up, down and goto round trips,
// tampered files, a file failing half way (in a transaction and statement by statement), out-of-
// order versions, CREATE INDEX CONCURRENTLY, and the history's contents.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "migrations/directory.hpp"
#include "migrations/sum.hpp"
#include "strata/migrate.hpp"
#include "support/migration_dir.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using testing::MigrationDir;

std::vector<MigrationState> states(const MigrateStatusReport& report) {
  std::vector<MigrationState> out;
  for (const auto& m : report.migrations) out.push_back(m.state);
  return out;
}

MigrationDir three_migrations() {
  MigrationDir dir;
  dir.add("0001_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);", "DROP TABLE users;");
  dir.add("0002_orders",
          "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\n"
          "CREATE INDEX orders_user_id ON orders (user_id);\n",
          "DROP TABLE orders;");
  dir.add("0003_user_name", "ALTER TABLE users ADD COLUMN name text;", "ALTER TABLE users DROP COLUMN name;");
  dir.hash();
  return dir;
}

TEST(Migrate, UpDownAndGotoMoveTheSchemaAndTheHistoryTogether) {
  testing::TestDatabase db;
  MigrationDir dir = three_migrations();
  Migrator migrator(db.url(), dir.path());

  const MigrateReport up = migrator.up();
  ASSERT_EQ(up.runs.size(), 3u);
  EXPECT_EQ(up.runs[1].version, 2);
  EXPECT_EQ(up.runs[1].statements, 2);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("orders", "users"));
  EXPECT_TRUE(testing::has_column(db.url(), "users", "name"));
  EXPECT_THAT(states(migrator.status()), ::testing::Each(MigrationState::Applied));
  EXPECT_TRUE(migrator.up().runs.empty()) << "a second up finds nothing to do";

  const MigrateReport down = migrator.down();
  ASSERT_EQ(down.runs.size(), 1u);
  EXPECT_EQ(down.runs[0].version, 3);
  EXPECT_TRUE(down.runs[0].down);
  EXPECT_FALSE(testing::has_column(db.url(), "users", "name"));
  EXPECT_THAT(states(migrator.status()),
              ::testing::ElementsAre(MigrationState::Applied, MigrationState::Applied, MigrationState::Pending));

  EXPECT_EQ(migrator.go_to(1).runs.size(), 1u);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("users"));
  EXPECT_EQ(migrator.go_to(3).runs.size(), 2u);
  EXPECT_TRUE(testing::has_column(db.url(), "users", "name"));
  EXPECT_EQ(migrator.go_to(0).runs.size(), 3u);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::IsEmpty());
  EXPECT_THAT(states(migrator.status()), ::testing::Each(MigrationState::Pending));
  EXPECT_THROW(migrator.go_to(7), UsageError);
}

TEST(Migrate, TheHistoryRecordsEachMigration) {
  testing::TestDatabase db;
  MigrationDir dir = three_migrations();
  Migrator(db.url(), dir.path()).up(2);
  pqxx::connection c(db.url());
  pqxx::nontransaction tx(c);
  const auto rows = tx.exec(
      "SELECT version, name, state, statements_total, statements_applied, success, finished_at IS NOT NULL, "
      "duration_ms IS NOT NULL, checksum FROM strata_schema_history ORDER BY version");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][0].as<int>(), 2);
  EXPECT_STREQ(rows[1][1].c_str(), "orders");
  EXPECT_STREQ(rows[1][2].c_str(), "applied");
  EXPECT_EQ(rows[1][3].as<int>(), 2);
  EXPECT_EQ(rows[1][4].as<int>(), 2);
  EXPECT_TRUE(rows[1][5].as<bool>());
  EXPECT_TRUE(rows[1][6].as<bool>());
  EXPECT_TRUE(rows[1][7].as<bool>());
  EXPECT_EQ(std::string(rows[1][8].c_str()), migrations::sha256_checksum(dir.text("0002_orders.up.sql")));
}

TEST(Migrate, AnEditedFileIsRefusedUntilHashedAndAnAppliedOneEvenThen) {
  testing::TestDatabase db;
  MigrationDir dir = three_migrations();
  Migrator migrator(db.url(), dir.path());
  migrator.up(1);

  dir.write("0002_orders.up.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);");
  try {
    migrator.up();
    FAIL() << "an edit not in strata.sum must be refused";
  } catch (const LoadError& error) {
    EXPECT_THAT(error.what(), HasSubstr("0002_orders.up.sql"));
    EXPECT_THAT(error.what(), HasSubstr("strata migrate hash"));
  }
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("users")) << "nothing ran";
  dir.hash();  // a pending file may change on purpose
  EXPECT_EQ(migrator.up().runs.size(), 2u);

  dir.write("0001_users.up.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
  dir.hash();
  try {
    migrator.up();
    FAIL() << "an applied migration that changed must be refused";
  } catch (const MigrationChanged& error) {
    EXPECT_THAT(error.what(), HasSubstr("0001_users.up.sql"));
    EXPECT_THAT(error.what(), HasSubstr("changed after it was applied"));
  }
  EXPECT_EQ(states(migrator.status())[0], MigrationState::Modified);
}

TEST(Migrate, AFailingFileIsRolledBackRecordedAsFailedAndRunsAgainOnceFixed) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_a", "CREATE TABLE a (id int);", "DROP TABLE a;");
  dir.add("2_b", "CREATE TABLE b (id int);\nCREATE TABLE c (id int);\n\nINSERT INTO nowhere VALUES (1);\n",
          "DROP TABLE c; DROP TABLE b;");
  dir.hash();
  Migrator migrator(db.url(), dir.path());
  try {
    migrator.up();
    FAIL() << "the second file must fail";
  } catch (const MigrationFailed& error) {
    EXPECT_EQ(error.line(), 4);
    EXPECT_THAT(error.file(), HasSubstr("2_b.up.sql"));
    EXPECT_THAT(error.what(), HasSubstr("2_b.up.sql:4: statement 3 of 3 failed"));
    EXPECT_THAT(error.what(), HasSubstr("rolled back"));
    EXPECT_EQ(error.sqlstate(), "42P01");
  }
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a")) << "the failing file left nothing";
  const auto status = migrator.status();
  EXPECT_THAT(states(status), ::testing::ElementsAre(MigrationState::Applied, MigrationState::Failed));
  EXPECT_THAT(status.migrations[1].error, HasSubstr("nowhere"));

  dir.write("2_b.up.sql", "CREATE TABLE b (id int);\nCREATE TABLE c (id int);\n");
  dir.hash();
  EXPECT_EQ(migrator.up().runs.size(), 1u);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b", "c"));
  EXPECT_THAT(states(migrator.status()), ::testing::Each(MigrationState::Applied));
}

TEST(Migrate, ANoTransactionFileStopsHalfWayAndResumesWithoutRepeatingAStatement) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_split",
          "-- strata:no-transaction\n"
          "CREATE TABLE a (id int);\n"
          "CREATE TABLE b (id int REFERENCES missing);\n"
          "CREATE INDEX CONCURRENTLY a_id ON a (id);\n",
          "DROP TABLE a;");
  dir.hash();
  Migrator migrator(db.url(), dir.path());
  try {
    migrator.up();
    FAIL() << "statement 2 must fail";
  } catch (const MigrationFailed& error) {
    EXPECT_EQ(error.line(), 3);
    EXPECT_THAT(error.what(), HasSubstr("(1 of 3)"));
  }
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a"));
  const auto status = migrator.status();
  ASSERT_EQ(status.migrations.size(), 1u);
  EXPECT_EQ(status.migrations[0].state, MigrationState::Partial);
  EXPECT_EQ(status.migrations[0].statements_applied, 1);

  // The statements after those that took effect may be fixed; statement 1 would fail if repeated.
  dir.write("1_split.up.sql",
            "-- strata:no-transaction\n"
            "CREATE TABLE a (id int);\n"
            "CREATE TABLE b (id int);\n"
            "CREATE INDEX CONCURRENTLY a_id ON a (id);\n");
  dir.hash();
  const auto report = migrator.up();
  ASSERT_EQ(report.runs.size(), 1u);
  EXPECT_EQ(report.runs[0].resumed_from, 2);
  EXPECT_EQ(report.runs[0].statements, 2);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b"));
  EXPECT_TRUE(testing::has_index(db.url(), "a_id"));
  EXPECT_THAT(states(migrator.status()), ::testing::Each(MigrationState::Applied));

  // A statement that took effect must not change.
  dir.write("1_split.up.sql", "-- strata:no-transaction\nCREATE TABLE a (id bigint);\n");
  dir.hash();
  EXPECT_THROW(migrator.up(), MigrationChanged);
}

TEST(Migrate, CreateIndexConcurrentlyInATransactionalFileFailsWithTheHint) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_t", "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n", "");
  dir.hash();
  try {
    Migrator(db.url(), dir.path()).up();
    FAIL() << "CONCURRENTLY cannot run in the file's transaction";
  } catch (const MigrationFailed& error) {
    EXPECT_THAT(error.what(), HasSubstr("1_t.up.sql:2"));
    EXPECT_THAT(error.what(), HasSubstr("transaction block"));
  }
}

TEST(Migrate, APendingVersionBelowAnAppliedOneIsRefusedUnlessAskedFor) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("10_a", "CREATE TABLE a (id int);", "DROP TABLE a;");
  dir.add("30_c", "CREATE TABLE c (id int);", "DROP TABLE c;");
  dir.hash();
  Migrator(db.url(), dir.path()).up();
  dir.add("20_b", "CREATE TABLE b (id int);", "DROP TABLE b;");
  dir.hash();
  try {
    Migrator(db.url(), dir.path()).up();
    FAIL() << "an out-of-order version must be refused";
  } catch (const UsageError& error) {
    EXPECT_THAT(error.what(), HasSubstr("20_b.up.sql"));
    EXPECT_THAT(error.what(), HasSubstr("--out-of-order"));
  }
  MigrateOptions options;
  options.out_of_order = true;
  EXPECT_EQ(Migrator(db.url(), dir.path(), options).up().runs.size(), 1u);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b", "c"));
}

TEST(Migrate, AMigrationWhoseFileIsGoneIsNamed) {
  testing::TestDatabase db;
  MigrationDir dir = three_migrations();
  Migrator(db.url(), dir.path()).up();
  dir.remove("0003_user_name");
  dir.hash();
  Migrator migrator(db.url(), dir.path());
  EXPECT_EQ(states(migrator.status()).back(), MigrationState::Missing);
  try {
    migrator.up();
    FAIL() << "a missing file must stop up";
  } catch (const UsageError& error) {
    EXPECT_THAT(error.what(), HasSubstr("migration 3 (user_name)"));
  }
}

TEST(Migrate, DownWithoutADownFileIsRefusedBeforeAnythingRuns) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_a", "CREATE TABLE a (id int);", "DROP TABLE a;");
  dir.add("2_b", "CREATE TABLE b (id int);", std::nullopt);
  dir.hash();
  Migrator migrator(db.url(), dir.path());
  migrator.up();
  EXPECT_THROW(migrator.down(2), UsageError);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b"));
}

TEST(Migrate, DryRunSaysWhatWouldRunAndChangesNothing) {
  testing::TestDatabase db;
  MigrationDir dir = three_migrations();
  MigrateOptions options;
  options.dry_run = true;
  const auto report = Migrator(db.url(), dir.path(), options).up();
  EXPECT_TRUE(report.dry_run);
  ASSERT_EQ(report.runs.size(), 3u);
  EXPECT_EQ(report.runs[2].name, "user_name");
  EXPECT_THAT(testing::table_names(db.url()), ::testing::IsEmpty());
}

}  // namespace
}  // namespace strata
