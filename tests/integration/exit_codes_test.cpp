// The exit codes of every command, against the real PostgreSQL: each command gives each code it
// can give, for the reason the table says (README, `strata --help`, docs/json.md):
//   0 success; 1 stopped for a person to decide; 2 bad input; 3 the database could not be used
//   (unreachable, or strata's lock held past --lock-wait); 4 the database refused or a job failed.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::run_command;
using testing::strata_binary;

const std::string kUnreachable = "postgresql://nobody@127.0.0.1:1/none";
const std::string kAdvisoryKey = "126943972389985";  // engine/lock/advisory_lock.cpp

CommandResult strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return run_command(args, {"DATABASE_URL="});
}

// A declared schema in a file of its own.
class SchemaFile {
 public:
  explicit SchemaFile(const std::string& yaml) : dir_() {
    path_ = dir_.path() / "schema.yaml";
    std::ofstream(path_) << yaml;
  }
  std::string path() const { return path_.string(); }

 private:
  MigrationDir dir_;
  fs::path path_;
};

const char* const kUsers = "tables:\n  users:\n    primary_key: [id]\n    columns:\n      id: { type: bigint }\n";

// Another strata, as far as strata's advisory lock goes: holds it until destroyed.
class LockHolder {
 public:
  explicit LockHolder(const std::string& url) : connection_(url) {
    pqxx::nontransaction(connection_).exec("SELECT pg_advisory_lock(" + kAdvisoryKey + ")");
  }

 private:
  pqxx::connection connection_;
};

MigrationDir two_migrations() {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_posts", "CREATE TABLE posts (id int PRIMARY KEY);", "DROP TABLE posts;");
  dir.hash();
  return dir;
}

void expect_code(const CommandResult& result, int code, const std::string& why) {
  EXPECT_EQ(result.exit_code, code) << why << "\nstdout: " << result.out << "\nstderr: " << result.err;
}

TEST(ExitCodes, Plan) {
  testing::TestDatabase db;
  SchemaFile schema(kUsers);
  expect_code(strata({"plan", "--url", db.url(), "--schema", schema.path()}), 0, "a plan");
  expect_code(strata({"plan", "--url", db.url(), "--schema", "/nonexistent.yaml"}), 2, "no such schema file");
  expect_code(strata({"plan", "--url", db.url()}), 2, "no --schema");
  expect_code(strata({"plan", "--url", kUnreachable, "--schema", schema.path()}), 3, "unreachable");
}

TEST(ExitCodes, Apply) {
  testing::TestDatabase db;
  SchemaFile schema(kUsers);
  auto with = [&](const std::string& path, std::vector<std::string> more = {}, const std::string& url = "") {
    std::vector<std::string> args = {"apply",          "--url",    url.empty() ? db.url() : url,
                                     "--auto-approve", "--schema", path};
    args.insert(args.end(), more.begin(), more.end());
    return strata(args);
  };
  expect_code(with(schema.path()), 0, "applied");
  expect_code(with(schema.path()), 0, "nothing to do");
  expect_code(strata({"apply", "--url", db.url(), "--schema", schema.path()}), 2,
              "not on a terminal and no --auto-approve");
  expect_code(with("/nonexistent.yaml"), 2, "no such schema file");
  expect_code(with(schema.path(), {}, kUnreachable), 3, "unreachable");
  {
    LockHolder other(db.url());
    const auto waited = with(schema.path(), {"--lock-wait", "0"});
    expect_code(waited, 3, "another strata holds the lock past --lock-wait");
    EXPECT_THAT(waited.err, HasSubstr("waiting for strata's lock"));
  }
  pqxx::connection c(db.url());
  pqxx::nontransaction(c).exec("INSERT INTO users VALUES (1)");
  SchemaFile not_null(std::string(kUsers) + "      tier: { type: int }\n");
  expect_code(with(not_null.path()), 1, "a hazard not allowed (not-null-without-default)");
  expect_code(with(not_null.path(), {"--allow-hazards", "all"}), 4, "the server refuses NOT NULL on a table with rows");
  expect_code(with(not_null.path(), {"--dry-run"}), 1, "a dry run refuses a hazard too");
}

TEST(ExitCodes, Inspect) {
  testing::TestDatabase db;
  expect_code(strata({"inspect", "--url", db.url()}), 0, "inspected");
  expect_code(strata({"inspect", "--url", db.url(), "--format", "xml"}), 2, "no such format");
  expect_code(strata({"inspect"}), 2, "no URL");
  expect_code(strata({"inspect", "--url", kUnreachable}), 3, "unreachable");
}

TEST(ExitCodes, Ddl) {
  SchemaFile schema(kUsers);
  SchemaFile bad("tables:\n  users:\n    columns:\n      id: { type: 12 }\n");
  expect_code(strata({"ddl", "--schema", schema.path()}), 0, "DDL");
  expect_code(strata({"ddl", "--schema", bad.path()}), 2, "a bad schema");
  expect_code(strata({"ddl", "--schema", schema.path(), "--dialect", "oracle"}), 2, "no such dialect");
}

TEST(ExitCodes, Lock) {
  testing::TestDatabase db;
  expect_code(strata({"lock", "status", "--url", db.url()}), 0, "status");
  expect_code(strata({"lock", "release", "--force", "--url", db.url()}), 0, "release");
  expect_code(strata({"lock", "release", "--url", db.url()}), 2, "release without --force");
  expect_code(strata({"lock", "status", "--url", kUnreachable}), 3, "unreachable");
  expect_code(strata({"lock", "release", "--force", "--url", kUnreachable}), 3, "unreachable");
}

TEST(ExitCodes, MigrateUp) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  {
    LockHolder other(db.url());
    expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d, "--lock-wait", "0"}), 3,
                "another strata holds the lock past --lock-wait");
  }
  expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d}), 0, "applied");
  expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d}), 0, "nothing to do");
  expect_code(strata({"migrate", "up", "--url", kUnreachable, "--dir", d}), 3, "unreachable");
  expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d + "/nope"}), 2, "no directory");
  dir.add("3_bad", "CREATE TABLE c (id int);\nINSERT INTO nowhere VALUES (1);", std::nullopt);
  expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d}), 2, "a file strata.sum does not know");
  dir.hash();
  expect_code(strata({"migrate", "up", "--url", db.url(), "--dir", d}), 4, "a statement the server refused");

  MigrationDir steps;
  steps.add("1_steps", "-- strata:no-transaction\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);", std::nullopt);
  steps.hash();
  testing::TestDatabase other_db;
  expect_code(strata({"migrate", "up", "--url", other_db.url(), "--dir", steps.path().string()}), 0, "applied");
  pqxx::connection c(other_db.url());
  pqxx::nontransaction(c).exec(
      "UPDATE strata_schema_history SET state = 'partial', statements_applied = 1, statement_started = 2, "
      "statement_started_at = now(), finished_at = NULL, success = false");
  expect_code(strata({"migrate", "up", "--url", other_db.url(), "--dir", steps.path().string()}), 1,
              "a statement a killed strata left unconfirmed: a person decides");
}

TEST(ExitCodes, MigrateDownAndGoto) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  expect_code(strata({"migrate", "goto", "2", "--url", db.url(), "--dir", d}), 0, "went to 2");
  expect_code(strata({"migrate", "goto", "7", "--url", db.url(), "--dir", d}), 2, "no migration 7");
  expect_code(strata({"migrate", "goto", "1", "--url", kUnreachable, "--dir", d}), 3, "unreachable");
  {
    LockHolder other(db.url());
    expect_code(strata({"migrate", "down", "--url", db.url(), "--dir", d, "--lock-wait", "0"}), 3,
                "another strata holds the lock past --lock-wait");
    expect_code(strata({"migrate", "goto", "0", "--url", db.url(), "--dir", d, "--lock-wait", "0"}), 3,
                "another strata holds the lock past --lock-wait");
  }
  expect_code(strata({"migrate", "down", "--url", db.url(), "--dir", d}), 0, "reverted 2");
  expect_code(strata({"migrate", "down", "--url", kUnreachable, "--dir", d}), 3, "unreachable");
  expect_code(strata({"migrate", "down", "x", "--url", db.url(), "--dir", d}), 2, "N is not a number");
  dir.write("1_users.down.sql", "DROP TABLE nosuch;");
  dir.hash();
  expect_code(strata({"migrate", "down", "--url", db.url(), "--dir", d}), 4, "the down file fails");
  expect_code(strata({"migrate", "goto", "0", "--url", db.url(), "--dir", d}), 4, "the down file fails");
}

TEST(ExitCodes, MigrateStatusHashAndNew) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  expect_code(strata({"migrate", "status", "--url", db.url(), "--dir", d}), 0, "status");
  expect_code(strata({"migrate", "status", "--url", kUnreachable, "--dir", d}), 3, "unreachable");
  expect_code(strata({"migrate", "status", "--url", db.url(), "--dir", d + "/nope"}), 2, "no directory");
  expect_code(strata({"migrate", "hash", "--dir", d}), 0, "hashed");
  dir.write("x_bad.up.sql", "SELECT 1;");
  expect_code(strata({"migrate", "hash", "--dir", d}), 2, "a file name that is not a migration's");
  fs::remove(dir.path() / "x_bad.up.sql");
  expect_code(strata({"migrate", "new", "hand_written", "--dir", d}), 0, "an empty pair");
  expect_code(strata({"migrate", "new", "bad name", "--dir", d}), 2, "a name with a space");
  SchemaFile schema(kUsers);
  expect_code(strata({"migrate", "new", "users", "--dir", d, "--schema", schema.path(), "--dev-url", kUnreachable}), 3,
              "unreachable scratch server");
}

TEST(ExitCodes, MigrateRepairAndSet) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  expect_code(strata({"migrate", "set", "1", "--url", db.url(), "--dir", d}), 2, "no terminal to ask and no --force");
  expect_code(strata({"migrate", "set", "1", "--url", db.url(), "--dir", d, "--force"}), 0, "recorded");
  expect_code(strata({"migrate", "set", "9", "--url", db.url(), "--dir", d, "--force"}), 2, "no migration 9");
  expect_code(strata({"migrate", "set", "1", "--url", kUnreachable, "--dir", d, "--force"}), 3, "unreachable");
  expect_code(strata({"migrate", "repair", "--applied", "--url", db.url(), "--dir", d, "--force"}), 2,
              "nothing to repair");
  {
    LockHolder other(db.url());
    expect_code(strata({"migrate", "set", "2", "--url", db.url(), "--dir", d, "--force", "--lock-wait", "0"}), 3,
                "another strata holds the lock past --lock-wait");
  }
}

TEST(ExitCodes, Check) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  expect_code(strata({"check", "--dir", d}), 0, "clean");
  dir.add("3_tier", "ALTER TABLE users ADD COLUMN tier int NOT NULL;", std::nullopt);
  dir.hash();
  expect_code(strata({"check", "--dir", d}), 1, "a lint finding");
  expect_code(strata({"check", "--dir", d, "--format", "yaml"}), 2, "no such format");
  expect_code(strata({"check", "--dir", d, "--url", kUnreachable}), 3, "unreachable");
}

TEST(ExitCodes, HelpAndCompletion) {
  expect_code(strata({"help"}), 0, "help");
  expect_code(strata({"help", "migrate", "up"}), 0, "a command's help");
  expect_code(strata({"help", "aply"}), 2, "no such command");
  expect_code(strata({"completion", "bash"}), 0, "a script");
  expect_code(strata({"completion", "tcsh"}), 2, "no such shell");
  expect_code(strata({}), 2, "no command");
  expect_code(strata({"aply"}), 2, "no such command");
}

}  // namespace
}  // namespace strata
