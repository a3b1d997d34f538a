// strata's commands against the CockroachDB stand-in, for every supported release of the catalogue,
// with allow_unsafe_internals on and off: inspect, plan, apply --dry-run, migrate status and check
// must succeed, and every statement strata sends must be one the release answers. The stand-in
// answers only from the catalogue (support/crdb_standin/README.md): this proves what strata sends
// and that it reads what comes back, not how a server behaves on rows, jobs and locks.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/crdb_standin.hpp"
#include "support/migration_dir.hpp"
#include "support/run_command.hpp"

namespace strata::testing {
namespace {

namespace fs = std::filesystem;

using Case = StandinCase;

// The schema the stand-in's default state holds (state/default: recorded SHOW CREATE ALL TABLES),
// declared, plus one new nullable column: a plan with one step and no hazard.
constexpr const char* kDeclared = R"(tables:
  parent:
    columns:
      x: {type: int8, nullable: true}
      y: {type: int8, nullable: true}
      z: {type: int8, nullable: true}
      note: {type: string, nullable: true}
    indexes:
      - {columns: [x, y, z], unique: true, name: parent_x_y_z_key}
      - {columns: [x], unique: true, name: parent_x_key}
  full_test:
    columns:
      x: {type: int8, nullable: true}
      y: {type: int8, nullable: true}
      z: {type: int8, nullable: true}
    indexes:
      - {columns: [x], unique: true, name: full_test_x_key}
    foreign_keys:
      - {name: full_test_x_y_z_fkey, columns: [x, y, z], references: {table: parent, columns: [x, y, z]},
         on_delete: cascade, on_update: cascade, match: full}
      - {name: test_fk, columns: [x], references: {table: parent, columns: [x]},
         on_delete: cascade}
sequences:
  s: {}
)";

class CrdbStandinCommands : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("strata-crdb-standin-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "schema.yaml") << kDeclared;
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult strata(std::vector<std::string> args) {
    args.insert(args.begin(), strata_binary());
    args.insert(args.end(), {"--url", standin_.url()});
    return run_command(args, {"DATABASE_URL=", "STRATA_DEV_URL="});
  }

  // Every statement strata sent was answered, except the reads of strata's own history table on a
  // database that has none (42P01, which strata takes for "no history yet").
  void expect_every_statement_answered() {
    for (const auto& logged : standin_.statements()) {
      if (logged.sqlstate.empty()) continue;
      const bool no_history =
          logged.sqlstate == "42P01" && logged.statement.find("strata_schema_history") != std::string::npos;
      EXPECT_TRUE(no_history) << GetParam().release << " refused (" << logged.sqlstate << "): " << logged.statement;
    }
  }

  CrdbStandin standin_{GetParam().release, GetParam().unsafe_internals};
  fs::path dir_;
};

TEST_P(CrdbStandinCommands, InspectReadsTheCatalog) {
  const auto result = strata({"inspect"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("full_test"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("parent"), std::string::npos) << result.out;
  // What the model lacks is named on standard error (the view); the tables' column families are
  // in the YAML (parent's one family is f1, not CockroachDB's default "primary"), which inspect
  // once named on standard error as left out.
  EXPECT_NE(result.err.find("\n  view public.vx\n"), std::string::npos) << result.err;
  EXPECT_NE(result.out.find("family: f1"), std::string::npos) << result.out;
  expect_every_statement_answered();
}

TEST_P(CrdbStandinCommands, PlanAndDryRunApply) {
  const auto plan = strata({"plan", "--schema", (dir_ / "schema.yaml").string(), "--format", "sql"});
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  EXPECT_NE(plan.out.find("ADD COLUMN note"), std::string::npos) << plan.out;
  const auto apply = strata({"apply", "--dry-run", "--schema", (dir_ / "schema.yaml").string()});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  expect_every_statement_answered();
}

TEST_P(CrdbStandinCommands, MigrateStatusAndCheck) {
  MigrationDir migrations;
  migrations.add("1_notes", "ALTER TABLE parent ADD COLUMN note STRING;", "ALTER TABLE parent DROP COLUMN note;");
  migrations.hash();
  const auto status = strata({"migrate", "status", "--dir", migrations.path().string()});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("pending"), std::string::npos) << status.out;
  const auto check =
      strata({"check", "--dir", migrations.path().string(), "--schema", (dir_ / "schema.yaml").string()});
  EXPECT_TRUE(check.exit_code == 0 || check.exit_code == 1) << check.exit_code << check.err;
  EXPECT_NE(check.out.find("integrity"), std::string::npos) << check.out;
  expect_every_statement_answered();
}

// strata reads CockroachDB's catalog through SHOW statements, which the releases answer with
// allow_unsafe_internals off: never crdb_internal, which the newest releases refuse.
TEST_P(CrdbStandinCommands, NothingReadsCrdbInternal) {
  ASSERT_EQ(strata({"inspect"}).exit_code, 0);
  for (const auto& logged : standin_.statements()) {
    EXPECT_EQ(logged.statement.find("crdb_internal."), std::string::npos) << logged.statement;
  }
}

INSTANTIATE_TEST_SUITE_P(Releases, CrdbStandinCommands, ::testing::ValuesIn(standin_cases()), standin_case_name);

// The release policy: an older server is refused naming the oldest supported release (exit 2) and
// with nothing read; a newer one than strata knows runs, read as the newest, with a one-line warning.
TEST(CrdbStandinReleasePolicy, AnOlderServerIsRefusedNamingTheOldestSupported) {
  CrdbStandin standin(CrdbStandin::releases().front(), "default",
                      "CockroachDB CCL v23.2.8 (x86_64-pc-linux-gnu, built 2024/07/01 00:00:00, go1.22.5)");
  const auto result = run_command({strata_binary(), "inspect", "--url", standin.url()}, {"DATABASE_URL="});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("CockroachDB v23.2 is not supported: strata supports v24.3 and later"), std::string::npos)
      << result.err;
  for (const auto& logged : standin.statements()) {
    EXPECT_EQ(logged.statement.find("SHOW CREATE"), std::string::npos) << "nothing is read: " << logged.statement;
  }
}

TEST(CrdbStandinReleasePolicy, ANewerServerRunsWithAOneLineWarning) {
  CrdbStandin standin(CrdbStandin::releases().back(), "default",
                      "CockroachDB CCL v27.1.0 (x86_64-pc-linux-gnu, built 2027/02/01 00:00:00, go1.27)");
  const auto result = run_command({strata_binary(), "inspect", "--url", standin.url()}, {"DATABASE_URL="});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  // The warning is the first line and the only one; what follows is inspect's list of what it left alone.
  const std::string first = result.err.substr(0, result.err.find('\n'));
  EXPECT_TRUE(
      first.starts_with("strata: warning: CockroachDB v27.1 is newer than the newest release strata knows "
                        "(v26.3)"))
      << result.err;
  EXPECT_EQ(result.err.find("warning", first.size()), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find("\nstrata: ", first.size()), result.err.find("\nstrata: left alone")) << result.err;
}

TEST(CrdbStandinReleasePolicy, TheNewestKnownReleaseNeedsNoWarning) {
  CrdbStandin standin(CrdbStandin::releases().back(), "default");
  const auto result = run_command({strata_binary(), "inspect", "--url", standin.url()}, {"DATABASE_URL="});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err.find("warning"), std::string::npos) << result.err;
}

// --lock advisory on CockroachDB would lock nothing: refused before any change (exit 2).
TEST(CrdbStandinReleasePolicy, AdvisoryLockIsRefusedOnCockroachDb) {
  CrdbStandin standin(CrdbStandin::releases().back(), "default");
  MigrationDir migrations;
  migrations.add("1_t", "CREATE TABLE t (id INT8 PRIMARY KEY);", "DROP TABLE t;");
  migrations.hash();
  const auto result = run_command({strata_binary(), "migrate", "up", "--url", standin.url(), "--dir",
                                   migrations.path().string(), "--lock", "advisory"},
                                  {"DATABASE_URL="});
  EXPECT_EQ(result.exit_code, 2) << result.err;
  EXPECT_NE(result.err.find("--lock advisory cannot keep two strata apart on cockroachdb"), std::string::npos)
      << result.err;
  for (const auto& logged : standin.statements()) {
    EXPECT_EQ(logged.statement.find("CREATE TABLE t"), std::string::npos) << "nothing runs: " << logged.statement;
  }
}

}  // namespace
}  // namespace strata::testing
