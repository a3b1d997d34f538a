// Scratch databases left behind by a killed strata are found and dropped by the next one that
// makes a scratch database (`migrate new`, `check --dev-url`): their names say which session made
// them, and a session that is gone (or a pid reused by another session) marks them stale, while a
// scratch database whose creator still runs is left alone.
#include <signal.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "migrations/scratch_database.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

using testing::eventually;
using testing::MigrationDir;
using testing::Process;
using testing::query_value;
using testing::run_command;
using testing::strata_binary;

struct Session {
  std::string pid;
  std::string started;
};

Session session_of(pqxx::connection& connection) {
  pqxx::nontransaction tx(connection);
  const auto row = tx.exec1(
      "SELECT pid, extract(epoch FROM backend_start)::bigint FROM pg_stat_activity WHERE pid = "
      "pg_backend_pid()");
  return {row[0].c_str(), row[1].c_str()};
}

bool database_exists(const std::string& name) {
  return query_value(testing::admin_url(), "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") == "1";
}

bool session_gone(const std::string& pid) {
  return query_value(testing::admin_url(), "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == "0";
}

void create_database(const std::string& name) {
  pqxx::connection admin(testing::admin_url());
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
}

void drop_database(const std::string& name) {
  pqxx::connection admin(testing::admin_url());
  pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

TEST(ScratchDatabase, NamesSayWhoMadeThemAndWhen) {
  const auto name = migrations::parse_scratch_name("strata_scratch_1790000000_4242_00abcd");
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->started, 1790000000);
  EXPECT_EQ(name->pid, 4242);
  EXPECT_FALSE(migrations::parse_scratch_name("strata_scratch_5f3a9c01beef").has_value()) << "an older strata's";
  EXPECT_FALSE(migrations::parse_scratch_name("strata_scratch_12_x_ab").has_value());
  EXPECT_FALSE(migrations::parse_scratch_name("app_1790000000_4242_00abcd").has_value());
}

TEST(ScratchDatabase, OnesWhoseCreatorIsGoneAreDroppedOthersAreLeftAlone) {
  testing::MigrationDir dir;
  dir.write("schema.yaml", "tables:\n  t:\n    columns: {id: int}\n");
  std::filesystem::create_directories(dir.path() / "migrations");

  std::string dead, reused;
  {
    pqxx::connection gone(testing::admin_url());
    const Session s = session_of(gone);
    dead = "strata_scratch_" + s.started + "_" + s.pid + "_dead01";
    gone.disconnect();
    ASSERT_TRUE(eventually([&] { return session_gone(s.pid); }));
  }
  pqxx::connection alive(testing::admin_url());
  const Session s = session_of(alive);
  const std::string live = "strata_scratch_" + s.started + "_" + s.pid + "_live01";
  reused = "strata_scratch_" + std::to_string(std::stoll(s.started) - 100) + "_" + s.pid + "_reuse1";
  const std::string older_strata = "strata_scratch_5f3a9c01beef";
  for (const auto& name : {dead, live, reused, older_strata}) create_database(name);

  const auto check = run_command({strata_binary(), "check", "--dir", (dir.path() / "migrations").string(), "--schema",
                                  (dir.path() / "schema.yaml").string(), "--dev-url", testing::admin_url()});
  EXPECT_LE(check.exit_code, 1) << check.err;
  EXPECT_FALSE(database_exists(dead)) << "its creating session is gone";
  EXPECT_FALSE(database_exists(reused)) << "its pid belongs to a later session now";
  EXPECT_TRUE(database_exists(live)) << "its creator still runs";
  EXPECT_TRUE(database_exists(older_strata)) << "a name strata cannot read says nothing about its creator";
  for (const auto& name : {dead, live, reused, older_strata}) drop_database(name);
}

TEST(ScratchDatabase, OneLeftByAKilledMigrateNewIsDroppedByTheNextRun) {
  testing::MigrationDir dir;
  dir.write("schema.yaml", "tables:\n  t:\n    columns: {id: int}\n");
  const auto slow = dir.path() / "slow";
  std::filesystem::create_directories(slow);
  std::ofstream(slow / "1_slow.up.sql") << "SELECT pg_sleep(600);\n";  // keeps the replay busy
  ASSERT_EQ(run_command({strata_binary(), "migrate", "hash", "--dir", slow.string()}).exit_code, 0);
  Process victim({strata_binary(), "migrate", "new", "next", "--schema", (dir.path() / "schema.yaml").string(), "--dir",
                  slow.string(), "--url", testing::admin_url()});
  std::string left;
  ASSERT_TRUE(eventually([&] {
    left = query_value(testing::admin_url(),
                       "SELECT datname FROM pg_stat_activity WHERE datname LIKE 'strata\\_scratch\\_%' AND query LIKE "
                       "'%pg_sleep(600)%' AND state = 'active'");
    return !left.empty();
  })) << victim.err_so_far();
  victim.signal(SIGKILL);
  victim.wait();
  const auto name = migrations::parse_scratch_name(left);
  ASSERT_TRUE(name.has_value()) << left;
  ASSERT_TRUE(eventually([&] { return session_gone(std::to_string(name->pid)); }));
  ASSERT_TRUE(database_exists(left)) << "the killed strata could not drop it";

  std::filesystem::create_directories(dir.path() / "empty");
  const auto next =
      run_command({strata_binary(), "migrate", "new", "first", "--schema", (dir.path() / "schema.yaml").string(),
                   "--dir", (dir.path() / "empty").string(), "--url", testing::admin_url()});
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_FALSE(database_exists(left)) << "the next run drops what the killed one left";
  drop_database(left);
}

}  // namespace
}  // namespace strata
