// `strata migrate up` as real processes on the real PostgreSQL: eight at once apply each migration
// exactly once (with PostgreSQL's advisory lock and with the lease CockroachDB needs), and a
// migrator killed with SIGKILL at random points leaves a history that a rerun completes without
// repeating a statement (every statement here fails if it runs twice).
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/case_files.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::env_int;

using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::Process;
using testing::strata_binary;

MigrationDir counted_migrations() {
  MigrationDir dir;
  dir.add("1_runs", "CREATE TABLE runs (version int PRIMARY KEY);\nINSERT INTO runs VALUES (1);", "DROP TABLE runs;");
  dir.add("2_slow", "INSERT INTO runs VALUES (2);\nSELECT pg_sleep(0.05);", "DELETE FROM runs WHERE version = 2;");
  dir.add("3_outside", "-- strata:no-transaction\nINSERT INTO runs VALUES (3);\nCREATE TABLE done (id int);",
          "DROP TABLE done; DELETE FROM runs WHERE version = 3;");
  dir.hash();
  return dir;
}

void eight_at_once(const std::string& lock) {
  MigrationDir dir = counted_migrations();
  for (int round = 0; round < env_int("STRATA_TEST_ROUNDS", 20); ++round) {
    testing::TestDatabase db;
    std::vector<std::unique_ptr<Process>> runs;
    for (int i = 0; i < 8; ++i) {
      runs.push_back(std::make_unique<Process>(std::vector<std::string>{
          strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string(), "--lock", lock}));
    }
    int applied = 0, nothing = 0;
    for (auto& run : runs) {
      const auto result = run->wait();
      ASSERT_EQ(result.exit_code, 0) << "round " << round << ": " << result.err;
      if (result.out.find("applied 3 migrations") != std::string::npos) ++applied;
      if (result.out.find("Nothing to do") != std::string::npos) ++nothing;
    }
    EXPECT_EQ(applied, 1) << "round " << round;
    EXPECT_EQ(nothing, 7) << "round " << round;
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    EXPECT_EQ(tx.exec("SELECT count(*) FROM runs")[0][0].as<int>(), 3) << "round " << round;
    EXPECT_EQ(tx.exec("SELECT count(*) FROM strata_schema_history WHERE state = 'applied'")[0][0].as<int>(), 3);
  }
}

TEST(MigrateProcesses, EightAtOnceApplyEachMigrationOnceWithTheAdvisoryLock) {
  eight_at_once("advisory");
}

TEST(MigrateProcesses, EightAtOnceApplyEachMigrationOnceWithTheLease) {
  eight_at_once("lease");
}

// Files of many statements, each of which fails when repeated, in a transaction and outside one.
MigrationDir killable_migrations(int tables) {
  MigrationDir dir;
  std::string in_transaction, outside = "-- strata:no-transaction\n";
  for (int i = 0; i < tables; ++i) {
    in_transaction += "CREATE TABLE a" + std::to_string(i) + " (id int);\nSELECT pg_sleep(0.002);\n";
    outside += "CREATE TABLE b" + std::to_string(i) + " (id int);\nSELECT pg_sleep(0.002);\n";
  }
  dir.add("1_first", "CREATE TABLE first (id int);", "DROP TABLE first;");
  dir.add("2_in_transaction", in_transaction, std::nullopt);
  dir.add("3_outside", outside, std::nullopt);
  dir.add("4_last", "CREATE TABLE last (id int);", "DROP TABLE last;");
  dir.hash();
  return dir;
}

TEST(MigrateProcesses, AMigratorKilledAnywhereIsCompletedByTheNextRun) {
  constexpr int kTables = 15;
  MigrationDir dir = killable_migrations(kTables);
  std::mt19937 random(static_cast<unsigned>(env_int("STRATA_TEST_SEED", 20261123)));
  std::uniform_int_distribution<int> delay_ms(0, 400);
  int killed_mid_run = 0;
  for (int round = 0; round < env_int("STRATA_TEST_KILL_ROUNDS", 50); ++round) {
    testing::TestDatabase db;
    const std::vector<std::string> up = {strata_binary(), "migrate",           "up",          "--url", db.url(),
                                         "--dir",         dir.path().string(), "--lock-wait", "60"};
    {
      Process victim(up);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
      if (victim.running()) ++killed_mid_run;
      victim.signal(SIGKILL);
      victim.wait();
    }
    const auto rerun = testing::run_command(up);
    ASSERT_EQ(rerun.exit_code, 0) << "round " << round << ": " << rerun.err;
    const auto tables = testing::table_names(db.url());
    EXPECT_EQ(tables.size(), 2u + 2u * kTables) << "round " << round;
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    const auto history = tx.exec(
        "SELECT version, state, statements_applied, statements_total, statement_started IS NULL "
        "FROM strata_schema_history ORDER BY version");
    ASSERT_EQ(history.size(), 4u) << "round " << round;
    for (const auto& row : history) {
      EXPECT_STREQ(row[1].c_str(), "applied") << "round " << round << " version " << row[0].c_str();
      EXPECT_EQ(row[2].as<int>(), row[3].as<int>());
      EXPECT_TRUE(row[4].as<bool>());
    }
  }
  EXPECT_GT(killed_mid_run, 0) << "no kill landed while a migrator ran: the test proved nothing";
}

}  // namespace
}  // namespace strata
