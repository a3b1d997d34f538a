// `strata migrate` from the command line on the real PostgreSQL: status as a table and as JSON,
// hash, strata.yaml with ${VAR}, exit codes, `migrate new` round trips on the shop example, down files
// that cannot restore data, and a statement a killed migrator left unconfirmed.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>

#include "strata/migrate.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"
#include "support/test_database.hpp"
#include "support/waiting.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::MigrationDir;
using testing::query_value;
using testing::run_command;
using testing::strata_binary;

std::vector<std::string> migrate(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {strata_binary(), "migrate"};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

MigrationDir two_migrations() {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_posts", "CREATE TABLE posts (id int PRIMARY KEY, author int REFERENCES users);", "DROP TABLE posts;");
  dir.hash();
  return dir;
}

TEST(MigrateCli, StatusUpDownAndJsonReports) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();

  auto status = run_command(migrate({"status", "--url", db.url(), "--dir", d}));
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("VERSION"));
  EXPECT_THAT(status.out, HasSubstr("2 pending"));
  EXPECT_THAT(status.out, ::testing::Not(HasSubstr("\033["))) << "no colours when not on a terminal";

  auto up = run_command(migrate({"up", "1", "--url", db.url(), "--dir", d, "--format", "json"}));
  ASSERT_EQ(up.exit_code, 0) << up.err;
  const auto report = nlohmann::json::parse(up.out);
  EXPECT_EQ(report["format_version"], 1);
  ASSERT_EQ(report["migrations"].size(), 1u);
  EXPECT_EQ(report["migrations"][0]["version"], 1);
  EXPECT_EQ(report["migrations"][0]["direction"], "up");
  EXPECT_THAT(up.err, HasSubstr("applying 1 users"));

  status = run_command(migrate({"status", "--url", db.url(), "--dir", d, "--format", "json"}));
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const auto states = nlohmann::json::parse(status.out);
  EXPECT_EQ(states["migrations"][0]["state"], "applied");
  EXPECT_EQ(states["migrations"][1]["state"], "pending");
  EXPECT_FALSE(states["migrations"][0]["applied_at"].is_null());

  auto rest = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  ASSERT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_THAT(rest.out, HasSubstr("applied 1 migration."));
  auto again = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  EXPECT_THAT(again.out, HasSubstr("Nothing to do"));

  auto down = run_command(migrate({"down", "2", "--url", db.url(), "--dir", d}));
  ASSERT_EQ(down.exit_code, 0) << down.err;
  EXPECT_THAT(down.out, HasSubstr("reverted 2 migrations."));
  EXPECT_THAT(down.out, HasSubstr("\ndown 1 users (1 statement, ")) << "no stray leading space on any line";
  EXPECT_EQ(down.out.find("\n "), std::string::npos) << down.out;
  EXPECT_NE(down.out[0], ' ') << down.out;
  EXPECT_THAT(testing::table_names(db.url()), ::testing::IsEmpty());
}

TEST(MigrateCli, ExitCodesSayWhatWentWrong) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const std::string d = dir.path().string();
  dir.write("2_posts.up.sql", "CREATE TABLE posts (id int);");
  auto edited = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(edited.exit_code, 2) << "an edit not in strata.sum is bad input";
  EXPECT_THAT(edited.err, HasSubstr("2_posts.up.sql was edited"));

  auto hashed = run_command(migrate({"hash", "--dir", d}));
  ASSERT_EQ(hashed.exit_code, 0) << hashed.err;
  EXPECT_THAT(hashed.out, HasSubstr("2 migrations"));

  dir.write("2_posts.up.sql", "CREATE TABLE posts (id int);\nINSERT INTO nowhere VALUES (1);");
  run_command(migrate({"hash", "--dir", d}));
  auto failed = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(failed.exit_code, 4) << "a statement the server refused";
  EXPECT_THAT(failed.err, HasSubstr("2_posts.up.sql:2: statement 2 of 2 failed"));

  auto unreachable = run_command(migrate({"up", "--url", "postgresql://nobody@127.0.0.1:1/none", "--dir", d}));
  EXPECT_EQ(unreachable.exit_code, 3);
  auto no_dir = run_command(migrate({"up", "--url", db.url(), "--dir", d + "/nope"}));
  EXPECT_EQ(no_dir.exit_code, 2);
  EXPECT_THAT(no_dir.err, HasSubstr("does not exist"));
}

TEST(MigrateCli, StrataYamlSuppliesTheSettingsAndFlagsOverrideThem) {
  testing::TestDatabase db;
  MigrationDir dir = two_migrations();
  const fs::path project = dir.path() / "project";
  fs::create_directories(project);
  std::ofstream(project / "strata.yaml") << "url: ${STRATA_TEST_APP_URL}\nmigrations: ..\nlock: { wait: 30 }\n";
  const std::string config = (project / "strata.yaml").string();

  auto up = run_command({strata_binary(), "migrate", "up", "1", "--config", config},
                        {"STRATA_TEST_APP_URL=" + db.url(), "DATABASE_URL="});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_THAT(up.out, HasSubstr("applied 1 migration."));

  auto unset =
      run_command({strata_binary(), "migrate", "up", "--config", config}, {"STRATA_TEST_APP_URL=", "DATABASE_URL="});
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_THAT(unset.err, HasSubstr("${STRATA_TEST_APP_URL}, which is not set"));

  auto flag = run_command({strata_binary(), "migrate", "status", "--config", config, "--dir", "/nonexistent"},
                          {"STRATA_TEST_APP_URL=" + db.url()});
  EXPECT_EQ(flag.exit_code, 2) << "--dir overrides the file's migrations";

  std::ofstream(project / "strata.yaml") << "url: x\nmigrashuns: y\n";
  auto bad = run_command({strata_binary(), "migrate", "status", "--config", config});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("strata.yaml:2:1"));
  EXPECT_THAT(bad.err, HasSubstr("migrashuns"));
}

TEST(MigrateCli, NewWritesAPairThatReachesTheDeclaredSchemaAndComesBack) {
  testing::TestDatabase db;
  MigrationDir dir;
  const std::string d = dir.path().string();
  const std::string shop = std::string(STRATA_SOURCE_DIR) + "/examples/shop";
  const std::string shop_v2 = std::string(STRATA_SOURCE_DIR) + "/examples/shop-v2";

  auto first = run_command(migrate({"new", "shop", "--schema", shop, "--dir", d, "--dev-url", testing::admin_url()}));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("_shop.up.sql"));
  auto second =
      run_command(migrate({"new", "shop_v2", "--schema", shop_v2, "--dir", d, "--dev-url", testing::admin_url()}));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("hazard in the up file: data-loss"));
  auto nothing =
      run_command(migrate({"new", "again", "--schema", shop_v2, "--dir", d, "--dev-url", testing::admin_url()}));
  ASSERT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_THAT(nothing.out, HasSubstr("Nothing to write"));

  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);
  auto plan = run_command({strata_binary(), "plan", "--url", db.url(), "--schema", shop_v2});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_THAT(plan.out, HasSubstr("No changes")) << plan.out;

  // The generated down files say they cannot restore what they drop: approved here, as a script would.
  ASSERT_EQ(run_command(migrate({"down", "--auto-approve", "--url", db.url(), "--dir", d})).exit_code, 0);
  plan = run_command({strata_binary(), "plan", "--url", db.url(), "--schema", shop});
  EXPECT_THAT(plan.out, HasSubstr("No changes")) << "down led back to the first release: " << plan.out;
  ASSERT_EQ(run_command(migrate({"down", "--auto-approve", "--url", db.url(), "--dir", d})).exit_code, 0);
  EXPECT_THAT(testing::table_names(db.url()), ::testing::IsEmpty());
}

TEST(MigrateCli, AStatementLeftUnconfirmedStopsTheRunUntilSomeoneDecides) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_steps",
          "-- strata:no-transaction\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);",
          std::nullopt);
  dir.hash();
  const std::string d = dir.path().string();
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);
  {
    // What a migrator killed between statement 2 and its history update leaves (statement 2 ran).
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    tx.exec("DROP TABLE c");
    tx.exec(
        "UPDATE strata_schema_history SET state = 'partial', statements_applied = 1, statement_started = 2, "
        "statement_started_at = now(), finished_at = NULL, success = false");
  }
  auto stopped = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(stopped.exit_code, 1);
  EXPECT_THAT(stopped.err, HasSubstr("1_steps.up.sql:3: statement 2 of 3 was started"));
  EXPECT_THAT(stopped.err, HasSubstr("--interrupted=skip"));
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b"));

  auto retried = run_command(migrate({"up", "--url", db.url(), "--dir", d, "--interrupted", "retry"}));
  EXPECT_EQ(retried.exit_code, 4) << "retrying statement 2 fails: it did take effect";
  auto skipped = run_command(migrate({"up", "--url", db.url(), "--dir", d, "--interrupted", "skip"}));
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_THAT(testing::table_names(db.url()), ::testing::ElementsAre("a", "b", "c"));
}

TEST(MigrateCli, StatusColumnsLineUpWithLongNamesAndColours) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_a", "CREATE TABLE a (id int);", std::nullopt);
  dir.add("20261201093000_a_much_longer_name_than_the_header_or_the_others",
          "CREATE TABLE b (id int);\nINSERT INTO nowhere VALUES (1);", std::nullopt);
  dir.add("20261201093001_c", "CREATE TABLE c (id int);", std::nullopt);
  dir.hash();
  const std::string d = dir.path().string();
  ASSERT_EQ(run_command(migrate({"up", "1", "--url", db.url(), "--dir", d})).exit_code, 0);
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 4);  // a failed row
  auto status = run_command(migrate({"status", "--url", db.url(), "--dir", d}), {"CLICOLOR_FORCE=1"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("\033[32m")) << "CLICOLOR_FORCE keeps colours in a pipe";

  // Without the colour codes, every column starts at the same place on every line.
  std::string plain;
  for (std::size_t i = 0; i < status.out.size(); ++i) {
    if (status.out[i] == '\033') {
      i = status.out.find('m', i);
      continue;
    }
    plain += status.out[i];
  }
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; start < plain.size(); start = end + 1) {
    end = plain.find('\n', start);
    lines.push_back(plain.substr(start, end - start));
  }
  ASSERT_GE(lines.size(), 4u) << plain;
  const std::size_t name_at = lines[0].find("NAME"), state_at = lines[0].find("STATE"), when_at = lines[0].find("WHEN"),
                    detail_at = lines[0].find("DETAIL");
  for (std::size_t i = 1; i <= 3; ++i) {
    const std::string& line = lines[i];
    EXPECT_NE(line[0], ' ') << "no leading space: " << line;
    EXPECT_EQ(line[name_at - 1], ' ') << line;
    EXPECT_NE(line[name_at], ' ') << line;
    EXPECT_NE(line[state_at], ' ') << line;
    EXPECT_EQ(line[state_at - 1], ' ') << line;
    EXPECT_EQ(line.substr(state_at).find_first_of("apf"), 0u) << line;
    if (line.size() > when_at && line.substr(state_at, 7) != "pending") {
      EXPECT_NE(line[when_at], ' ') << "WHEN starts in its column: " << line;
      EXPECT_EQ(line[detail_at - 1], ' ') << line;
    }
    EXPECT_NE(line.back(), ' ') << "no trailing space: " << line;
  }
  EXPECT_THAT(lines[2], HasSubstr("failed"));
  EXPECT_THAT(lines[2].substr(detail_at), HasSubstr("last attempt rolled back"));
}

TEST(MigrateCli, DryRunPrintsTheSqlItWouldRunFromTheResumePoint) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_steps", "-- strata:no-transaction\nCREATE TABLE a (id int);\n\nCREATE TABLE b (id int);", "DROP TABLE b;");
  dir.add("2_more", "CREATE TABLE c (id int);", "DROP TABLE c;");
  dir.hash();
  const std::string d = dir.path().string();
  auto all = run_command(migrate({"up", "--dry-run", "--url", db.url(), "--dir", d}));
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_THAT(all.out, HasSubstr("-- would run up 1 steps: 1_steps.up.sql, 2 statements, each statement on its own\n"
                                 "-- 1_steps.up.sql:2\nCREATE TABLE a (id int);\n"
                                 "-- 1_steps.up.sql:4\nCREATE TABLE b (id int);\n"));
  EXPECT_THAT(all.out, HasSubstr("-- would run up 2 more: 2_more.up.sql, 1 statement, in one transaction\n"));
  EXPECT_THAT(all.out, HasSubstr("-- Dry run: nothing was changed."));
  EXPECT_THAT(testing::table_names(db.url()), ::testing::IsEmpty());

  {  // statement 1 took effect, then the run stopped: the dry run starts at statement 2
    ASSERT_EQ(run_command(migrate({"up", "1", "--url", db.url(), "--dir", d})).exit_code, 0);
    pqxx::connection c(db.url());
    pqxx::nontransaction tx(c);
    tx.exec("DROP TABLE b");
    tx.exec("UPDATE strata_schema_history SET state = 'partial', statements_applied = 1, finished_at = NULL");
  }
  auto resumed = run_command(migrate({"up", "--dry-run", "--url", db.url(), "--dir", d}));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.out, HasSubstr("1 statement (resuming at statement 2)"));
  EXPECT_THAT(resumed.out, ::testing::Not(HasSubstr("CREATE TABLE a")));
  EXPECT_THAT(resumed.out, HasSubstr("CREATE TABLE b"));
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);

  auto down = run_command(migrate({"down", "--dry-run", "--url", db.url(), "--dir", d}));
  EXPECT_THAT(down.out, HasSubstr("-- would run down 2 more: 2_more.down.sql, 1 statement, in one transaction\n"
                                  "-- 2_more.down.sql:1\nDROP TABLE c;\n"));
  auto go = run_command(migrate({"goto", "0", "--dry-run", "--url", db.url(), "--dir", d}));
  EXPECT_THAT(go.out, HasSubstr("DROP TABLE c;\n"));
  EXPECT_THAT(go.out, HasSubstr("DROP TABLE b;\n"));
  EXPECT_LT(go.out.find("DROP TABLE c"), go.out.find("DROP TABLE b")) << "in the order they would run";
}

TEST(MigrateCli, NewWithoutASchemaWritesAnEmptyPairForHandWrittenSql) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("0001_users", "CREATE TABLE users (id int);", std::nullopt);
  dir.hash();
  const std::string d = dir.path().string();
  auto made = run_command(migrate({"new", "add_email", "--dir", d}), {"DATABASE_URL="});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_THAT(made.out, HasSubstr("0002_add_email.up.sql"));
  EXPECT_THAT(made.out, HasSubstr("0002_add_email.down.sql"));
  EXPECT_THAT(dir.text("0002_add_email.up.sql"), HasSubstr("hand-written SQL"));
  EXPECT_THAT(dir.text("strata.sum"), HasSubstr("0002_add_email.up.sql sha256:"));

  dir.write("0002_add_email.up.sql", dir.text("0002_add_email.up.sql") + "ALTER TABLE users ADD COLUMN email text;\n");
  auto stale = run_command(migrate({"up", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(stale.exit_code, 2) << "the SQL written after the sum needs `migrate hash`";
  ASSERT_EQ(run_command(migrate({"hash", "--dir", d})).exit_code, 0);
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);
  EXPECT_TRUE(testing::has_column(db.url(), "users", "email"));
}

// A down file that says it cannot restore data (`-- strata:lossy <why>`, as `strata migrate new`
// writes it): with no terminal to ask on, down and goto run nothing and exit 1, naming the file and
// why, unless --auto-approve says to go on; a dry run lists the reasons. (On a terminal they ask.)
MigrationDir users_then_notes() {
  MigrationDir dir;
  dir.add("1_users", "CREATE TABLE users (id int PRIMARY KEY);", "DROP TABLE users;");
  dir.add("2_notes", "ALTER TABLE users ADD COLUMN note text;",
          "-- strata:lossy step 1 (drop column note from table users): drops column note of users and its values\n"
          "ALTER TABLE users DROP COLUMN note;");
  dir.hash();
  return dir;
}

TEST(MigrateLossyDown, WithNoOneToAskNothingRunsUnlessAutoApproved) {
  testing::TestDatabase db;
  MigrationDir dir = users_then_notes();
  const std::string d = dir.path().string();
  ASSERT_EQ(run_command(migrate({"up", "--url", db.url(), "--dir", d})).exit_code, 0);

  const auto refused = run_command(migrate({"down", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("nothing was run"));
  EXPECT_THAT(refused.err, HasSubstr("down 2 notes: step 1 (drop column note from table users)"));
  EXPECT_THAT(refused.err, HasSubstr("--auto-approve"));
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"), "1")
      << "the column is still there";

  const auto refused_goto = run_command(migrate({"goto", "0", "--url", db.url(), "--dir", d, "--format", "json"}));
  EXPECT_EQ(refused_goto.exit_code, 1) << refused_goto.err;
  EXPECT_THAT(refused_goto.out, HasSubstr("\"error\"")) << "one JSON document, also when refused";

  const auto preview = run_command(migrate({"down", "--dry-run", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(preview.exit_code, 0) << preview.err;
  EXPECT_THAT(preview.out, HasSubstr("-- cannot restore data: step 1 (drop column note from table users)"));

  const auto approved = run_command(migrate({"down", "--auto-approve", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(approved.exit_code, 0) << approved.err;
  EXPECT_THAT(approved.out, HasSubstr("cannot restore data: step 1"));
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM information_schema.columns WHERE column_name = 'note'"), "0");

  // A down file with no such line runs as before.
  const auto plain = run_command(migrate({"down", "--url", db.url(), "--dir", d}));
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
}

}  // namespace
}  // namespace strata
