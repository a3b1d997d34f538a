// `strata migrate baseline VERSION` on the real PostgreSQL: a database built by hand (plain psql)
// that has the schema of the migrations up to VERSION is marked as being there, with nothing run,
// whether the migrations are read offline or replayed on a scratch database (--dev-url); a database
// that differs is refused with the differences and nothing recorded. And the refusals of
// `strata migrate import` that need no server.
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
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::run_command;
using testing::strata_binary;

const fs::path kTools = fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/tools";

std::vector<std::string> strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return args;
}

void psql(const std::string& url, const std::string& sql) {
  const auto result =
      run_command({testing::program_on_path("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql});
  ASSERT_EQ(result.exit_code, 0) << result.err;
}

std::int64_t history_rows(const std::string& url) {
  pqxx::connection c(url);
  pqxx::nontransaction tx(c);
  if (tx.exec1("SELECT count(*) FROM pg_tables WHERE tablename = 'strata_schema_history'")[0].as<int>() == 0) return 0;
  return tx.exec1("SELECT count(*) FROM strata_schema_history")[0].as<std::int64_t>();
}

// The Prisma example imported: 20210313140442 (User), 20210314120000 (Post, referencing User).
fs::path imported_prisma(const MigrationDir& dir) {
  const fs::path out = dir.path() / "migrations";
  const auto import = run_command(
      strata({"migrate", "import", "--from", "prisma", (kTools / "prisma").string(), "--to", out.string()}));
  EXPECT_EQ(import.exit_code, 0) << import.out << import.err;
  return out;
}

// What the first Prisma migration makes, typed by hand as someone would have before any tool.
const char* const kUsersByHand =
    "CREATE TABLE \"User\" (id serial CONSTRAINT \"User_pkey\" PRIMARY KEY, email text NOT NULL, name text);"
    "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\" (email)";

class Baseline : public ::testing::TestWithParam<bool> {
 protected:
  // --dev-url when the parameter says so (a scratch database on the test server), else offline.
  std::vector<std::string> with_dev_url(std::vector<std::string> args) const {
    if (GetParam()) {
      args.push_back("--dev-url");
      args.push_back(testing::admin_url());
    }
    return args;
  }
};

TEST_P(Baseline, AMatchingDatabaseIsMarkedAndTheRestRuns) {
  MigrationDir dir;
  const fs::path migrations = imported_prisma(dir);
  testing::TestDatabase db;
  psql(db.url(), kUsersByHand);
  psql(db.url(), "INSERT INTO \"User\" (email) VALUES ('ada@example.com')");

  const auto marked = run_command(
      strata(with_dev_url({"migrate", "baseline", "20210313140442", "--url", db.url(), "--dir", migrations.string()})));
  ASSERT_EQ(marked.exit_code, 0) << marked.out << marked.err;
  EXPECT_THAT(marked.out, HasSubstr("recorded as applied: 20210313140442"));
  EXPECT_THAT(marked.out, HasSubstr(GetParam() ? "replayed on --dev-url" : "read offline"));
  EXPECT_EQ(history_rows(db.url()), 1);

  const auto up = run_command(strata({"migrate", "up", "--url", db.url(), "--dir", migrations.string()}));
  ASSERT_EQ(up.exit_code, 0) << up.out << up.err;
  EXPECT_THAT(up.out, HasSubstr("applied 1 migration."));
  EXPECT_TRUE(testing::has_column(db.url(), "Post", "authorId"));
}

TEST_P(Baseline, ADatabaseThatDiffersIsRefusedWithTheDifferences) {
  MigrationDir dir;
  const fs::path migrations = imported_prisma(dir);
  testing::TestDatabase db;
  psql(db.url(), kUsersByHand);
  psql(db.url(), "ALTER TABLE \"User\" ADD COLUMN nickname text");

  const auto refused = run_command(
      strata(with_dev_url({"migrate", "baseline", "20210313140442", "--url", db.url(), "--dir", migrations.string()})));
  EXPECT_EQ(refused.exit_code, 1) << refused.out << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("nothing was recorded"));
  EXPECT_THAT(refused.err, HasSubstr("is not at version 20210313140442"));
  EXPECT_THAT(refused.err, HasSubstr("nickname"));
  EXPECT_EQ(history_rows(db.url()), 0);

  const auto later = run_command(
      strata(with_dev_url({"migrate", "baseline", "20210314120000", "--url", db.url(), "--dir", migrations.string()})));
  EXPECT_EQ(later.exit_code, 1) << later.out << later.err;
  EXPECT_THAT(later.err, HasSubstr("Post"));
  EXPECT_EQ(history_rows(db.url()), 0);
}

INSTANTIATE_TEST_SUITE_P(ReadOfflineOrReplayed, Baseline, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "replayed" : "offline"; });

TEST(Baseline, AVersionWithNoMigrationIsBadInput) {
  MigrationDir dir;
  const fs::path migrations = imported_prisma(dir);
  testing::TestDatabase db;
  const auto result =
      run_command(strata({"migrate", "baseline", "20210313140000", "--url", db.url(), "--dir", migrations.string()}));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_THAT(result.err, HasSubstr("no migration of version 20210313140000"));
  EXPECT_EQ(history_rows(db.url()), 0);
}

TEST(Import, FlywayRepeatablesAreRefusedUnlessAMappingIsChosen) {
  MigrationDir dir;
  const fs::path out = dir.path() / "migrations";
  const std::string from = (kTools / "flyway").string();
  const auto refused = run_command(strata({"migrate", "import", "--from", "flyway", from, "--to", out.string()}));
  EXPECT_EQ(refused.exit_code, 2) << refused.out << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("R__Person_view.sql"));
  EXPECT_THAT(refused.err, HasSubstr("--repeatable"));
  EXPECT_FALSE(fs::exists(out / "strata.sum"));

  const auto skipped = run_command(
      strata({"migrate", "import", "--from", "flyway", from, "--to", out.string(), "--repeatable", "skip"}));
  ASSERT_EQ(skipped.exit_code, 0) << skipped.out << skipped.err;
  EXPECT_THAT(skipped.out, HasSubstr("not carried: "));
  EXPECT_THAT(skipped.out, HasSubstr("R__Person_view.sql"));
  EXPECT_TRUE(fs::exists(out / "strata.sum"));

  const auto twice = run_command(
      strata({"migrate", "import", "--from", "flyway", from, "--to", out.string(), "--repeatable", "skip"}));
  EXPECT_EQ(twice.exit_code, 2) << "a directory that holds migrations is not written over";
}

TEST(Import, AFileTheToolWouldRefuseNamesFileAndLine) {
  MigrationDir source;
  source.write("20240101000000_first.sql", "create table t (id int);\n");
  const auto result = run_command(strata(
      {"migrate", "import", "--from", "dbmate", source.path().string(), "--to", (source.path() / "out").string()}));
  EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
  EXPECT_THAT(result.err, HasSubstr("20240101000000_first.sql:"));
  EXPECT_THAT(result.err, HasSubstr("-- migrate:up"));
}

}  // namespace
}  // namespace strata
