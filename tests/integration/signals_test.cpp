// SIGINT and SIGTERM sent to real `strata migrate up` and `strata apply` processes on PostgreSQL,
// while their first migration or step waits for a table lock the test holds: the first signal lets
// the migration (step) finish and be recorded, then stops with 130 (143) saying what was left; a
// second signal stops at once, and the migration it interrupted is rolled back and not recorded.
// The signal is sent once the run has said, on standard error, that it started.
#include <signal.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

using testing::eventually;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::Process;
using testing::query_value;
using testing::strata_binary;

// Holds an ACCESS EXCLUSIVE lock on `table` until release(): whatever touches it waits.
class Gate {
 public:
  Gate(const std::string& url, const std::string& table) : connection_(url), tx_(connection_) {
    tx_.exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
  }
  void release() { tx_.abort(); }

 private:
  pqxx::connection connection_;
  pqxx::work tx_;
};

void run_sql(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction(connection).exec(sql);
}

bool waits_for_a_lock(const std::string& url) {
  return !query_value(url,
                      "SELECT pid FROM pg_stat_activity WHERE application_name = 'strata' AND wait_event_type = "
                      "'Lock' AND datname = current_database()")
              .empty();
}

MigrationDir gated_migrations() {
  MigrationDir dir;
  dir.add("1_one", "LOCK TABLE gate IN ACCESS EXCLUSIVE MODE;\nCREATE TABLE one (id int);", "DROP TABLE one;");
  dir.add("2_two", "CREATE TABLE two (id int);", "DROP TABLE two;");
  dir.add("3_three", "CREATE TABLE three (id int);", "DROP TABLE three;");
  dir.hash();
  return dir;
}

std::vector<std::string> migrate_up(const testing::TestDatabase& db, const MigrationDir& dir) {
  return {strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string(), "--lock-timeout", "0"};
}

// Starts `argv`, waits until it reports `started` and waits for the gate, and sends `signal`.
std::unique_ptr<Process> start_and_signal(const std::vector<std::string>& argv, const std::string& url,
                                          const std::string& started, int signal) {
  auto process = std::make_unique<Process>(argv);
  EXPECT_TRUE(eventually([&] { return process->err_so_far().find(started) != std::string::npos; }))
      << process->err_so_far();
  EXPECT_TRUE(eventually([&] { return waits_for_a_lock(url); })) << process->err_so_far();
  process->signal(signal);
  EXPECT_TRUE(eventually([&] { return process->err_so_far().find("stopping after") != std::string::npos; }))
      << process->err_so_far();
  return process;
}

TEST(Signals, SigintDuringMigrateUpFinishesTheMigrationRecordsItAndStops) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE gate (id int)");
  MigrationDir dir = gated_migrations();
  Gate gate(db.url(), "gate");
  auto run = start_and_signal(migrate_up(db, dir), db.url(), "applying 1 one", SIGINT);
  gate.release();
  const auto result = run->wait();
  EXPECT_EQ(result.exit_code, 130) << result.err;
  EXPECT_THAT(result.err, HasSubstr("after up 1 (one), which is done and recorded"));
  EXPECT_THAT(result.err, HasSubstr("2 migrations were not run: up 2 (two), up 3 (three)"));
  EXPECT_EQ(query_value(db.url(),
                        "SELECT string_agg(version::text || ':' || state, ',' ORDER BY version) FROM "
                        "strata_schema_history"),
            "1:applied");
  EXPECT_EQ(query_value(db.url(), "SELECT to_regclass('one') IS NOT NULL"), "t");
  EXPECT_EQ(query_value(db.url(), "SELECT to_regclass('two') IS NULL"), "t");

  const auto rest = testing::run_command(migrate_up(db, dir));
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_THAT(rest.out, HasSubstr("applied 2 migrations"));
}

TEST(Signals, ASecondSigtermStopsAtOnceAndNothingOfTheMigrationIsRecorded) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE gate (id int)");
  MigrationDir dir = gated_migrations();
  Gate gate(db.url(), "gate");
  auto run = start_and_signal(migrate_up(db, dir), db.url(), "applying 1 one", SIGTERM);
  run->signal(SIGTERM);
  const auto result = run->wait();
  gate.release();
  EXPECT_EQ(result.exit_code, 143) << result.err;
  EXPECT_THAT(result.err, HasSubstr("stopped at once"));
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM strata_schema_history WHERE state = 'applied'"), "0");
  EXPECT_EQ(query_value(db.url(), "SELECT to_regclass('one') IS NULL"), "t") << "its transaction was rolled back";
  const auto again = testing::run_command(migrate_up(db, dir));
  EXPECT_EQ(again.exit_code, 0) << again.err;
}

TEST(Signals, SigintDuringApplyFinishesTheStepAndSaysWhatWasLeft) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE gate (id int)");
  MigrationDir files;
  files.write("schema.yaml",
              "tables:\n  gate:\n    columns:\n      id: { type: int, nullable: true }\n"
              "      a: { type: int, nullable: true }\n      b: { type: int, nullable: true }\n"
              "      c: { type: int, nullable: true }\n");
  Gate gate(db.url(), "gate");
  auto run = start_and_signal({strata_binary(), "apply", "--url", db.url(), "--schema",
                               (files.path() / "schema.yaml").string(), "--auto-approve", "--lock-timeout", "0"},
                              db.url(), "[1/3] add column a to table gate", SIGINT);
  gate.release();
  const auto result = run->wait();
  EXPECT_EQ(result.exit_code, 130) << result.err;
  EXPECT_THAT(result.err, HasSubstr("after step 1 of 3, which is applied; 2 steps of 3 were not run"));
  EXPECT_THAT(result.err, HasSubstr("step 2: add column b to table gate"));
  EXPECT_THAT(result.err, HasSubstr("step 3: add column c to table gate"));
  EXPECT_EQ(query_value(db.url(),
                        "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = "
                        "'gate'::regclass AND attnum > 0"),
            "id,a");
}

}  // namespace
}  // namespace strata
