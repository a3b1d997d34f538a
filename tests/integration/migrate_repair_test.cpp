// `strata migrate repair` and `strata migrate set` on the real PostgreSQL: a failed or half-done
// migration a person fixed by hand is resolved, a deliberate edit of an applied file is accepted,
// the database's version is stated; each says what it will change, refuses without --force when
// no one can be asked, and the history names who did it and when.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using testing::MigrationDir;
using ::testing::Not;
using testing::run_command;
using testing::strata_binary;

CommandResult migrate(const testing::TestDatabase& db, const MigrationDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {strata_binary(), "migrate"});
  args.insert(args.end(), {"--url", db.url(), "--dir", dir.path().string()});
  return run_command(args);
}

struct Row {
  std::string state;
  std::string checksum;
  std::string applied_by;
  bool finished = false;
};

std::optional<Row> history_row(const testing::TestDatabase& db, int version) {
  pqxx::connection c(db.url());
  pqxx::nontransaction tx(c);
  const auto rows = tx.exec_params(
      "SELECT state, checksum, applied_by, finished_at IS NOT NULL FROM strata_schema_history WHERE version = $1",
      version);
  if (rows.empty()) return std::nullopt;
  return Row{rows[0][0].c_str(), rows[0][1].c_str(), rows[0][2].c_str(), rows[0][3].as<bool>()};
}

std::string state_of(const testing::TestDatabase& db, const MigrationDir& dir, int version) {
  const auto status = migrate(db, dir, {"status", "--format", "json"});
  const auto document = nlohmann::json::parse(status.out);
  for (const auto& m : document["migrations"]) {
    if (m["version"] == version) return m["state"];
  }
  return "";
}

// 1 applied; 2 failed (its second statement refers to a table that does not exist).
MigrationDir with_a_failed_migration(const testing::TestDatabase& db) {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_posts", "CREATE TABLE posts (id int);\nINSERT INTO authors VALUES (1);", "DROP TABLE posts;");
  dir.hash();
  EXPECT_EQ(migrate(db, dir, {"up"}).exit_code, 4);
  EXPECT_EQ(state_of(db, dir, 2), "failed");
  return dir;
}

TEST(MigrateRepair, AFailedMigrationFinishedByHandIsRecordedApplied) {
  testing::TestDatabase db;
  MigrationDir dir = with_a_failed_migration(db);
  {  // a person does what the file meant
    pqxx::connection c(db.url());
    pqxx::nontransaction(c).exec("CREATE TABLE posts (id int)");
  }
  const auto refused = migrate(db, dir, {"repair", "--applied"});
  EXPECT_EQ(refused.exit_code, 2) << "no terminal and no --force";
  EXPECT_THAT(refused.out, HasSubstr("migration 2 (posts): failed -> applied")) << "it says what it would change";
  EXPECT_THAT(refused.err, HasSubstr("--force"));
  EXPECT_EQ(state_of(db, dir, 2), "failed") << "nothing was written";

  const auto dry = migrate(db, dir, {"repair", "--applied", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr("Dry run"));
  EXPECT_EQ(state_of(db, dir, 2), "failed");

  const auto repaired = migrate(db, dir, {"repair", "--applied", "--force"});
  ASSERT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_THAT(repaired.out, HasSubstr("migration 2 (posts): failed -> applied"));
  const auto row = history_row(db, 2);
  ASSERT_TRUE(row);
  EXPECT_EQ(row->state, "applied");
  EXPECT_TRUE(row->finished) << "when";
  EXPECT_THAT(row->applied_by, HasSubstr("@")) << "who";
  EXPECT_THAT(row->applied_by, HasSubstr("strata migrate repair --applied"));
  EXPECT_THAT(migrate(db, dir, {"status"}).out, HasSubstr("marked by "));
  const auto up = migrate(db, dir, {"up"});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, HasSubstr("Nothing to do"));
}

TEST(MigrateRepair, AHalfDoneMigrationUndoneByHandIsPendingAgain) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_steps", "-- strata:no-transaction\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nBOGUS;",
          std::nullopt);
  dir.hash();
  ASSERT_EQ(migrate(db, dir, {"up"}).exit_code, 4);
  ASSERT_EQ(state_of(db, dir, 1), "partial");
  EXPECT_EQ(migrate(db, dir, {"repair", "1", "--applied", "--rolled-back", "--force"}).exit_code, 2)
      << "one outcome at a time";
  {
    pqxx::connection c(db.url());
    pqxx::nontransaction(c).exec("DROP TABLE a; DROP TABLE b");
  }
  const auto repaired = migrate(db, dir, {"repair", "1", "--rolled-back", "--force"});
  ASSERT_EQ(repaired.exit_code, 0) << repaired.err;
  EXPECT_THAT(repaired.out, HasSubstr("migration 1 (steps): partial -> pending"));
  EXPECT_FALSE(history_row(db, 1));
  dir.write("1_steps.up.sql", "-- strata:no-transaction\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);");
  dir.hash();
  ASSERT_EQ(migrate(db, dir, {"up"}).exit_code, 0) << "it runs from the start";
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b"));
}

TEST(MigrateRepair, ADeliberateEditOfAnAppliedFileIsAccepted) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", std::nullopt);
  dir.hash();
  ASSERT_EQ(migrate(db, dir, {"up"}).exit_code, 0);
  const std::string before = history_row(db, 1)->checksum;
  dir.write("1_users.up.sql", "-- the comment a reviewer asked for\nCREATE TABLE users (id int PRIMARY KEY);");
  EXPECT_EQ(migrate(db, dir, {"up"}).exit_code, 2) << "an edit not in strata.sum";

  const auto accepted = migrate(db, dir, {"repair", "--accept-edit", "--force"});
  ASSERT_EQ(accepted.exit_code, 0) << accepted.err;
  EXPECT_THAT(accepted.out, HasSubstr("migration 1 (users): modified -> applied: checksum " + before));
  const auto row = history_row(db, 1);
  EXPECT_NE(row->checksum, before);
  EXPECT_THAT(row->applied_by, HasSubstr("accept-edit; was " + before));
  EXPECT_EQ(state_of(db, dir, 1), "applied");
  const auto up = migrate(db, dir, {"up"});
  EXPECT_EQ(up.exit_code, 0) << "strata.sum and the history both know the edit: " << up.err;

  dir.write("1_users.down.sql", "DROP TABLE users;");
  dir.add("2_other", "SELECT 1;", std::nullopt);
  const auto other = migrate(db, dir, {"repair", "1", "--accept-edit", "--force"});
  EXPECT_EQ(other.exit_code, 2) << "1 is not modified any more";
}

TEST(MigrateRepair, SetStatesWhichVersionTheDatabaseIsAt) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_a", "CREATE TABLE a (id int);", "DROP TABLE a;");
  dir.add("2_b", "CREATE TABLE b (id int);", "DROP TABLE b;");
  dir.add("3_c", "CREATE TABLE c (id int);", "DROP TABLE c;");
  dir.hash();
  {  // a person created a and b by hand, before strata was used
    pqxx::connection c(db.url());
    pqxx::nontransaction(c).exec("CREATE TABLE a (id int); CREATE TABLE b (id int)");
  }
  const auto set = migrate(db, dir, {"set", "2", "--force"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("Changed the history: 2 migrations"));
  EXPECT_EQ(state_of(db, dir, 1), "applied");
  EXPECT_EQ(state_of(db, dir, 2), "applied");
  EXPECT_EQ(state_of(db, dir, 3), "pending");
  ASSERT_EQ(migrate(db, dir, {"up"}).exit_code, 0) << "only 3 runs";
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b", "c"));

  {
    pqxx::connection c(db.url());
    pqxx::nontransaction(c).exec("DROP TABLE c");
  }
  const auto back = migrate(db, dir, {"set", "2", "--force", "--format", "json"});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const auto report = nlohmann::json::parse(back.out);
  EXPECT_EQ(report["written"], true);
  ASSERT_EQ(report["changes"].size(), 1u);
  EXPECT_EQ(report["changes"][0]["from"], "applied");
  EXPECT_EQ(report["changes"][0]["to"], "pending");
  EXPECT_EQ(state_of(db, dir, 3), "pending");

  const auto same = migrate(db, dir, {"set", "2", "--force"});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.out, HasSubstr("Nothing to change"));
  EXPECT_THAT(same.out, Not(HasSubstr("->")));
}

}  // namespace
}  // namespace strata
