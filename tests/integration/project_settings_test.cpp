// strata.yaml settings that the library honours, through the front door on the real PostgreSQL:
// the hazards it allows (the hint for a refused plan names them too, and a bad name is reported at
// its line), and the history table's name (`history_table:`, `--history-table`), which migrate
// writes, status reads, and apply, plan and check leave alone.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <pqxx/pqxx>

#include "strata/config.hpp"
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
using ::testing::Not;
using testing::query_value;
using testing::run_command;
using testing::strata_binary;

void run_sql(const std::string& url, const std::string& sql) {
  pqxx::connection connection(url);
  pqxx::nontransaction(connection).exec(sql);
}

std::string project_file(const MigrationDir& dir, const std::string& text) {
  std::ofstream(dir.path() / "strata.yaml") << text;
  return (dir.path() / "strata.yaml").string();
}

TEST(ProjectSettings, TheHazardHintNamesTheHazardsStrataYamlAllowsToo) {
  testing::TestDatabase db;
  run_sql(db.url(), "CREATE TABLE t (id int, old text); INSERT INTO t SELECT g, 'x' FROM generate_series(1, 10) g;");
  MigrationDir dir;
  dir.write(
      "schema.yaml",
      "tables:\n  t:\n    columns: { id: { type: int, nullable: true } }\n    indexes:\n      - { columns: [id] }\n");
  const std::string config =
      project_file(dir, "url: " + db.url() + "\nschema: [schema.yaml]\nallow_hazards: [index-build]\n");

  const auto refused = run_command({strata_binary(), "apply", "--config", config, "--auto-approve"});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("--allow-hazards data-loss,index-build"));
  EXPECT_THAT(refused.err, Not(HasSubstr("--allow-hazards data-loss\n")));

  const auto followed = run_command(
      {strata_binary(), "apply", "--config", config, "--auto-approve", "--allow-hazards", "data-loss,index-build"});
  EXPECT_EQ(followed.exit_code, 0) << followed.err;
}

TEST(ProjectSettings, ABadHazardInStrataYamlIsReportedAtItsLine) {
  MigrationDir dir;
  const std::string config =
      project_file(dir, "schema: [schema.yaml]\nallow_hazards:\n  - index-build\n  - data-los\n");
  const auto result = run_command(
      {strata_binary(), "apply", "--config", config, "--url", "postgresql://x@127.0.0.1:1/x", "--auto-approve"});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_THAT(result.err, HasSubstr("strata.yaml:4:5: error: unknown hazard 'data-los' in allow_hazards"));
  EXPECT_THAT(result.err, Not(HasSubstr("in --allow-hazards")));
  try {
    load_project_config(config);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].position.line, 4);
  }
}

TEST(ProjectSettings, TheHistoryTableCanBeNamed) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_t", "CREATE TABLE t (id int);", "DROP TABLE t;");
  dir.hash();
  dir.write("schema.yaml", "tables:\n  t:\n    columns: { id: { type: int, nullable: true } }\n");
  const std::string config = project_file(
      dir, "url: " + db.url() + "\nmigrations: .\nschema: [schema.yaml]\nhistory_table: ops.migrations_done\n");

  const auto up = run_command({strata_binary(), "migrate", "up", "--config", config});
  ASSERT_EQ(up.exit_code, 0) << up.err;
  EXPECT_EQ(query_value(db.url(), "SELECT state FROM ops.migrations_done WHERE version = 1"), "applied");
  EXPECT_EQ(query_value(db.url(), "SELECT to_regclass('strata_schema_history') IS NULL"), "t");

  const auto status = run_command({strata_binary(), "migrate", "status", "--config", config});
  EXPECT_THAT(status.out, HasSubstr("1 applied")) << status.out << status.err;
  // apply, plan and check leave the history table alone (they read only public and the
  // declared namespaces, and never the history table, wherever it is).
  const auto plan = run_command({strata_binary(), "plan", "--config", config});
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_THAT(plan.out, Not(HasSubstr("migrations_done")));

  // The flag overrides the file: strata_schema_history holds nothing.
  const auto other = run_command(
      {strata_binary(), "migrate", "status", "--config", config, "--history-table", "strata_schema_history"});
  EXPECT_THAT(other.out, HasSubstr("1 pending")) << other.out << other.err;
}

TEST(ProjectSettings, AHistoryTableInPublicIsNotPartOfTheSchema) {
  testing::TestDatabase db;
  MigrationDir dir;
  dir.add("1_t", "CREATE TABLE t (id int);", "DROP TABLE t;");
  dir.hash();
  dir.write("schema.yaml", "tables:\n  t:\n    columns: { id: { type: int, nullable: true } }\n");
  const std::string config =
      project_file(dir, "url: " + db.url() + "\nmigrations: .\nschema: [schema.yaml]\nhistory_table: app_history\n");
  ASSERT_EQ(run_command({strata_binary(), "migrate", "up", "--config", config}).exit_code, 0);
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM app_history"), "1");
  const auto plan = run_command({strata_binary(), "plan", "--config", config});
  EXPECT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_THAT(plan.out, Not(HasSubstr("app_history"))) << "the plan would drop the history";
  const auto check = run_command({strata_binary(), "check", "--config", config, "--url", db.url()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  const auto apply = run_command({strata_binary(), "apply", "--config", config, "--auto-approve"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_EQ(query_value(db.url(), "SELECT count(*) FROM app_history"), "1");
}

TEST(ProjectSettings, ABadHistoryTableNameIsBadInput) {
  MigrationDir dir;
  const std::string config = project_file(dir, "history_table: \"drop table x;\"\n");
  const auto from_file = run_command({strata_binary(), "migrate", "status", "--config", config, "--url", "x"});
  EXPECT_EQ(from_file.exit_code, 2);
  EXPECT_THAT(from_file.err, HasSubstr("strata.yaml:1:16"));
  EXPECT_THAT(from_file.err, HasSubstr("cannot name the history table"));

  testing::TestDatabase db;
  const auto from_flag = run_command({strata_binary(), "migrate", "up", "--url", db.url(), "--dir", dir.path().string(),
                                      "--history-table", "Bad-Name"});
  EXPECT_EQ(from_flag.exit_code, 2) << from_flag.err;
  EXPECT_THAT(from_flag.err, HasSubstr("'Bad-Name' cannot name the history table"));
}

}  // namespace
}  // namespace strata
